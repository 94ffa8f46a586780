package dev.asyncplayground.engine;

/**
 * One way of running a program's tasks: the only place where the modes differ.
 *
 * <p>{@link #execute} returns when every task has ended. If the calling thread is interrupted
 * (a cancel or a limit), the model stops its tasks, ends the ones that never started as
 * cancelled, waits until its threads are gone, and rethrows.
 */
interface ExecutionModel {

    void execute(RunState run) throws InterruptedException;

    /** The model for a mode. */
    static ExecutionModel of(Mode mode) {
        return switch (mode) {
            case SEQUENTIAL -> new SequentialModel();
            case VIRTUAL_THREADS -> new VirtualThreadsModel();
            case EVENT_LOOP -> new EventLoopModel();
            case PLATFORM_THREADS -> new PlatformThreadsModel();
        };
    }
}
