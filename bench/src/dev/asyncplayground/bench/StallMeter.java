package dev.asyncplayground.bench;

/**
 * Measures how late a thread that only sleeps 1 ms at a time wakes up: the longest such delay
 * during a round is a stall of the whole JVM (a collection's pause) or of the machine (the
 * virtual machine's CPUs taken away), which delays every event in flight, whatever the code does.
 */
final class StallMeter {

    private static final long TICK_NANOS = 1_000_000;

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxLateNanos;

    private StallMeter() {
        this.thread = Thread.ofPlatform().name("stall-meter").daemon(true).unstarted(this::measure);
    }

    /** Starts measuring now. */
    static StallMeter start() {
        StallMeter meter = new StallMeter();
        meter.thread.start();
        return meter;
    }

    /** Stops, and returns the longest delay seen, in milliseconds. */
    double stopMs() throws InterruptedException {
        running = false;
        thread.join();
        return maxLateNanos / 1e6;
    }

    private void measure() {
        while (running) {
            long before = System.nanoTime();
            try {
                Thread.sleep(1);
            } catch (InterruptedException stopped) {
                return;
            }
            long late = System.nanoTime() - before - TICK_NANOS;
            if (late > maxLateNanos) {
                maxLateNanos = late;
            }
        }
    }
}
