package dev.asyncplayground.engine;

import java.util.ArrayList;
import java.util.List;

/** Starts one virtual thread per task, all at once; a wait parks the virtual thread. */
final class VirtualThreadsModel implements ExecutionModel {

    @Override
    public void execute(RunState run) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(run.program.tasks().size());
        Thread.Builder builder = Thread.ofVirtual().name("task-", 0);
        for (int task = 0; task < run.program.tasks().size(); task++) {
            BlockingTask body = new BlockingTask(run, task, true);
            threads.add(builder.start(body::run));
        }
        Workers.joinAll(threads);
    }
}
