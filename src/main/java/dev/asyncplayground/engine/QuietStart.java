package dev.asyncplayground.engine;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When a run with {@code cpu} steps may start: a moment after its turn came, once the server has
 * refused nothing for a while, or once the run has waited long enough for that.
 *
 * <p>A CPU run is timed on every core, and on a small machine anything else the server does
 * meanwhile takes cores from it. Measured on the 2-core host of docs/benchmarks.md, where a plain
 * program burning the same met the bar 20 times in 20:
 * <ul>
 *   <li>The moment its turn comes is the server's busiest around a run. Either the run before it
 *       has just ended (its viewers get the {@code done} event and summary, read the finished run
 *       and open the next run's stream) or the run has just been posted (its request is answered
 *       and its viewers start following it); and the JIT compiles what that made hot: 5-25 ms of
 *       CPU in all. Started at once, 5-7 of 9 CPU runs queued one behind another met their bar.
 *       So a CPU run starts {@code settleNanos} after its turn came.</li>
 *   <li>A burst of refusals. Every refusal costs the server about a millisecond of CPU, and the
 *       burst made the request path hot, so the JIT's C2 compiled for 100-400 ms of a core during
 *       the runs that followed. So a CPU run whose turn comes soon after a refusal waits until
 *       nothing has been refused for a moment and the JIT is idle.</li>
 * </ul>
 * The run is timed from when it really starts, so the wait is not in its elapsed time. Times are
 * {@link System#nanoTime()} readings, passed in, so that the rule's tests are exact.
 *
 * @param settleNanos  how long after its turn came a CPU run starts, at the earliest
 * @param quietNanos   how long without a refusal counts as calm
 * @param recentNanos  a refusal this long before the run's turn came, or later, makes it wait
 * @param longestNanos the longest a run waits once its turn has come; then it starts anyway
 * @param compiling    true while the JIT is compiling or has methods queued
 */
record QuietStart(long settleNanos, long quietNanos, long recentNanos, long longestNanos, BooleanSupplier compiling) {

    /**
     * The server's rule: a CPU run starts 100 ms after its turn came; one whose turn comes within a
     * second of a refusal waits until nothing has been refused for 100 ms and the JIT is idle, at
     * most one second.
     */
    static final QuietStart DEFAULT = new QuietStart(TimeUnit.MILLISECONDS.toNanos(100),
            TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(1),
            CompilerQueue::busyNow);
    /** No waiting: a CPU run starts the moment its turn comes, for runs nobody times (the warm-up's). */
    static final QuietStart NONE = new QuietStart(0, 0, 0, 0, () -> false);
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
        long waited = now - turnCame;
        if (waited >= longestNanos) {
            return 0;
        }
        long settling = Math.max(0, settleNanos - waited);
        return Math.min(Math.max(settling, afterRefusals(now, lastRefusal, turnCame)), longestNanos - waited);
    }

    /** How long the refusals still hold the run: until they have stopped for a moment and the JIT is idle. */
    private long afterRefusals(long now, long lastRefusal, long turnCame) {
        if (lastRefusal == NEVER || turnCame - lastRefusal > recentNanos) {
            return 0;
        }
        long calmIn = quietNanos - (now - lastRefusal);
        if (calmIn > 0) {
            return calmIn;
        }
        return compiling.getAsBoolean() ? COMPILER_POLL_NANOS : 0;
    }
}
