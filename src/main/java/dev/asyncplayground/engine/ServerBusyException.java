package dev.asyncplayground.engine;

/**
 * Refuses a run: its client already holds as many runs as one client may, or it would have to
 * wait and the queue is full.
 *
 * <p>Thrown only by {@link RunRegistry#start(dev.asyncplayground.scenario.Program, RunOptions)},
 * the shortcut for runs started in-process; requests get the same refusal as a value
 * ({@link Reservation.Refused}, {@link Start.Refused}).
 */
public final class ServerBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    ServerBusyException(Busy busy) {
        super(busy.message());
        this.retryAfterSeconds = busy.retryAfterSeconds();
    }

    /**
     * An estimate, in whole seconds (at least 1), from the ideal times of the runs going and
     * waiting: when the client's first run should end, or when a place in the queue should free.
     */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
