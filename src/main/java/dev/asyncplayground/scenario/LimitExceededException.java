package dev.asyncplayground.scenario;

/** A scenario that would exceed a sandbox limit; the message names the limit and its value. */
public final class LimitExceededException extends RuntimeException {

    private final String limit;

    public LimitExceededException(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** The limit's name as configured, e.g. {@code MAX_TASKS}. */
    public String limit() {
        return limit;
    }
}
