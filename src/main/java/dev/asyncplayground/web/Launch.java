package dev.asyncplayground.web;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import java.util.List;
import java.util.Optional;

/** What came of asking for several runs at once: all of them started, or none, and why. */
sealed interface Launch {

    /** Every run asked for started, in the order asked. */
    record Started(List<Run> runs) implements Launch {}

    /**
     * No run is going: any started before the refusal were cancelled.
     *
     * @param mode      the mode whose run was refused, or empty if the request was refused as a whole
     * @param cancelled how many runs had started before the refusal and were cancelled
     */
    record Refused(Refusal refusal, Optional<Mode> mode, int cancelled) implements Launch {}
}
