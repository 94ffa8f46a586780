package dev.asyncplayground.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Burns the cpu steps of a pool whose computing threads outnumber the cores unevenly (3 on 2) on
 * one thread per core, which take the steps in turns of {@link #SLICE_NANOS} of CPU time, in the
 * order they came: one fair queue over all the cores, as the ideal's time-slicing ({@link
 * CpuShare}) assumes.
 *
 * <p>The OS keeps a queue per core instead. With three platform threads computing on two cores,
 * Linux often left one thread alone on a core and two sharing the other, and a run of 3 x 333 ms
 * ended 18-58 ms after its ideal of 499.5 ms on a quiet machine (docs/benchmarks.md). Letting the
 * pool threads take turns at a lock was worse: a thread woken for its turn was often placed behind
 * a busy core while its waker's core went idle. Here the OS has one computing thread of the run
 * per core, and none of them stops while a step waits for its turn. The pool thread whose step
 * burns waits for it, so the timeline still shows the step on that thread.
 *
 * <p>A run takes turns only if its ideal has, for a time (however short: a tail of three steps is
 * enough to leave a core idle), more cpu steps burning at once than the cores divide evenly
 * ({@link RunState#sharedUnevenly}). Linux shares 4 threads fairly over 2 cores (2 on each), and a
 * pool whose steps compute one at a time (behind a lock, or the GIL) has nothing to share: their
 * steps burn on their own threads, with no hand-over for each step, which cost 200 steps of 10 ms
 * on 4 threads about 13 ms.
 */
final class CoreTurns implements AutoCloseable {

    /** How much CPU time a step burns before the step waiting longest has the core. */
    static final long SLICE_NANOS = 5_000_000;

    private final ArrayDeque<CpuStep> queue = new ArrayDeque<>();
    private final List<Thread> cores = new ArrayList<>();
    private boolean closed;

    /** A cpu step waiting for, or taking, its turns. Only the core burning it touches {@code burnt}. */
    private static final class CpuStep {
        final long nanos;
        final long deadline;
        final CpuBurner.Budget budget;
        final CompletableFuture<Boolean> done = new CompletableFuture<>();
        long burnt;

        CpuStep(long nanos, long deadline, CpuBurner.Budget budget) {
            this.nanos = nanos;
            this.deadline = deadline;
            this.budget = budget;
        }
    }

    /** Starts one thread per core, counted in {@code threads}; if one cannot be born, stops the others. */
    CoreTurns(int cores, LiveThreads threads) {
        Thread.Builder builder = Thread.ofPlatform().name("core-", 1).daemon(true);
        try {
            for (int i = 0; i < cores; i++) {
                this.cores.add(builder.start(threads.counted(this::serve)));
            }
        } catch (RuntimeException | Error notBorn) {
            close();
            throw notBorn;
        }
    }

    /**
     * Burns {@code nanos} of CPU time in turns while the calling thread waits; stops when {@code
     * System.nanoTime()} reaches {@code deadline}, waiting included (see {@link CpuBurner#burn}).
     *
     * @return true if the whole amount was burnt, false if the deadline came first
     * @throws InterruptedException when the thread is interrupted or the budget refuses more
     */
    boolean burn(long nanos, long deadline, CpuBurner.Budget budget) throws InterruptedException {
        CpuStep step = new CpuStep(nanos, deadline, budget);
        synchronized (queue) {
            if (closed) {
                throw new InterruptedException("cpu step stopped: the run's cores are closed");
            }
            queue.addLast(step);
            queue.notify();
        }
        try {
            return awaitEnd(step);
        } catch (InterruptedException stopped) {
            step.done.cancel(false);
            throw stopped;
        } catch (CancellationException closed) {
            throw new InterruptedException("cpu step stopped");
        } catch (ExecutionException failed) {
            throw rethrown(failed.getCause());
        }
    }

    /**
     * Waits for the step to end, or for its deadline: a step still waiting for its turn then is
     * cancelled, as a step burning on its own thread would have stopped.
     */
    private static boolean awaitEnd(CpuStep step) throws InterruptedException, ExecutionException {
        if (step.deadline == TaskCursor.NO_DEADLINE) {
            return step.done.get();
        }
        try {
            return step.done.get(Math.max(0, step.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException deadlinePassed) {
            return !step.done.cancel(false) && step.done.get();
        }
    }

    /** A failure of the core's thread as the calling thread would have had it, burning itself. */
    private static InterruptedException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException bug) {
            throw bug;
        }
        if (cause instanceof Error bug) {
            throw bug;
        }
        return new InterruptedException("cpu step stopped");
    }

    /** Stops the cores' threads and waits until they are gone; a step still queued is cancelled. */
    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
            queue.forEach(step -> step.done.cancel(false));
            queue.clear();
            queue.notifyAll();
        }
        Workers.stopAll(cores);
    }

    private void serve() {
        CpuStep step = null;
        try {
            step = next(null);
            while (step != null) {
                step = next(turn(step) ? step : null);
            }
        } finally {
            if (step != null) {
                step.done.cancel(false);
            }
        }
    }

    /** Burns one slice of the step; true if it wants more. */
    private static boolean turn(CpuStep step) {
        if (step.done.isDone()) {
            return false;
        }
        CpuBurner.Budget counted = used -> {
            step.burnt += used;
            return step.budget.charge(used);
        };
        try {
            boolean met = CpuBurner.burn(Math.min(step.nanos - step.burnt, SLICE_NANOS), step.deadline, counted);
            if (met && step.burnt < step.nanos) {
                return true;
            }
            step.done.complete(met);
        } catch (InterruptedException | RuntimeException | Error stopped) {
            step.done.completeExceptionally(stopped);
        }
        return false;
    }

    /**
     * The step to burn next: the one that wants more if no other waits, else the first in line
     * (the one that wants more goes to the back). Null once closed.
     */
    private CpuStep next(CpuStep wantsMore) {
        synchronized (queue) {
            if (closed && wantsMore != null) {
                wantsMore.done.cancel(false);
            } else if (wantsMore != null) {
                if (queue.isEmpty()) {
                    return wantsMore;
                }
                queue.addLast(wantsMore);
            }
            while (queue.isEmpty() && !closed) {
                try {
                    queue.wait();
                } catch (InterruptedException stop) {
                    return null;
                }
            }
            return closed ? null : queue.removeFirst();
        }
    }
}
