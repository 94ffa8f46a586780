package dev.asyncplayground.engine;

/**
 * How a mode lets tasks use threads and CPUs, as the ideal-time simulation models it.
 *
 * @param slots      tasks that may be in flight at once (pool threads, a limit); the rest wait
 *                   in declaration order
 * @param cpus       CPUs available to cpu steps
 * @param carriers   true if a task needs one of the {@code cpus} for everything it does between
 *                   two waits and keeps it through CPU steps, nobody taking it away (virtual
 *                   threads on their carriers, the event loop's single thread); false if CPU steps
 *                   share the CPUs fairly and only they need one (OS threads, time-sliced)
 * @param oneAtATime true for sequential, whose one thread takes the tasks one at a time, each
 *                   straight through: awaiting a later task fails, and going on after a cpu step is
 *                   not a step of a chain ({@link StepChains})
 */
record SimRules(int slots, int cpus, boolean carriers, boolean oneAtATime) {

    static final int UNLIMITED = Integer.MAX_VALUE;

    /** The rules of a run's mode on a machine with {@code cores} CPUs. */
    static SimRules of(RunOptions options, int cores) {
        return switch (options.mode()) {
            case SEQUENTIAL -> new SimRules(1, cores, false, true);
            case VIRTUAL_THREADS -> new SimRules(options.limited() ? options.limit() : UNLIMITED, cores, true, false);
            case EVENT_LOOP -> new SimRules(UNLIMITED, 1, true, false);
            case PLATFORM_THREADS -> new SimRules(options.threads(), cores, false, false);
        };
    }
}
