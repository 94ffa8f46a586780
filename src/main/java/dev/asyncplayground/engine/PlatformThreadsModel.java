package dev.asyncplayground.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks on a fixed pool of {@code threads} platform threads.
 *
 * <p>Each pool thread takes the next task in declaration order and keeps it, waits included,
 * until it ends. Tasks past the pool size are recorded as queued at the start. The pool is made
 * for the run: its threads are born just before the run's clock starts (a thread takes 0.3 ms or
 * more to be born on a slow host, which the ideal does not count), wait for the start, and are
 * joined before the run ends. A thread that leaves lets viewers see the end of its last task.
 * When more pool threads compute at once than the cores divide evenly (3 on 2), their cpu steps
 * burn in turns on one thread per core ({@link CoreTurns}), as the ideal's fair time-slicing
 * assumes.
 */
final class PlatformThreadsModel implements ExecutionModel {

    private final List<Thread> pool = new ArrayList<>();
    private final CountDownLatch start = new CountDownLatch(1);
    private final AtomicInteger next = new AtomicInteger();
    private Optional<CoreTurns> turns = Optional.empty();

    /** Starts the pool's threads; if one cannot be born, {@link #close} stops those that were. */
    @Override
    public void prepare(RunState run) {
        int tasks = run.tasks().size();
        int size = Math.min(run.options.threads(), Math.max(tasks, 1));
        if (run.sharedUnevenly()) {
            CoreTurns started = new CoreTurns(run.cores(), run.threads);
            turns = Optional.of(started);
            run.burnInTurns(started);
        }
        Thread.Builder builder = Thread.ofPlatform().name("pool-thread-", 1).daemon(true);
        for (int i = 0; i < size; i++) {
            pool.add(builder.start(run.threads.counted(() -> awaitStartThenWork(run, tasks))));
        }
    }

    @Override
    public void execute(RunState run) throws InterruptedException {
        Workers.recordQueued(run, pool.size());
        start.countDown();
        try {
            Workers.joinAll(pool);
        } finally {
            turns.ifPresent(CoreTurns::close);
            run.cancelLeftovers();
        }
    }

    /** Stops the pool's threads if the run never started them; after {@link #execute}, they are gone. */
    @Override
    public void close() {
        Workers.stopAll(pool);
        turns.ifPresent(CoreTurns::close);
    }

    private void awaitStartThenWork(RunState run, int tasks) {
        try {
            start.await();
        } catch (InterruptedException neverStarted) {
            return;
        }
        try {
            while (!Thread.currentThread().isInterrupted() && !run.stopping()) {
                int task = next.getAndIncrement();
                if (task >= tasks) {
                    return;
                }
                new BlockingTask(run, task).run();
            }
        } finally {
            run.publish();
        }
    }
}
