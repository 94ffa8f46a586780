package dev.asyncplayground.engine;

/** Keeps the calling thread's CPU busy with real arithmetic until a deadline. */
final class CpuBurner {

    private static volatile long sink;

    private CpuBurner() {
    }

    /** Spins until {@code System.nanoTime()} reaches {@code until}; stops early when interrupted. */
    static void burnUntil(long until) throws InterruptedException {
        long acc = sink;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 2_000; i++) {
                acc = acc * 6364136223846793005L + 1442695040888963407L;
            }
            if (Thread.interrupted()) {
                sink = acc;
                throw new InterruptedException("cpu step stopped");
            }
        }
        sink = acc;
    }
}
