package dev.asyncplayground.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The append-only record of one run's events, readable by any number of viewers while it grows.
 *
 * <p>Events are stamped inside the log's lock, so sequence order and time order agree. The
 * sequence number of an event is its position plus one. The log keeps no object per event: it
 * stores them in primitive columns ({@link EventCodec}) and makes {@link TimelineEvent} records
 * again only when asked, at most {@value #MAX_BATCH} at a time. Writers never wait for readers
 * for longer than one such batch takes to make: a reader copies what it needs and writes to its
 * client on its own thread. Nor do writers wake readers as they go: they mark what they publish,
 * and {@link ReaderWakeups} wakes the readers at its next tick, on a thread of its own, unless a
 * writer about to sleep anyway wakes them first ({@link #wakeReadersToNewEvents}).
 */
public final class EventLog {

    /** The most events one {@link #since} or {@link #awaitSince} returns. */
    public static final int MAX_BATCH = 4096;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grown = lock.newCondition();
    private final EventCodec events = new EventCodec();
    private final LongAdder waitedNanos = new LongAdder();
    private final ReaderWakeups wakeups;
    /** Readers parked in {@link #awaitSince}; changed only under the lock. */
    private int readersWaiting;
    /** How many events the log holds: written under the lock, read by {@link #publish} without it. */
    private volatile long appended;
    /** How many events writers have published to readers so far. */
    private volatile long published;
    /** How many events the readers were last woken to; changed only under the lock. */
    private long wokenTo;
    private long startNanos;
    private boolean started;
    private boolean closed;

    /** A log whose readers are woken by the shared {@link ReaderWakeups}. */
    public EventLog() {
        this(ReaderWakeups.SHARED);
    }

    /** A log whose readers {@code wakeups} wakes. */
    EventLog(ReaderWakeups wakeups) {
        this.wakeups = wakeups;
    }

    /** Starts the clock: later events are stamped relative to now. */
    public void start() {
        lock.lock();
        try {
            startNanos = System.nanoTime();
            started = true;
        } finally {
            lock.unlock();
        }
    }

    /** Stamps, appends and publishes one event; returns its sequence number. */
    public long append(LongFunction<TimelineEvent> stamped) {
        return add(stamped, true);
    }

    /**
     * Stamps and appends one event without publishing it; returns its sequence number. A writer
     * that records several events in a row (a task's steps between two waits) appends them
     * quietly and then calls {@link #publish}, so its readers wake once, to all of them.
     */
    public long appendQuietly(LongFunction<TimelineEvent> stamped) {
        return add(stamped, false);
    }

    /**
     * Publishes every event appended so far: waiting readers wake to them at the next tick of
     * {@link ReaderWakeups} at the latest. Costs the writer two volatile accesses and wakes no thread.
     */
    public void publish() {
        published = appended;
    }

    /**
     * Wakes the waiting readers if events were published since they were last woken; true if it
     * did. The ticker calls it, and so may a writer about to sleep, for which waking costs nothing.
     */
    public boolean wakeReadersToNewEvents() {
        if (published <= wokenTo) {
            return false;
        }
        lock.lock();
        try {
            wokenTo = published;
            grown.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private long add(LongFunction<TimelineEvent> stamped, boolean wake) {
        long waited = 0;
        if (!lock.tryLock()) {
            long asked = System.nanoTime();
            lock.lock();
            waited = System.nanoTime() - asked;
        }
        try {
            if (!started) {
                throw new IllegalStateException("the run's clock has not been started");
            }
            events.add(stamped.apply(System.nanoTime() - startNanos));
            appended = events.size();
            if (wake) {
                published = appended;
            }
            return events.size();
        } finally {
            lock.unlock();
            if (waited > 0) {
                waitedNanos.add(waited);
            }
        }
    }

    /** Marks the log complete; waiting readers wake up at once. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            grown.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Real nanoseconds writers have spent waiting for each other to append, in all: time the
     * writers' threads were parked, not working, which a measure of the engine's work leaves out.
     */
    public long waitedNanos() {
        return waitedNanos.sum();
    }

    /** Real nanoseconds since the clock started (0 before it starts). */
    public long elapsedNanos() {
        lock.lock();
        try {
            return started ? System.nanoTime() - startNanos : 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Every event so far, as records: meant for tests and small runs, since a large run's records
     * take many times the memory of its columns. Others read in batches ({@link #forEach}).
     */
    public List<TimelineEvent> snapshot() {
        List<TimelineEvent> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /** Hands every event so far to {@code action}, in order, made {@value #MAX_BATCH} at a time. */
    public void forEach(Consumer<TimelineEvent> action) {
        long seq = 0;
        Batch batch;
        do {
            batch = since(seq);
            batch.events().forEach(action);
            seq = batch.lastSeq();
        } while (!batch.events().isEmpty());
    }

    /** How many events the log holds. */
    public long size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }

    /** An estimate of the heap bytes the log takes: its columns and the strings they refer to. */
    public long retainedBytes() {
        lock.lock();
        try {
            return events.retainedBytes();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The events after sequence number {@code seq}, at most {@value #MAX_BATCH} of them, and
     * whether the log is complete with them.
     */
    public Batch since(long seq) {
        lock.lock();
        try {
            return batch(seq);
        } finally {
            lock.unlock();
        }
    }

    /** The log's end, read at once: no events, the last sequence number and whether the log is complete. */
    public Batch end() {
        return since(Long.MAX_VALUE);
    }

    /**
     * Like {@link #since}, but if there are no events after {@code seq}, first waits up to
     * {@code timeout} for events published after it or for the log to close. An empty, open batch
     * means the wait timed out.
     */
    public Batch awaitSince(long seq, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            boolean caughtUp = events.size() <= seq;
            while (caughtUp && published <= seq && !closed && remaining > 0) {
                if (readersWaiting++ == 0) {
                    wakeups.watch(this);
                }
                try {
                    remaining = grown.awaitNanos(remaining);
                } finally {
                    if (--readersWaiting == 0) {
                        wakeups.forget(this);
                    }
                }
            }
            return batch(seq);
        } finally {
            lock.unlock();
        }
    }

    private Batch batch(long seq) {
        int size = events.size();
        int from = (int) Math.max(0, Math.min(seq, size));
        int to = Math.min(size, from + MAX_BATCH);
        List<TimelineEvent> copy = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            copy.add(events.get(i));
        }
        return new Batch(from + 1L, copy, closed && to == size);
    }

    /**
     * A run of consecutive events.
     *
     * @param firstSeq sequence number of the first event in {@code events}
     * @param events   the events, in order
     * @param complete true if the log was closed and these are its last events
     */
    public record Batch(long firstSeq, List<TimelineEvent> events, boolean complete) {

        /** Sequence number of the last event, or {@code firstSeq - 1} if empty. */
        public long lastSeq() {
            return firstSeq + events.size() - 1;
        }
    }
}
