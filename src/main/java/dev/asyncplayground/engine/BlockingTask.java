package dev.asyncplayground.engine;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one task on the calling thread, meeting each of its needs by blocking that thread.
 *
 * <p>Used by the thread-based models: waits are real sleeps, CPU steps really burn CPU, a lock or
 * an await blocks until it is free or its deadline passes. Interrupting the thread cancels the
 * task (the interrupt flag stays set for the caller to see).
 */
final class BlockingTask {

    private final RunState run;
    private final int task;

    BlockingTask(RunState run, int task) {
        this.run = run;
        this.task = task;
    }

    /**
     * Runs the task to its end and records how it ended; never throws. If the engine itself fails
     * (out of memory, say), the whole run stops as failed and its end cancels the task.
     */
    void run() {
        TaskCursor cursor = new TaskCursor(run, task, lock -> run.lock(lock).unlock());
        try {
            Need need = cursor.advance(true);
            while (need != Need.FINISHED) {
                need = cursor.advance(meet(need));
            }
        } catch (InterruptedException stopped) {
            cursor.cancel();
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error bug) {
            run.abort(bug);
        }
    }

    private boolean meet(Need need) throws InterruptedException {
        return switch (need) {
            case Need.Sleep sleep -> sleepUntil(sleep.wakeAt(), !sleep.expires());
            case Need.Burn burn -> run.burn(burn);
            case Need.Lock lock -> acquire(run.lock(lock.name()), lock.deadline());
            case Need.Join join -> joinAll(join);
            case Need.Finished finished -> true;
        };
    }

    private static boolean sleepUntil(long until, boolean met) throws InterruptedException {
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(left));
        }
        return met;
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
