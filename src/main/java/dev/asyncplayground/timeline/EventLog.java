package dev.asyncplayground.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * The append-only record of one run's events, readable by any number of viewers while it grows.
 *
 * <p>Events are stamped inside the log's lock, so sequence order and time order agree. The
 * sequence number of an event is its position plus one. Writers never wait for readers: a
 * reader copies what it needs and writes to its client on its own thread.
 */
public final class EventLog {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grown = lock.newCondition();
    private TimelineEvent[] events = new TimelineEvent[64];
    private int size;
    private long startNanos;
    private boolean started;
    private boolean closed;

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

    /** Stamps and appends one event; returns its sequence number. */
    public long append(LongFunction<TimelineEvent> stamped) {
        lock.lock();
        try {
            if (!started) {
                throw new IllegalStateException("the run's clock has not been started");
            }
            if (size == events.length) {
                events = Arrays.copyOf(events, size * 2);
            }
            events[size++] = stamped.apply(System.nanoTime() - startNanos);
            grown.signalAll();
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the log complete; waiting readers wake up. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            grown.signalAll();
        } finally {
            lock.unlock();
        }
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

    /** Every event so far. */
    public List<TimelineEvent> snapshot() {
        return since(0).events();
    }

    /** The events after sequence number {@code seq}, and whether the log is complete. */
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
     * Like {@link #since}, but first waits up to {@code timeout} for a new event or for the
     * log to close. An empty, open batch means the wait timed out.
     */
    public Batch awaitSince(long seq, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (size <= seq && !closed && remaining > 0) {
                remaining = grown.awaitNanos(remaining);
            }
            return batch(seq);
        } finally {
            lock.unlock();
        }
    }

    private Batch batch(long seq) {
        int from = (int) Math.max(0, Math.min(seq, size));
        List<TimelineEvent> copy = new ArrayList<>(size - from);
        copy.addAll(Arrays.asList(events).subList(from, size));
        return new Batch(from + 1L, copy, closed);
    }

    /**
     * A run of consecutive events.
     *
     * @param firstSeq sequence number of the first event in {@code events}
     * @param events   the events, in order
     * @param complete true if the log was closed and these are the last events
     */
    public record Batch(long firstSeq, List<TimelineEvent> events, boolean complete) {

        /** Sequence number of the last event, or {@code firstSeq - 1} if empty. */
        public long lastSeq() {
            return firstSeq + events.size() - 1;
        }
    }
}
