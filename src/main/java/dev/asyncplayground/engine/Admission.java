package dev.asyncplayground.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides when runs start, by what they cost, so that runs do not distort each other's timings.
 *
 * <p>Runs start in arrival order, none overtaking an earlier one, when they fit the machine
 * ({@link Occupancy}): a run with {@code cpu} steps runs alone, runs without them side by side
 * within a budget, and one too big for the budget when nothing else runs. At most
 * {@code MAX_QUEUED_RUNS} runs wait, each knowing its place.
 *
 * <p>Places are reserved per client before a request is worked on ({@link #reserve}): a client
 * past its cap is refused at once, and so is anyone whose run would have to wait while the queue,
 * counting the places already reserved, is full. A CPU run given the machine starts a moment
 * later, once the server has wrapped up what came before (the run before it, or the request that
 * posted it), and, after a refusal, once the refusals stop and the JIT has finished compiling; at
 * most a second later ({@link QuietStart}). So none of that takes the cores it is timed on.
 */
final class Admission {

    /** A run as admission books it: what it costs and whose it is. */
    record Entry(Run run, RunCost cost, String client) {

        /** Takes the run's entry out of {@code entries}; the entry, or null if it was not there. */
        static Entry takeOut(Collection<Entry> entries, Run run) {
            for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (entry.run() == run) {
                    it.remove();
                    return entry;
                }
            }
            return null;
        }
    }

    private final Limits limits;
    private final AdmissionBudget budget;
    private final ScheduledExecutorService timer;
    private final QuietStart quietStart;
    private final Occupancy running;
    private final ArrayDeque<Entry> waiting = new ArrayDeque<>();
    private final ClientPlaces held = new ClientPlaces();
    private int reserved;
    private boolean closed;
    private long lastRefusal = QuietStart.NEVER;
    /** The CPU run given the machine that waits for calm before it starts ({@link QuietStart}), and since when. */
    private Entry holding;
    private long holdingSince;
    /** True while the timer is due to look at the held run again. */
    private boolean lookDue;

    Admission(Limits limits, AdmissionBudget budget, ScheduledExecutorService timer, QuietStart quietStart) {
        this.limits = limits;
        this.budget = budget;
        this.timer = timer;
        this.quietStart = quietStart;
        this.running = new Occupancy(limits.maxConcurrentRuns(), budget);
    }

    /**
     * Reserves places for a client's coming runs, before any work is done on them; refused if the
     * client holds its cap or the queue is full.
     *
     * @param client the client's address, or null for no per-client cap (runs started in-process)
     * @throws IllegalStateException once closed
     */
    synchronized Reservation reserve(String client, int places) {
        checkOpen();
        if (client != null && held.of(client) + places > budget.runsPerClient()) {
            return new Reservation.Refused(refused(clientBusy(client, places)));
        }
        if (mustWait() && waiting.size() + reserved + places > limits.maxQueuedRuns()) {
            return new Reservation.Refused(refused(busy()));
        }
        held.add(client, places);
        reserved += places;
        return new Reservation.Granted(new AdmissionTicket(this, client, places));
    }

    /**
     * Starts the run now or queues it, using one of the ticket's places.
     *
     * @return empty if the run was started or queued; why not if it would have to wait and the
     *         queue is full
     * @throws IllegalStateException once closed, or if the ticket has no place left
     */
    Optional<Busy> admit(Run run, RunCost cost, AdmissionTicket ticket) {
        List<Run> starting = new ArrayList<>(1);
        synchronized (this) {
            if (!ticket.take()) {
                throw new IllegalStateException("the ticket's places are used up");
            }
            reserved--;
            if (closed) {
                held.add(ticket.client(), -1);
                checkOpen();
            }
            Entry entry = new Entry(run, cost, ticket.client());
            if (!waiting.isEmpty() || !running.fits(cost)) {
                if (waiting.size() >= limits.maxQueuedRuns()) {
                    held.add(ticket.client(), -1);
                    return Optional.of(refused(busy()));
                }
                waiting.add(entry);
                return Optional.empty();
            }
            giveTheMachine(entry, starting);
        }
        if (starting.isEmpty()) {
            startWaiting();
        } else {
            run.begin(timer);
        }
        return Optional.empty();
    }

    /** Gives back places reserved and not used. */
    synchronized void release(String client, int places) {
        held.add(client, -places);
        reserved -= places;
    }

    /**
     * A run has ended (or was cancelled while queued): frees its turn, then starts the waiting runs
     * that now fit. The turn is freed before anything is allocated, so even a run that ended by
     * running out of memory gives its turn back.
     */
    void ended(Run run) {
        synchronized (this) {
            Entry entry = remove(run);
            if (entry != null) {
                held.add(entry.client(), -1);
            }
        }
        startWaiting();
    }

    /** Takes no more runs and starts no waiting one. */
    synchronized void close() {
        closed = true;
    }

    /** Runs not started yet: the waiting ones and a CPU run waiting for calm. */
    synchronized int queued() {
        return waiting.size() + (holding == null ? 0 : 1);
    }

    /** The run's place in the queue, 1 for the next to start; 0 if it is not waiting. */
    synchronized int position(Run run) {
        if (holding != null && holding.run() == run) {
            return 1;
        }
        int place = holding == null ? 1 : 2;
        for (Entry entry : waiting) {
            if (entry.run() == run) {
                return place;
            }
            place++;
        }
        return 0;
    }

    /**
     * Gives the machine to the waiting runs that now fit, in order, and starts them; a CPU run
     * given the machine starts once the server is calm, and until then this looks again.
     */
    private void startWaiting() {
        List<Run> starting = new ArrayList<>();
        long wait = 0;
        synchronized (this) {
            if (closed) {
                return;
            }
            while (!waiting.isEmpty() && running.fits(waiting.peek().cost())) {
                giveTheMachine(waiting.poll(), starting);
            }
            if (holding != null) {
                wait = quietStart.holdFor(System.nanoTime(), lastRefusal, holdingSince);
                if (wait == 0) {
                    starting.add(holding.run());
                    holding = null;
                }
            }
        }
        starting.forEach(next -> next.begin(timer));
        if (wait > 0) {
            lookAgainIn(wait);
        }
    }

    /** The timer's look at the held run; looks again later if anything goes wrong, so it is never stranded. */
    private void lookAgain() {
        synchronized (this) {
            lookDue = false;
        }
        try {
            startWaiting();
        } finally {
            lookAgainIn(QuietStart.COMPILER_POLL_NANOS);
        }
    }

    /** Counts the run as running; adds it to {@code starting}, or, if it has cpu steps, has it wait for calm. */
    private void giveTheMachine(Entry entry, List<Run> starting) {
        running.add(entry);
        if (entry.cost().cpu()) {
            holding = entry;
            holdingSince = System.nanoTime();
        } else {
            starting.add(entry.run());
        }
    }

    /** Has the timer look at the held run after {@code nanos}, unless a look is due already or nothing is held. */
    private void lookAgainIn(long nanos) {
        synchronized (this) {
            if (lookDue || holding == null || closed) {
                return;
            }
            lookDue = true;
        }
        try {
            timer.schedule(this::lookAgain, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // the registry is closing and has stopped its timer: nothing starts any more
        }
    }

    /** Notes the time of a refusal, for {@link QuietStart}, and returns why. */
    private Busy refused(Busy why) {
        lastRefusal = System.nanoTime();
        return why;
    }

    /**
     * True if any run arriving now would have to wait, whatever it costs: someone waits already,
     * a CPU run is running, or the run slots are full.
     */
    private boolean mustWait() {
        return !waiting.isEmpty() || running.full();
    }

    /** Takes the run off the machine or out of the queue; its entry, or null if admission no longer knows it. */
    private Entry remove(Run run) {
        Entry entry = running.remove(run);
        if (entry == null) {
            entry = Entry.takeOut(waiting, run);
        }
        if (entry != null && holding == entry) {
            holding = null;
        }
        return entry;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the server is shutting down and takes no more runs");
        }
    }

    private Busy busy() {
        long retry = Forecast.secondsUntilAPlace(running.entries(), waiting);
        return Busy.queueFull(running.size(), waiting.size(), limits.maxQueuedRuns(), retry);
    }

    /** Why a client may not have {@code places} more runs, and when its first run should end. */
    private Busy clientBusy(String client, int places) {
        int cap = budget.runsPerClient();
        if (places > cap) {
            return Busy.moreThanACapAtOnce(places, cap);
        }
        long retry = Forecast.secondsUntilFirstEnd(client, running.entries(), waiting);
        return Busy.clientFull(held.of(client), places, cap, retry);
    }
}
