package dev.asyncplayground.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks on a fixed pool of {@code threads} platform threads.
 *
 * <p>Each pool thread takes the next task in declaration order and keeps it, waits included,
 * until it ends. Tasks past the pool size are recorded as queued at the start. The pool's threads
 * are started for the run and joined before it ends.
 */
final class PlatformThreadsModel implements ExecutionModel {

    @Override
    public void execute(RunState run) throws InterruptedException {
        int tasks = run.tasks().size();
        int size = Math.min(run.options.threads(), Math.max(tasks, 1));
        Workers.recordQueued(run, size);
        AtomicInteger next = new AtomicInteger();
        List<Thread> pool = new ArrayList<>(size);
        Thread.Builder builder = Thread.ofPlatform().name("pool-thread-", 1).daemon(true);
        try {
            for (int i = 0; i < size; i++) {
                pool.add(builder.start(run.threads.counted(() -> work(run, next, tasks))));
            }
        } catch (RuntimeException | Error noThread) {
            run.stop(EngineFailure.describe(noThread));
            Workers.stopAll(pool);
            throw noThread;
        }
        try {
            Workers.joinAll(pool);
        } finally {
            run.cancelLeftovers();
        }
    }

    private static void work(RunState run, AtomicInteger next, int tasks) {
        while (!Thread.currentThread().isInterrupted() && !run.stopping()) {
            int task = next.getAndIncrement();
            if (task >= tasks) {
                return;
            }
            new BlockingTask(run, task).run();
        }
    }
}
