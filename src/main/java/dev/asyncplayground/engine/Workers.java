package dev.asyncplayground.engine;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Waits for worker threads, and on interruption stops them and waits until they are gone. */
final class Workers {

    private Workers() {
    }

    /**
     * Joins every thread. If the caller is interrupted meanwhile, interrupts them all, waits
     * for each to finish, and rethrows.
     */
    static void joinAll(List<Thread> threads) throws InterruptedException {
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException stop) {
            stopAll(threads);
            throw stop;
        }
    }

    /**
     * Waits until every thread has counted down {@code ended}, then joins them all; if the caller
     * is interrupted meanwhile, stops them as {@link #joinAll(List)} does. One wake-up for the
     * caller, where joining threads that end one by one wakes it once for each: with 200 computing
     * tasks ending in a second, 200 wake-ups, each taking a core from a task.
     */
    static void joinAll(List<Thread> threads, CountDownLatch ended) throws InterruptedException {
        try {
            ended.await();
        } catch (InterruptedException stop) {
            stopAll(threads);
            throw stop;
        }
        joinAll(threads);
    }

    /** Interrupts every thread and waits, uninterruptibly, until each has finished. */
    static void stopAll(List<Thread> threads) {
        threads.forEach(Thread::interrupt);
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Records every task from {@code running} on as queued: it waits for a worker or a permit. The
     * events are not published here: the run's first publish carries them with the first task's
     * own. A wake-up here let the viewers' threads take the core that was about to start the
     * workers, and a first counting run's tasks then started later (docs/benchmarks.md).
     */
    static void recordQueued(RunState run, int running) {
        for (int task = running; task < run.tasks().size(); task++) {
            new TaskEvents(run, task).queued();
        }
    }
}
