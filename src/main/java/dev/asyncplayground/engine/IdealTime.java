package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;

/**
 * The elapsed time a program would take under a mode's rules with zero overhead, in scenario
 * nanoseconds, found by simulating it.
 *
 * <p>{@code sequential}: one thread, tasks in order. {@code virtual-threads}: every task (or the
 * first {@code limit}) at once; CPU steps non-preemptive on the cores, as virtual threads are not
 * time-sliced. {@code event-loop}: every task at once on one thread; CPU steps hold it.
 * {@code platform-threads}: {@code threads} tasks at once; CPU steps share the cores, time-sliced
 * as the OS does, so a pool larger than the core count gets no more than the cores; with
 * {@code gil}, CPU steps also take turns holding one lock (see {@link Gil}), so they use one core. Everywhere:
 * locks are first come first served, awaits and {@code after} wait for ends, timeouts cut their
 * steps short and {@code fail} ends a task.
 */
final class IdealTime {

    /**
     * What the simulation found.
     *
     * @param elapsedNanos scenario nanoseconds until the last task ends; for a program that never
     *                     ends, until the moment every unfinished task was stuck
     * @param cpuNanos     scenario nanoseconds of CPU the cpu steps burn
     * @param finishes     false if some tasks wait for each other (or for a task that cannot start)
     *                     forever, so a real run only stops at its wall-clock limit
     * @param cpuWallNanos scenario nanoseconds during which at least one cpu step burns; the cores
     *                     the ideal assumes are {@code cpuNanos / cpuWallNanos}
     * @param chain        the most resumptions one after another ({@link StepChains}), each of which
     *                     costs a real run a little time of its own
     * @param uneven       true if, for some time, more cpu steps burn at once than there are CPUs,
     *                     in a number the CPUs do not divide (3 on 2), on CPUs the OS time-slices
     *                     (platform threads); never on carriers, where a step keeps its CPU
     */
    record Result(long elapsedNanos, long cpuNanos, boolean finishes, long cpuWallNanos, long chain,
                  boolean uneven) {

        /** A result whose cpu steps, if any, are assumed to burn on one core at a time, with no chain to speak of. */
        Result(long elapsedNanos, long cpuNanos, boolean finishes) {
            this(elapsedNanos, cpuNanos, finishes, cpuNanos, 0, false);
        }
    }

    private IdealTime() {
    }

    /**
     * The ideal elapsed time under a mode with its default options (pool size, no limit) on this
     * machine's processors, in scenario nanoseconds (see {@link Result#elapsedNanos()}).
     */
    static long of(Program program, Mode mode) {
        return of(program, RunOptions.of(mode, 1), Runtime.getRuntime().availableProcessors());
    }

    /** The ideal elapsed time in scenario nanoseconds (see {@link Result#elapsedNanos()}). */
    static long of(Program program, RunOptions options, int cores) {
        return simulate(program, options, cores).elapsedNanos();
    }

    /** Simulates the program under the options' mode on {@code cores} CPUs. */
    static Result simulate(Program program, RunOptions options, int cores) {
        return new Simulation(Gil.ifOn(program, options), SimRules.of(options, Math.max(1, cores))).run();
    }
}
