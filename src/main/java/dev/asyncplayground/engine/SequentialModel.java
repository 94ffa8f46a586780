package dev.asyncplayground.engine;

/**
 * Runs every task on the calling platform thread, one after another in declaration order.
 *
 * <p>A task's end reaches viewers with the next task's first step, and the last task's as the run
 * ends ({@code RunState.cancelLeftovers}).
 */
final class SequentialModel implements ExecutionModel {

    @Override
    public void execute(RunState run) throws InterruptedException {
        for (int task = 0; task < run.tasks().size(); task++) {
            if (Thread.interrupted() || run.stopping()) {
                run.cancelLeftovers();
                throw new InterruptedException("run stopped");
            }
            new BlockingTask(run, task).run();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("run stopped");
        }
    }
}
