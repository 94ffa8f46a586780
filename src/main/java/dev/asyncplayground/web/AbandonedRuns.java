package dev.asyncplayground.web;

import dev.asyncplayground.engine.DaemonTimer;
import dev.asyncplayground.engine.Run;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Cancels runs started from the page once no page has watched them for a grace period.
 *
 * <p>A page watches a run through its event stream. Closing the tab ends the stream; reloading
 * it ends the stream and opens a new one within a second or two, so a grace period of some
 * seconds cancels the abandoned runs and keeps the reloaded ones. Runs started through the API
 * are not tracked: a script may start a run and only poll it.
 */
final class AbandonedRuns implements AutoCloseable {

    private final Duration grace;
    private final LongSupplier clock;
    private final Map<Run, Watch> tracked = new HashMap<>();
    private final ScheduledExecutorService sweeper = DaemonTimer.started("abandoned-runs");

    /** How many streams watch a run now, and since when (clock nanos) none has. */
    private static final class Watch {
        int viewers;
        long unwatchedSince;
    }

    AbandonedRuns(Duration grace) {
        this(grace, System::nanoTime);
        long period = Math.max(100, grace.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** For tests: a clock of their own and no sweeping unless they call {@link #sweep()}. */
    AbandonedRuns(Duration grace, LongSupplier clock) {
        this.grace = grace;
        this.clock = clock;
    }

    /** Starts tracking a run the page started; unwatched from now until a stream opens. */
    synchronized void track(Run run) {
        Watch watch = new Watch();
        watch.unwatchedSince = clock.getAsLong();
        tracked.put(run, watch);
    }

    /** The handle of one open stream: closing it says the stream has ended. */
    interface Watching extends AutoCloseable {
        @Override
        void close();
    }

    /** A stream of the run opened; the returned handle says when it closes. */
    synchronized Watching watching(Run run) {
        Watch watch = tracked.get(run);
        if (watch == null) {
            return () -> { };
        }
        watch.viewers++;
        return () -> unwatched(run);
    }

    /** Cancels every tracked run unwatched for longer than the grace period; forgets finished ones. */
    synchronized void sweep() {
        long now = clock.getAsLong();
        for (Iterator<Map.Entry<Run, Watch>> it = tracked.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Run, Watch> entry = it.next();
            Run run = entry.getKey();
            Watch watch = entry.getValue();
            if (run.status().isFinal()) {
                it.remove();
            } else if (watch.viewers == 0 && now - watch.unwatchedSince > grace.toNanos()) {
                run.cancel("cancelled: no page has shown this run for " + grace.toSeconds()
                        + " s (its tab was closed)");
                it.remove();
            }
        }
    }

    /** How many runs are tracked (live page runs). */
    synchronized int size() {
        return tracked.size();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    private synchronized void unwatched(Run run) {
        Watch watch = tracked.get(run);
        if (watch != null && --watch.viewers == 0) {
            watch.unwatchedSince = clock.getAsLong();
        }
    }
}
