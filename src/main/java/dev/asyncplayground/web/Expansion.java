package dev.asyncplayground.web;

import dev.asyncplayground.scenario.Program;

/** What came of expanding a scenario with a learner's values: its program, or why there is none. */
sealed interface Expansion {

    /** The tasks and steps the scenario stands for with those values. */
    record Expanded(Program program) implements Expansion {}

    /** A bad value, a scenario error or a sandbox limit. */
    record Refused(Refusal refusal) implements Expansion {}
}
