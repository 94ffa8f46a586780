package dev.asyncplayground.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * The bookkeeping of a single-threaded scheduler: tasks ready to go on, timers, and tasks parked
 * in line for a lock or waiting for other tasks, none of them holding a thread.
 *
 * <p>Used by the event loop and by the ideal-time simulation; not thread-safe. A parked task gets
 * a ticket; its deadline timer and its places in lines carry the ticket, so whichever comes first
 * (the lock, the awaited end, the deadline) wins and the others are ignored when they come.
 */
final class Agenda {

    /** A task to go on, and whether its need was met before its deadline. */
    record Resume(int task, boolean met) {}

    private record Parked(int task, long ticket, List<Integer> awaited) {}

    /** Who holds a lock (how many times over: a task may take a lock it holds) and who is in line for it. */
    private static final class Line {
        private int owner = -1;
        private int holds;
        private final ArrayDeque<Parked> waiting = new ArrayDeque<>();
    }

    private final ArrayDeque<Resume> ready = new ArrayDeque<>();
    private final Timers timers = new Timers();
    private final Map<String, Line> locks = new HashMap<>();
    private final Map<Integer, List<Parked>> awaiting = new HashMap<>();
    private final long[] tickets;
    private final IntPredicate ended;
    private final IntConsumer readied;
    private long lastTicket;

    /**
     * @param tasks how many tasks there are
     * @param ended whether a task has ended
     */
    Agenda(int tasks, IntPredicate ended) {
        this(tasks, ended, task -> { });
    }

    /**
     * @param readied told of every task that becomes ready, as it does: a timer that fired, a
     *                lock handed over, an awaited end
     */
    Agenda(int tasks, IntPredicate ended, IntConsumer readied) {
        this.tickets = new long[tasks];
        this.ended = ended;
        this.readied = readied;
    }

    void ready(int task, boolean met) {
        ready.add(new Resume(task, met));
        readied.accept(task);
    }

    /** The task to go on next, in the order they became ready, or null. */
    Resume nextReady() {
        return ready.poll();
    }

    boolean hasReady() {
        return !ready.isEmpty();
    }

    /** Makes the task ready again when its wait is over. */
    void sleep(int task, Need.Sleep sleep) {
        timers.add(sleep.wakeAt(), task, 0, !sleep.expires());
    }

    /** Gives the task the lock if it is free (true); otherwise parks it in line (false). */
    boolean lock(int task, Need.Lock need) {
        Line line = locks.computeIfAbsent(need.name(), name -> new Line());
        if (line.owner < 0 || line.owner == task) {
            line.owner = task;
            line.holds++;
            return true;
        }
        line.waiting.add(new Parked(task, park(task, need.deadline()), List.of()));
        return false;
    }

    /** Hands the lock to the first task still in line, which becomes ready, or frees it. */
    void unlock(String lock) {
        Line line = locks.get(lock);
        if (--line.holds > 0) {
            return;
        }
        line.owner = -1;
        while (!line.waiting.isEmpty()) {
            Parked next = line.waiting.poll();
            if (unpark(next)) {
                line.owner = next.task();
                line.holds = 1;
                ready(next.task(), true);
                return;
            }
        }
    }

    /** True if every awaited task has ended; otherwise parks the task until they have. */
    boolean join(int task, Need.Join need) {
        int first = firstRunning(need.tasks());
        if (first < 0) {
            return true;
        }
        awaiting.computeIfAbsent(first, other -> new ArrayList<>())
                .add(new Parked(task, park(task, need.deadline()), need.tasks()));
        return false;
    }

    /** A task has ended: tasks that were waiting only for it become ready. */
    void ended(int task) {
        List<Parked> waiters = awaiting.remove(task);
        if (waiters == null) {
            return;
        }
        for (Parked waiter : waiters) {
            if (tickets[waiter.task()] != waiter.ticket()) {
                continue;
            }
            int next = firstRunning(waiter.awaited());
            if (next < 0) {
                unpark(waiter);
                ready(waiter.task(), true);
            } else {
                awaiting.computeIfAbsent(next, other -> new ArrayList<>()).add(waiter);
            }
        }
    }

    /** When the earliest timer is due, or {@code Long.MAX_VALUE} if there is none. */
    long nextTimerAt() {
        Timers.Timer first = timers.peek();
        return first == null ? Long.MAX_VALUE : first.at();
    }

    /** Makes ready, in time order, the tasks whose timers are due at {@code now}. */
    void fireDue(long now) {
        for (Timers.Timer timer = timers.pollDue(now); timer != null; timer = timers.pollDue(now)) {
            if (timer.ticket() == 0) {
                ready(timer.task(), timer.met());
            } else if (tickets[timer.task()] == timer.ticket()) {
                tickets[timer.task()] = 0;
                ready(timer.task(), false);
            }
        }
    }

    private long park(int task, long deadline) {
        long ticket = ++lastTicket;
        tickets[task] = ticket;
        if (deadline != TaskCursor.NO_DEADLINE) {
            timers.add(deadline, task, ticket, false);
        }
        return ticket;
    }

    private boolean unpark(Parked parked) {
        if (tickets[parked.task()] != parked.ticket()) {
            return false;
        }
        tickets[parked.task()] = 0;
        return true;
    }

    private int firstRunning(List<Integer> tasks) {
        for (int task : tasks) {
            if (!ended.test(task)) {
                return task;
            }
        }
        return -1;
    }
}
