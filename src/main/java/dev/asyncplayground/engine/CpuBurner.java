package dev.asyncplayground.engine;

/**
 * Keeps the calling thread's CPU busy with real arithmetic until it has burnt a given CPU time.
 *
 * <p>Progress is measured in CPU time ({@link CpuClock}), so a pool with more threads than cores,
 * time-sliced by the OS, still burns the full amount on every thread. Where no CPU time can be
 * read, wall time stands in.
 */
final class CpuBurner {

    /** Takes the CPU time burnt since the last charge; false means stop (a limit was passed). */
    @FunctionalInterface
    interface Budget {
        boolean charge(long nanos);
    }

    private static final int ROUND = 20_000;
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
        CpuClock.Reading last = CpuClock.read();
        long lastWall = System.nanoTime();
        long burnt = 0;
        long acc = sink;
        while (burnt < nanos) {
            if (lastWall >= deadline) {
                sink = acc;
                return false;
            }
            acc = spin(acc);
            CpuClock.Reading now = CpuClock.read();
            long wall = System.nanoTime();
            long cpu = now.since(last);
            long used = cpu >= 0 ? cpu : wall - lastWall;
            burnt += used;
            last = now;
            lastWall = wall;
            if (Thread.interrupted() || !budget.charge(used)) {
                sink = acc;
                throw new InterruptedException("cpu step stopped");
            }
        }
        sink = acc;
        return true;
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
