package dev.asyncplayground.engine;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When a run with {@code cpu} steps may start: once the server has wrapped up the run before it
 * and has refused nothing for a moment, or once the run has waited long enough for that.
 *
 * <p>A CPU run is timed on every core, and on a small machine anything else the server does
 * meanwhile takes cores from it. Two things did, measured on the 2-core host of
 * docs/benchmarks.md:
 * <ul>
 *   <li>The run before it. When a run ends, the server sends its viewers the {@code done} event and
 *       summary, they read the finished run and open the next run's stream, and the JIT compiles
 *       what that made hot: 5-25 ms of CPU in all. A queued CPU run that started at that moment
 *       absorbed it, and only 5-7 of 9 such runs met their bar; a plain program burning the same
 *       on the same host, 20 of 20. So a CPU run starts {@code settleNanos} after the last run
 *       ended, at the earliest.</li>
 *   <li>A burst of refusals. Every refusal costs the server about a millisecond of CPU, and the
 *       burst made the request path hot, so the JIT's C2 compiled for 100-400 ms of a core during
 *       the runs that followed. So a CPU run whose turn comes soon after a refusal waits until
 *       nothing has been refused for a moment and the JIT is idle.</li>
 * </ul>
 * The run is timed from when it really starts, so the wait is not in its elapsed time. Times are {@link System#nanoTime()} readings, passed in, so that the rule's
 * tests are exact.
 *
 * @param settleNanos  how long after a run ended the server counts as still wrapping it up
 * @param quietNanos   how long without a refusal counts as calm
 * @param recentNanos  a refusal this long before the run's turn came, or later, makes it wait
 * @param longestNanos the longest a run waits once its turn has come; then it starts anyway
 * @param compiling    true while the JIT is compiling or has methods queued
 */
record QuietStart(long settleNanos, long quietNanos, long recentNanos, long longestNanos, BooleanSupplier compiling) {

    /**
     * The server's rule: a CPU run starts 100 ms after the last run ended at the earliest; one whose
     * turn comes within a second of a refusal waits until nothing has been refused for 100 ms and
     * the JIT is idle; neither waits more than a second.
     */
    static final QuietStart DEFAULT = new QuietStart(TimeUnit.MILLISECONDS.toNanos(100),
            TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(1),
            CompilerQueue::busyNow);
    /** The reading of the last refusal, or of the last run's end, before there was any. */
    static final long NEVER = Long.MIN_VALUE;
    /** How often a run waiting for the JIT looks again. */
    static final long COMPILER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /**
     * How much longer a CPU run should wait before it starts; 0 to start it now.
     *
     * @param now         the clock now
     * @param lastEnd     when a run last ended, or {@link #NEVER}
     * @param lastRefusal when the server last refused a request, or {@link #NEVER}
     * @param turnCame    when the run became the next to start and the machine was free for it
     */
    long holdFor(long now, long lastEnd, long lastRefusal, long turnCame) {
        long giveUpIn = longestNanos - (now - turnCame);
        if (giveUpIn <= 0) {
            return 0;
        }
        long settling = lastEnd == NEVER ? 0 : Math.max(0, settleNanos - (now - lastEnd));
        return Math.min(Math.max(settling, afterRefusals(now, lastRefusal, turnCame)), giveUpIn);
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
