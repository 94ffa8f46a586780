package dev.asyncplayground.engine;

import java.util.List;

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
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                joinUninterruptibly(thread);
            }
            throw stop;
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
