package dev.asyncplayground.engine;

/** Words for a run that the engine itself could not finish, shown to the learner as the run's message. */
final class EngineFailure {

    private EngineFailure() {
    }

    /** The message of a run stopped by {@code failure}; running out of memory is said plainly. */
    static String describe(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "stopped: the server ran out of memory while running it (OutOfMemoryError); try fewer tasks or steps";
        }
        return "the engine failed: " + failure;
    }
}
