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

    /** Takes the CPU time burnt since the last charge; false means stop (a limit was passed). */
    @FunctionalInterface
    interface Budget {
        boolean charge(long nanos);
    }

    /**
     * The longest the burner goes between readings of the CPU clock. A thread cannot burn more CPU
     * than the wall time that passes, so reading again once the wall time still missing has passed
     * (or this, if sooner) never burns more than one round too much; and the reading, which for a
     * virtual thread looks up its carrier, stays off the hot path.
     */
    private static final long READ_EVERY_NANOS = 1_000_000;
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
        CpuClock.Reading last = CpuClock.read();
        long lastWall = System.nanoTime();
        long burnt = 0;
        long acc = sink;
        try {
            while (burnt < nanos) {
                if (lastWall >= deadline) {
                    return false;
                }
                long wall = lastWall;
                long readAt = lastWall + Math.min(READ_EVERY_NANOS, nanos - burnt);
                while (wall < readAt && wall < deadline) {
                    acc = spin(acc);
                    wall = System.nanoTime();
                }
                CpuClock.Reading now = CpuClock.read();
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
        } finally {
            sink = acc;
        }
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
