package dev.asyncplayground.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The yardstick for CPU runs without the server: plain platform threads, each burning its share of
 * a {@code cpu 4x250ms} run by its own CPU clock, with nothing else of ours running.
 *
 * <p>It tells what the host itself gives two threads that compute, so that a CPU run's overshoot
 * can be split into what the machine costs and what the server's own work around the run adds.
 */
final class HostYardstick {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUND = 2_000;
    private static volatile long sink;

    private HostYardstick() {
    }

    /**
     * Starts {@code threads} platform threads that each burn {@code steps} times {@code stepNanos}
     * of their own CPU time, joins them, and returns the wall time it took in nanoseconds.
     */
    static long burn(int threads, int steps, long stepNanos) throws InterruptedException {
        Thread[] burners = new Thread[threads];
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            burners[i] = Thread.ofPlatform().start(() -> burnSteps(steps, stepNanos));
        }
        for (Thread burner : burners) {
            burner.join();
        }
        return System.nanoTime() - start;
    }

    private static void burnSteps(int steps, long stepNanos) {
        for (int step = 0; step < steps; step++) {
            long until = THREADS.getCurrentThreadCpuTime() + stepNanos;
            long acc = sink;
            while (THREADS.getCurrentThreadCpuTime() < until) {
                for (int i = 0; i < ROUND; i++) {
                    acc = acc * 6364136223846793005L + 1442695040888963407L;
                }
            }
            sink = acc;
        }
    }
}
