package dev.asyncplayground.web;

import dev.asyncplayground.engine.DaemonTimer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off an event stream whose client has stopped reading, wherever it is being written from.
 *
 * <p>Writes block: a client that stops reading fills its socket, and the next write to it waits
 * until Jetty's 30 s idle timeout. Written by a run's broadcast, that write would hold up every
 * other viewer of the run; written by the client's own thread while it catches up (a replay, a
 * resume), it would hold the run's shared frames in memory that long. So every open stream is
 * watched, and one whose write has been stuck for {@link #STALL_LIMIT} has its connection closed;
 * its browser reconnects with {@code Last-Event-ID} and carries on from its last whole event. A
 * slow client is not a stalled one: {@link SseOutput} writes in slices, so only a slice that
 * makes no way within the limit counts.
 */
final class StallGuard implements AutoCloseable {

    /** How long one slice of a write may take before its client is cut off. */
    static final Duration STALL_LIMIT = Duration.ofMillis(500);
    /** How often the open streams are checked against the limit. */
    static final Duration STALL_CHECK = Duration.ofMillis(250);

    private final Set<SseOutput> watched = ConcurrentHashMap.newKeySet();
    private final long limitNanos;
    private final ScheduledExecutorService timer = DaemonTimer.started("sse-stall-guard");

    StallGuard() {
        this(STALL_LIMIT, STALL_CHECK);
    }

    /** For tests: another limit and check. */
    StallGuard(Duration limit, Duration check) {
        this.limitNanos = limit.toNanos();
        timer.scheduleWithFixedDelay(() -> cutOffStalled(System.nanoTime()), check.toMillis(), check.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Watches the stream until {@link #forget} is called for it. */
    void watch(SseOutput out) {
        watched.add(out);
    }

    /** Stops watching the stream: it has ended. */
    void forget(SseOutput out) {
        watched.remove(out);
    }

    /** How many streams are watched: every stream open now. */
    int watching() {
        return watched.size();
    }

    /** Closes the connection of each watched stream whose write has been stuck longer than the limit. */
    private void cutOffStalled(long nowNanos) {
        for (SseOutput out : watched) {
            if (out.stuckLongerThan(limitNanos, nowNanos)) {
                out.abort();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
