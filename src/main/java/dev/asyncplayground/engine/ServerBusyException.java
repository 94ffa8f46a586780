package dev.asyncplayground.engine;

/**
 * Refuses a run: its client already holds as many runs as one client may, or it would have to
 * wait and the queue is full.
 *
 * <p>The web layer answers it with 429 and a {@code Retry-After} header.
 */
public final class ServerBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    ServerBusyException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * An estimate, in whole seconds (at least 1), from the ideal times of the runs going and
     * waiting: when the client's first run should end, or when a place in the queue should free.
     */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
