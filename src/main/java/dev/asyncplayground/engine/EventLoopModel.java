package dev.asyncplayground.engine;

/** Runs every task on the run's own platform thread as one asyncio-style event loop. */
final class EventLoopModel implements ExecutionModel {

    @Override
    public void execute(RunState run) throws InterruptedException {
        new EventLoop(run).run();
    }
}
