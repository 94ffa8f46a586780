package dev.asyncplayground.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Decides when runs start, so that runs do not distort each other's timings.
 *
 * <p>Runs start in arrival order, none overtaking an earlier one. The first waiting run starts
 * when fewer than {@code MAX_CONCURRENT_RUNS} runs are running and, if it has CPU steps, when no
 * other run is running; a run without CPU steps starts only while no CPU-burning run is running.
 * So a run that burns CPU always has the machine to itself, and it is never starved. At most
 * {@code MAX_QUEUED_RUNS} runs wait; one more is refused with a {@link ServerBusyException}.
 */
final class Admission {

    private final int maxRunning;
    private final int maxWaiting;
    private final ScheduledExecutorService timer;
    private final List<Run> running = new ArrayList<>();
    private final ArrayDeque<Run> waiting = new ArrayDeque<>();
    private boolean closed;

    Admission(Limits limits, ScheduledExecutorService timer) {
        this.maxRunning = limits.maxConcurrentRuns();
        this.maxWaiting = limits.maxQueuedRuns();
        this.timer = timer;
    }

    /**
     * Starts the run now or queues it.
     *
     * @throws ServerBusyException   if the queue is full
     * @throws IllegalStateException once closed
     */
    void admit(Run run) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the server is shutting down and takes no more runs");
            }
            if (!waiting.isEmpty() || !fits(run)) {
                if (waiting.size() >= maxWaiting) {
                    throw busy();
                }
                waiting.add(run);
                return;
            }
            running.add(run);
        }
        run.begin(timer);
    }

    /**
     * A run has ended (or was cancelled while queued): frees its turn, then starts the waiting runs
     * that now fit. The turn is freed before anything is allocated, so even a run that ended by
     * running out of memory gives its turn back.
     */
    void ended(Run run) {
        synchronized (this) {
            running.remove(run);
            waiting.remove(run);
        }
        List<Run> starting = new ArrayList<>();
        synchronized (this) {
            while (!closed && !waiting.isEmpty() && fits(waiting.peek())) {
                Run next = waiting.poll();
                running.add(next);
                starting.add(next);
            }
        }
        starting.forEach(next -> next.begin(timer));
    }

    /** Takes no more runs and starts no waiting one. */
    synchronized void close() {
        closed = true;
    }

    synchronized int queued() {
        return waiting.size();
    }

    private boolean fits(Run run) {
        if (running.size() >= maxRunning) {
            return false;
        }
        return run.usesCpu() ? running.isEmpty() : running.stream().noneMatch(Run::usesCpu);
    }

    private ServerBusyException busy() {
        long retry = retryAfterSeconds();
        return new ServerBusyException(String.format(
                "the server is busy: %d runs are running and %d are waiting, the most it takes"
                        + " (MAX_CONCURRENT_RUNS=%d, MAX_QUEUED_RUNS=%d); try again in %d s",
                running.size(), waiting.size(), maxRunning, maxWaiting, retry), retry);
    }

    /** Real time the running and waiting runs still need, shared over the run slots, in whole seconds. */
    private long retryAfterSeconds() {
        double nanos = 0;
        for (Run run : running) {
            nanos += Math.max(0, run.idealRealNanos() - run.elapsedRealNanos());
        }
        for (Run run : waiting) {
            nanos += run.idealRealNanos();
        }
        return Math.max(1, (long) Math.ceil(nanos / 1e9 / maxRunning));
    }
}
