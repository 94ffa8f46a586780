package dev.asyncplayground.engine;

/** Unwinds the steps inside a timeout whose deadline has passed. */
final class TimeoutSignal extends Exception {

    final long deadline;

    TimeoutSignal(long deadline) {
        super(null, null, false, false);
        this.deadline = deadline;
    }
}
