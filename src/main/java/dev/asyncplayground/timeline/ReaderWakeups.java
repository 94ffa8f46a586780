package dev.asyncplayground.timeline;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the waiting readers of event logs on a shared tick, so that a run's own threads never do.
 *
 * <p>Waking a parked reader costs its waker: on the 2-core VM of docs/benchmarks.md a run's thread
 * that woke its viewer's broadcast lost about 0.4 ms each time, and a followed sequential
 * {@code chess-simul} run, whose master woke it before each lock and each move, ended 58-114 ms
 * over its ideal instead of 35-41. So a writer only marks what it has published
 * ({@link EventLog#publish}), and one daemon thread wakes the readers of every log with something
 * new, at its next tick: a reader learns of an event at most a tick late. A writer about to sleep
 * wakes them itself, at no cost to its timing, so events before a wait are not late at all.
 *
 * <p>Each tick costs the machine a thread's wake-up, which a run computing on every core pays for
 * (25-40 us of CPU on that VM). So the ticks come every {@link #FIRST_TICK} while events keep coming
 * and twice as far apart after each tick that found none, up to {@link #LONGEST_TICK}; while no
 * reader waits the thread sleeps until one does.
 */
final class ReaderWakeups {

    /** The time between two ticks while events keep coming. */
    static final Duration FIRST_TICK = Duration.ofMillis(2);
    /** The longest time between two ticks, however long no events come: a small part of the page's 100 ms frame. */
    static final Duration LONGEST_TICK = Duration.ofMillis(16);

    /** The wakeups every {@link EventLog} uses unless given its own. */
    static final ReaderWakeups SHARED = new ReaderWakeups();

    private final Set<EventLog> watched = ConcurrentHashMap.newKeySet();
    private final Thread ticker;

    /** Wakeups that tick on a daemon thread of their own. */
    private ReaderWakeups() {
        this(Thread.ofPlatform().daemon().name("event-log-wakeups"));
    }

    /** Wakeups ticked by a thread made with {@code builder}, or only by {@link #tickNow} if it is null. */
    private ReaderWakeups(Thread.Builder builder) {
        this.ticker = builder == null ? null : builder.start(this::tickWhileWatched);
    }

    /** Wakeups that tick only when told to ({@link #tickNow}). */
    static ReaderWakeups onlyWhenTold() {
        return new ReaderWakeups(null);
    }

    /** Starts waking the readers of {@code log}: called, under the log's lock, when its first reader parks. */
    void watch(EventLog log) {
        if (watched.add(log) && ticker != null) {
            LockSupport.unpark(ticker);
        }
    }

    /** Stops waking the readers of {@code log}: called, under the log's lock, when its last reader leaves. */
    void forget(EventLog log) {
        watched.remove(log);
    }

    /**
     * Wakes, now, the readers of every watched log that has published events since they were last
     * woken; true if there was any.
     */
    boolean tickNow() {
        boolean woke = false;
        for (EventLog log : watched) {
            woke |= log.wakeReadersToNewEvents();
        }
        return woke;
    }

    private void tickWhileWatched() {
        long first = FIRST_TICK.toNanos();
        long longest = LONGEST_TICK.toNanos();
        long tick = first;
        while (true) {
            if (watched.isEmpty()) {
                LockSupport.park(this);
                tick = first;
            } else {
                LockSupport.parkNanos(this, tick);
                tick = tickNow() ? first : Math.min(2 * tick, longest);
            }
        }
    }
}
