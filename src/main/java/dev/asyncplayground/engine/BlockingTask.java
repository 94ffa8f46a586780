package dev.asyncplayground.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one task on the calling thread, meeting each of its needs by blocking that thread.
 *
 * <p>Used by the thread-based models: waits are real sleeps, CPU steps really burn CPU, a lock or
 * an await blocks until it is free or its deadline passes. Interrupting the thread cancels the
 * task (the interrupt flag stays set for the caller to see). Under virtual threads the task holds
 * a {@link Carriers} token while it runs and lets go of it while it blocks.
 *
 * <p>A lock the task leaves is unlocked when the task next blocks, computes or ends, after its
 * instant steps and events: unlocking wakes the next holder's thread, which the OS may run on this
 * thread's core first, and a wait that began after the wake-up would then begin late by up to a
 * time slice (about 2 ms). The timeline is unchanged: the release was recorded when it happened.
 */
final class BlockingTask {

    private final RunState run;
    private final int task;
    private final Carriers carriers;
    private final List<ReentrantLock> leaving = new ArrayList<>(1);
    private boolean holding;

    /** A task on a platform thread, which the OS schedules: no tokens. */
    BlockingTask(RunState run, int task) {
        this(run, task, Carriers.UNLIMITED);
    }

    BlockingTask(RunState run, int task, Carriers carriers) {
        this.run = run;
        this.task = task;
        this.carriers = carriers;
    }

    /**
     * Runs the task to its end and records how it ended; never throws. If the engine itself fails
     * (out of memory, say), the whole run stops as failed and its end cancels the task.
     */
    void run() {
        TaskCursor cursor = new TaskCursor(run, task, lock -> leaving.add(run.lock(lock)));
        try {
            hold();
            Need need = cursor.advance(true);
            while (need != Need.FINISHED) {
                need = cursor.advance(meet(need));
            }
        } catch (InterruptedException stopped) {
            cursor.cancel();
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error bug) {
            run.abort(bug);
        } finally {
            unlockLeft();
            letGo();
        }
    }

    private boolean meet(Need need) throws InterruptedException {
        return switch (need) {
            case Need.Sleep sleep -> sleep(sleep);
            case Need.Burn burn -> {
                unlockLeft();
                yield run.burn(burn);
            }
            case Need.Lock lock -> blocked(() -> acquire(run.lock(lock.name()), lock.deadline()));
            case Need.Join join -> blocked(() -> joinAll(join));
            case Need.Finished finished -> true;
        };
    }

    /**
     * Sleeps until the step's wake-up time. The locks the task leaves go first, to a next holder
     * that runs on this thread's carrier as soon as this thread sleeps ({@link
     * CarrierPool#beforeSleeping}); waking the viewers would keep that holder waiting, so only a
     * task that handed nothing over wakes them.
     */
    private boolean sleep(Need.Sleep sleep) throws InterruptedException {
        boolean handedOver = CarrierPool.beforeSleeping(this::unlockLeft);
        if (!handedOver) {
            run.wakeViewersBeforeSleeping();
        }
        return blocked(() -> {
            if (!sleepUntil(sleep.wakeAt()) && handedOver) {
                Thread.yield();
            }
            return !sleep.expires();
        });
    }

    /** Unlocks the locks the task has left since it last blocked or computed; true if a thread waited for one. */
    private boolean unlockLeft() {
        boolean waited = false;
        for (ReentrantLock lock : leaving) {
            waited |= lock.hasQueuedThreads();
            lock.unlock();
        }
        leaving.clear();
        return waited;
    }

    /** Something that blocks the thread; true if what it waited for came. */
    @FunctionalInterface
    private interface Blocking {
        boolean await() throws InterruptedException;
    }

    /**
     * Blocks without a token, then waits for one to go on. A task stopped meanwhile ends without
     * one: its end records events only.
     */
    private boolean blocked(Blocking blocking) throws InterruptedException {
        letGo();
        unlockLeft();
        boolean met = blocking.await();
        hold();
        return met;
    }

    private void hold() throws InterruptedException {
        carriers.take();
        holding = true;
    }

    private void letGo() {
        if (holding) {
            holding = false;
            carriers.give();
        }
    }

    /** Sleeps until the given time; false if it had passed already, and the thread did not sleep. */
    private static boolean sleepUntil(long until) throws InterruptedException {
        long left = until - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        for (; left > 0; left = until - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(left));
        }
        return true;
    }

    private static boolean acquire(ReentrantLock lock, long deadline) throws InterruptedException {
        if (deadline == TaskCursor.NO_DEADLINE) {
            lock.lockInterruptibly();
            return true;
        }
        return lock.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private boolean joinAll(Need.Join join) throws InterruptedException {
        for (int other : join.tasks()) {
            CountDownLatch end = run.endOf(other);
            if (join.deadline() == TaskCursor.NO_DEADLINE) {
                end.await();
            } else if (!end.await(join.deadline() - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }
}
