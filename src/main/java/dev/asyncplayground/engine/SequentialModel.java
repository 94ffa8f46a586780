package dev.asyncplayground.engine;

/** Runs every task on the calling platform thread, one after another in declaration order. */
final class SequentialModel implements ExecutionModel {

    @Override
    public void execute(RunState run) throws InterruptedException {
        for (int task = 0; task < run.program.tasks().size(); task++) {
            new BlockingTask(run, task, false).run();
            if (Thread.currentThread().isInterrupted() || run.stopping()) {
                throw new InterruptedException("run stopped");
            }
        }
    }
}
