package dev.asyncplayground.engine;

/**
 * Refuses a run because as many runs as allowed are running and as many as allowed are queued.
 *
 * <p>The web layer answers it with 429 and a {@code Retry-After} header.
 */
public final class ServerBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    ServerBusyException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A guess, in whole seconds (at least 1), of when a place in the queue will be free. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
