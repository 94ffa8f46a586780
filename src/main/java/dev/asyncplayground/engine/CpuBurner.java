package dev.asyncplayground.engine;

/**
 * Keeps the calling thread's CPU busy with real arithmetic until it has burnt a given CPU time.
 *
 * <p>Progress is measured in CPU time ({@link CpuClock}), so a pool with more threads than cores,
 * time-sliced by the OS, still burns the full amount on every thread. Where no CPU time can be
 * read, or a virtual thread's two readings are of different carriers (it moved), wall time stands
 * in for that interval.
 */
final class CpuBurner {

    /** Burns CPU time for the calling thread: {@link CpuBurner#burn} itself, or in {@link CoreTurns}. */
    @FunctionalInterface
    interface Burning {
        boolean burn(long nanos, long deadline, Budget budget) throws InterruptedException;
    }

    /** Takes the CPU time burnt since the last charge; false means stop (a limit was passed). */
    @FunctionalInterface
    interface Budget {
        boolean charge(long nanos);
    }

    /**
     * The longest the burner goes between readings of the CPU clock, charging the run's CPU limit
     * and seeing a cancel. A thread cannot burn more CPU than the wall time that passes, so reading
     * again once the wall time still missing has passed (or this, if sooner) never burns more than
     * one round too much. The reading, which for a virtual thread looks up its carrier, stays off
     * the hot path: read every millisecond, it became hot enough for the JIT to compile it while a
     * learner's run burnt.
     */
    private static final long READ_EVERY_NANOS = 10_000_000;
    private static final int ROUND = 2_000;
    private static volatile long sink;

    private CpuBurner() {
    }

    /**
     * Burns {@code nanos} of CPU time, stopping early when {@code System.nanoTime()} reaches
     * {@code deadline}.
     *
     * @return true if the whole amount was burnt, false if the deadline came first
     * @throws InterruptedException when the thread is interrupted or the budget refuses more
     */
    static boolean burn(long nanos, long deadline, Budget budget) throws InterruptedException {
        boolean virtual = Thread.currentThread().isVirtual();
        CpuClock.Reading last = CpuClock.read(virtual);
        long lastWall = System.nanoTime();
        long burnt = 0;
        while (burnt < nanos) {
            if (lastWall >= deadline) {
                return false;
            }
            long wall = computeUntil(Math.min(deadline, lastWall + Math.min(READ_EVERY_NANOS, nanos - burnt)));
            CpuClock.Reading now = CpuClock.read(virtual);
            long cpu = now.since(last);
            long used = cpu >= 0 ? cpu : wall - lastWall;
            burnt += used;
            last = now;
            lastWall = wall;
            if (Thread.interrupted() || !budget.charge(used)) {
                throw new InterruptedException("cpu step stopped");
            }
        }
        return true;
    }

    /**
     * Computes until {@code System.nanoTime()} reaches {@code until}; returns the last time read.
     * The hot loop lives alone here so that the JIT compiles it small and early, in the warm-up;
     * compiled together with the clock readings of {@link #burn} it came out tens of kilobytes,
     * whose compiling took a core from a first run.
     */
    private static long computeUntil(long until) {
        long acc = sink;
        long wall;
        do {
            acc = spin(acc);
            wall = System.nanoTime();
        } while (wall < until);
        sink = acc;
        return wall;
    }

    /** A round of real arithmetic the JIT cannot drop (its result is kept). */
    private static long spin(long seed) {
        long acc = seed;
        for (int i = 0; i < ROUND; i++) {
            acc = acc * 6364136223846793005L + 1442695040888963407L;
        }
        return acc;
    }
}
