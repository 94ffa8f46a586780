package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import java.time.Duration;
import java.util.List;

/**
 * What a run costs the machine while it runs, as admission weighs it.
 *
 * @param cpu              true if it has {@code cpu} steps: it then runs alone
 * @param tasks            its tasks, all counted as live for the whole run
 * @param wakeupsPerSecond its steps per real second at its ideal pace (a run shorter than a second
 *                         counts as taking one)
 * @param idealRealNanos   real nanoseconds it takes with zero overhead (its wall-clock limit if it
 *                         never ends)
 */
record RunCost(boolean cpu, int tasks, double wakeupsPerSecond, double idealRealNanos) {

    private static final double SECOND = 1e9;

    /** The cost of a program whose ideal run is known, under the given options and wall-clock limit. */
    static RunCost of(Program program, IdealTime.Result ideal, RunOptions options, Duration maxRunTime) {
        double real = ideal.finishes() ? ideal.elapsedNanos() / options.speed() : maxRunTime.toNanos();
        long steps = 0;
        for (var task : program.tasks()) {
            steps += steps(task.steps());
        }
        return new RunCost(ideal.cpuNanos() > 0, program.tasks().size(), steps / (Math.max(real, SECOND) / SECOND),
                real);
    }

    private static long steps(List<Step> body) {
        long count = 0;
        for (Step step : body) {
            count += 1 + switch (step) {
                case Step.Locked locked -> steps(locked.body());
                case Step.Timeout timeout -> steps(timeout.body());
                case Step.Wait w -> 0;
                case Step.Cpu c -> 0;
                case Step.Print p -> 0;
                case Step.Update u -> 0;
                case Step.Await a -> 0;
                case Step.Fail f -> 0;
            };
        }
        return count;
    }
}
