package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.TestPrograms.locked;
import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TimelineEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A task may take a lock it already holds (the language says so): no model waits for itself. */
class LockTakenAgainTest {

    private static final Program TWICE = program(
            task("a", locked("L", waitMs(20), locked("L", print("inner")), waitMs(20))),
            task("b", locked("L", print("b got it"))));

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theIdealTimeFinishesAndOthersGetTheLockOnlyAfterTheOuterBlock(Mode mode) {
        IdealTime.Result result = IdealTime.simulate(TWICE, RunOptions.of(mode, 1), 2);
        assertTrue(result.finishes(), mode + " never finished");
        assertEquals(40, result.elapsedNanos() / 1_000_000, mode.id());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRunEndsWithEveryTaskDone(Mode mode) throws Exception {
        try (RunRegistry registry = new RunRegistry(Limits.defaults().withRuns(1, 2))) {
            Run run = RunProbe.awaitEnd(registry.start(TWICE, RunOptions.of(mode, 1)));
            var ends = RunProbe.endings(run.log().snapshot());
            assertEquals(2, ends.size());
            ends.values().forEach(end -> assertEquals(TaskOutcome.DONE, end.outcome(), end.toString()));
            var printed = RunProbe.of(TimelineEvent.Printed.class, run.log().snapshot());
            assertTrue(printed.stream().anyMatch(p -> p.text().equals("inner")), "a took L again: " + printed);
        }
    }
}
