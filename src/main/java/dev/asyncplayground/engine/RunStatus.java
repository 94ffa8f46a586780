package dev.asyncplayground.engine;

/** Where a run is in its life. */
public enum RunStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED, TIMED_OUT;

    /** The name used in the API: {@code queued}, …, {@code timed_out}. */
    public String label() {
        return name().toLowerCase();
    }

    /** True once the run will change no more. */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
