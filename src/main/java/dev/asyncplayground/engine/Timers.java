package dev.asyncplayground.engine;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * Timers in firing order: the earliest first, and those due together in the order they were set.
 *
 * <p>Timers mostly arrive already in that order (many tasks starting the same wait at once), so a
 * timer due no earlier than the last one set goes to the end of a plain queue, and only the others
 * go into a heap. The next timer is the earlier of the two heads. With 100,000 equal waits this
 * keeps the ideal-time simulation from spending most of its time sifting a heap.
 */
final class Timers {

    /** A timer for a task; {@code seq} orders timers due at the same moment. */
    record Timer(long at, long seq, int task, long ticket, boolean met) implements Comparable<Timer> {

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    private final ArrayDeque<Timer> inOrder = new ArrayDeque<>();
    private final PriorityQueue<Timer> outOfOrder = new PriorityQueue<>();
    private long seq;

    /** Sets a timer due at {@code at}. */
    void add(long at, int task, long ticket, boolean met) {
        Timer timer = new Timer(at, seq++, task, ticket, met);
        Timer last = inOrder.peekLast();
        if (last == null || last.at() <= at) {
            inOrder.addLast(timer);
        } else {
            outOfOrder.add(timer);
        }
    }

    /** The next timer to fire, or null. */
    Timer peek() {
        Timer first = inOrder.peekFirst();
        Timer other = outOfOrder.peek();
        if (first == null || other == null) {
            return first == null ? other : first;
        }
        return first.compareTo(other) <= 0 ? first : other;
    }

    /** Removes and returns the next timer if it is due at {@code now} or earlier; otherwise null. */
    Timer pollDue(long now) {
        Timer next = peek();
        if (next == null || next.at() > now) {
            return null;
        }
        return next == inOrder.peekFirst() ? inOrder.pollFirst() : outOfOrder.poll();
    }
}
