package dev.asyncplayground.engine;

/** Ends a task as failed with a message for the learner (a {@code fail} step, an impossible await). */
final class TaskFailure extends RuntimeException {

    TaskFailure(String message) {
        super(message, null, false, false);
    }
}
