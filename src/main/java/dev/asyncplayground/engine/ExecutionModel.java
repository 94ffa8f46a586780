package dev.asyncplayground.engine;

/**
 * One way of running a program's tasks: the only place where the modes differ.
 *
 * <p>{@link #prepare} runs before the run's clock starts, {@link #execute} after it, and
 * {@link #close} last, whatever happened. {@link #execute} returns when every task has ended. If
 * the calling thread is interrupted (a cancel or a limit), the model stops its tasks, ends the
 * ones that never started as cancelled, waits until its threads are gone, and rethrows.
 */
interface ExecutionModel extends AutoCloseable {

    /**
     * Gets ready before the run's clock starts, so that what it costs (a pool's threads being
     * born) is not counted as the run's time; records no event. Most models have nothing to do.
     */
    default void prepare(RunState run) {
    }

    void execute(RunState run) throws InterruptedException;

    /** Stops and waits for what {@link #prepare} started and {@link #execute} never used. */
    @Override
    default void close() {
    }

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
