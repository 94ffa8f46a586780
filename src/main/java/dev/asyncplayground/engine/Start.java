package dev.asyncplayground.engine;

/** What came of asking to start a run on a reserved place: the run, or why it was turned down. */
public sealed interface Start {

    /** The run is going, or waiting for its turn. */
    record Admitted(Run run) implements Start {}

    /** The run was not started, and why. */
    sealed interface TurnedDown extends Start {}

    /** The run would have to wait and the queue filled meanwhile. */
    record Refused(Busy busy) implements TurnedDown {}

    /**
     * Even an ideal run would break a limit of the sandbox.
     *
     * @param limit   the limit's name, such as {@code MAX_RUN_SECONDS}
     * @param message what a learner reads, with what to change
     */
    record OverLimit(String limit, String message) implements TurnedDown {}
}
