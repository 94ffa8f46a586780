package dev.asyncplayground.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * Starts one virtual thread per task; a wait parks the virtual thread.
 *
 * <p>Without a limit every task starts at once. With {@code limit} N, a fair semaphore lets at
 * most N tasks be in flight: the launcher takes a permit before starting each task's thread, in
 * declaration order, and a task gives its permit back when it ends. Tasks past the first N are
 * recorded as queued at the start. The threads run on the engine's own carriers, one per core,
 * apart from the web server's ({@link CarrierPool}).
 */
final class VirtualThreadsModel implements ExecutionModel {

    @Override
    public void execute(RunState run) throws InterruptedException {
        int tasks = run.tasks().size();
        Semaphore permits = run.options.limited() ? new Semaphore(run.options.limit(), true) : null;
        if (permits != null) {
            Workers.recordQueued(run, run.options.limit());
        }
        List<Thread> threads = new ArrayList<>(tasks);
        CountDownLatch ended = new CountDownLatch(tasks);
        Thread.Builder builder = CarrierPool.threads().name("task-", 0);
        try {
            for (int task = 0; task < tasks; task++) {
                if (permits != null) {
                    permits.acquire();
                }
                threads.add(builder.start(run.threads.counted(body(run, task, permits, ended))));
            }
        } catch (InterruptedException stop) {
            Workers.stopAll(threads);
            run.cancelLeftovers();
            throw stop;
        } catch (RuntimeException | Error noThread) {
            run.stop(EngineFailure.describe(noThread));
            Workers.stopAll(threads);
            throw noThread;
        }
        Workers.joinAll(threads, ended);
    }

    /**
     * The task's thread: it runs the task, lets viewers see its end, gives back its permit, and
     * counts itself {@code ended}.
     */
    private static Runnable body(RunState run, int task, Semaphore permits, CountDownLatch ended) {
        BlockingTask blocking = new BlockingTask(run, task, CarrierPool.tokens());
        return () -> {
            try {
                blocking.run();
                run.publish();
            } finally {
                if (permits != null) {
                    permits.release();
                }
                ended.countDown();
            }
        };
    }
}
