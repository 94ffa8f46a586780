package dev.asyncplayground.bench;

import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunStatus;
import java.time.Duration;

/**
 * Waits for runs and finds, without touching the engine, the {@link System#nanoTime()} at which a
 * run's clock started.
 *
 * <p>Events are stamped {@code System.nanoTime() - start}, and {@code run.log().elapsedNanos()}
 * answers {@code System.nanoTime() - start} too. Reading our clock just before and just after it
 * brackets {@code start} to within the width of that window; the narrowest of a few tries is used.
 * Bench and engine share one JVM, so the two clocks are the same clock.
 */
final class RunClock {

    private static final int TRIES = 20;
    private static final long QUIET_POLL_MS = 50;

    private RunClock() {
    }

    /**
     * The run's start on this JVM's {@code System.nanoTime()} clock, and the uncertainty of that
     * estimate in nanoseconds.
     */
    record Start(long nanos, long uncertaintyNanos) {}

    /** Waits until the run's clock runs, then brackets its start. */
    static Start startOf(Run run, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (run.log().elapsedNanos() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + run.id() + " did not start within " + max);
            }
            Thread.sleep(1);
        }
        long best = Long.MAX_VALUE;
        long estimate = 0;
        for (int i = 0; i < TRIES; i++) {
            long before = System.nanoTime();
            long elapsed = run.log().elapsedNanos();
            long after = System.nanoTime();
            if (after - before < best) {
                best = after - before;
                estimate = before + (after - before) / 2 - elapsed;
            }
        }
        return new Start(estimate, (best + 1) / 2);
    }

    /**
     * Waits until the run's status is final; returns it. Polls every 50 ms until the run's ideal
     * real time has passed since the call, then every millisecond: polling every millisecond
     * throughout woke this JVM 1,000 times a second during every run the benches timed, and each
     * wake-up took a core from a run that computes.
     */
    static RunStatus awaitEnd(Run run, Duration max) throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + max.toNanos();
        long closeToEnd = now + idealRealNanos(run);
        while (!run.status().isFinal()) {
            if (System.nanoTime() > deadline) {
                run.cancel();
                throw new IllegalStateException("run " + run.id() + " did not end within " + max);
            }
            Thread.sleep(System.nanoTime() < closeToEnd ? QUIET_POLL_MS : 1);
        }
        return run.status();
    }

    /** The real time the run's ideal lasts at the speed it goes at; 0 if it never ends. */
    private static long idealRealNanos(Run run) {
        return run.neverEnds() ? 0 : (long) (run.idealMs() / run.speed().used() * 1e6);
    }
}
