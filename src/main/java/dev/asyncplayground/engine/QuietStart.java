package dev.asyncplayground.engine;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When a run with {@code cpu} steps may start after the server has refused requests: once it has
 * refused none for a moment and the JIT has nothing left to compile, or once the run has waited
 * long enough for that.
 *
 * <p>A CPU run is timed on every core, and a burst of refusals took cores from it on a small
 * machine. Every refusal costs the server about a millisecond of CPU (accepting the connection,
 * reading the request, answering 429), so a class pressing Run on a full queue, or a script
 * retrying, took the cores of whichever CPU run was going; and the burst made the request path
 * hot, so the JIT's C2 compiled for 100-400 ms of a core during the runs that followed. The run
 * then reports fewer cores given, truthfully, but a learner sees a slower run. So a CPU run whose
 * turn comes soon after a refusal waits for the burst to pass and the compiler to finish; any
 * other run starts at once. Times are {@link System#nanoTime()} readings, passed in, so that the
 * rule's tests are exact.
 *
 * @param quietNanos   how long without a refusal counts as calm
 * @param recentNanos  a refusal this long before the run's turn came, or later, makes it wait
 * @param longestNanos the longest a run waits once its turn has come; then it starts anyway
 * @param compiling    true while the JIT is compiling or has methods queued
 */
record QuietStart(long quietNanos, long recentNanos, long longestNanos, BooleanSupplier compiling) {

    /**
     * The server's rule: a CPU run whose turn comes within a second of a refusal waits until
     * nothing has been refused for 100 ms and the JIT is idle, at most one second.
     */
    static final QuietStart DEFAULT = new QuietStart(TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.SECONDS.toNanos(1),
            TimeUnit.SECONDS.toNanos(1), CompilerQueue::busyNow);
    /** The reading of the last refusal before any refusal was made. */
    static final long NEVER = Long.MIN_VALUE;
    /** How often a run waiting for the JIT looks again. */
    static final long COMPILER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /**
     * How much longer a CPU run should wait before it starts; 0 to start it now.
     *
     * @param now         the clock now
     * @param lastRefusal when the server last refused a request, or {@link #NEVER}
     * @param turnCame    when the run became the next to start and the machine was free for it
     */
    long holdFor(long now, long lastRefusal, long turnCame) {
        long giveUpIn = longestNanos - (now - turnCame);
        if (lastRefusal == NEVER || turnCame - lastRefusal > recentNanos || giveUpIn <= 0) {
            return 0;
        }
        long calmIn = quietNanos - (now - lastRefusal);
        if (calmIn > 0) {
            return Math.min(calmIn, giveUpIn);
        }
        return compiling.getAsBoolean() ? Math.min(COMPILER_POLL_NANOS, giveUpIn) : 0;
    }
}
