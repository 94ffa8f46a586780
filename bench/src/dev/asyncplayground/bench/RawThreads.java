package dev.asyncplayground.bench;

import java.time.Duration;

/**
 * The yardstick without the engine: N plain virtual threads that each sleep 1 s, nothing recorded.
 *
 * <p>It separates what the JDK and the machine cost from what the engine (events, counting,
 * supervision) adds on top.
 */
final class RawThreads {

    private RawThreads() {
    }

    /** What one measurement found, in real nanoseconds from the first start. */
    record Figures(long launchNanos, long allDoneNanos) {}

    /** Starts N virtual threads that sleep 1 s each and joins them all. */
    static Figures measure(int tasks) throws InterruptedException {
        Thread[] threads = new Thread[tasks];
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            threads[i] = Thread.ofVirtual().start(RawThreads::sleepOneSecond);
        }
        long launched = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        return new Figures(launched - start, System.nanoTime() - start);
    }

    private static void sleepOneSecond() {
        try {
            Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
