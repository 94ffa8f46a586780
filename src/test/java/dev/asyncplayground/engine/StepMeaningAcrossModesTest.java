package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunWaits.awaitEnd;
import static dev.asyncplayground.engine.RunWaits.events;
import static dev.asyncplayground.engine.TestPrograms.await;
import static dev.asyncplayground.engine.TestPrograms.fail;
import static dev.asyncplayground.engine.TestPrograms.locked;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.taskAfter;
import static dev.asyncplayground.engine.TestPrograms.timeoutMs;
import static dev.asyncplayground.engine.TestPrograms.update;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.timeline.TaskTimeline;
import dev.asyncplayground.timeline.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same steps mean the same in every mode; only the timing differs. */
class StepMeaningAcrossModesTest {

    private static RunRegistry registry;

    @BeforeAll
    static void open() {
        registry = new RunRegistry(Limits.defaults().withRuns(1, 20));
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    private static Run run(Program program, Mode mode) {
        Run run = registry.start(program, new RunOptions(mode, 1, 4, 0));
        assertEquals(RunStatus.DONE, awaitEnd(run), run.message());
        return run;
    }

    private static long lastWritten(Run run) {
        return events(run, TimelineEvent.SharedWritten.class).getLast().value();
    }

    private static List<String> statuses(Run run) {
        return run.summary().tasks().stream().map(TaskTimeline::status).toList();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Mode.class, names = "SEQUENTIAL", mode = EnumSource.Mode.EXCLUDE)
    void overlappingUpdatesWithoutALockLoseAllButOne(Mode mode) {
        assertEquals(1, lastWritten(run(many(3, i -> List.of(update("balance", 1, 50))), mode)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aLockAroundTheUpdateKeepsEveryOne(Mode mode) {
        assertEquals(3, lastWritten(run(many(3, i -> List.of(locked("l", update("balance", 1, 30)))), mode)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void failEndsOnlyItsOwnTask(Mode mode) {
        Run run = run(program(task("a", print("a1"), fail("broken"), print("a2")), task("b", waitMs(20), print("b"))),
                mode);
        assertEquals(List.of("failed", "done"), statuses(run));
        assertEquals("broken", run.summary().tasks().get(0).message());
        assertEquals(List.of("a1", "b"), events(run, TimelineEvent.Printed.class).stream()
                .map(TimelineEvent.Printed::text).toList());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aTimeoutInsideALockLetsGoOfTheLock(Mode mode) {
        Program program = program(task("a", timeoutMs(40, locked("l", waitMs(1_000)))),
                task("b", locked("l", print("b got it"))));
        Run run = run(program, mode);
        assertEquals(1, events(run, TimelineEvent.TimedOut.class).size());
        assertEquals(2, events(run, TimelineEvent.LockReleased.class).size());
        assertTrue(run.summary().elapsedMs() < 500, "a gives the lock up at its timeout");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void afterAndAwaitWaitForTheOtherTasksEnd(Mode mode) {
        Program program = program(task("a", waitMs(50), print("a")), taskAfter("b", List.of("a"), print("b")),
                task("c", await("b"), print("c")));
        Run run = run(program, mode);
        assertEquals(List.of("a", "b", "c"), events(run, TimelineEvent.Printed.class).stream()
                .map(TimelineEvent.Printed::text).toList());
        assertEquals(List.of("done", "done", "done"), statuses(run));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aTaskCannotAwaitItself(Mode mode) {
        Run run = run(program(task("a", await("a"))), mode);
        assertEquals("'a' cannot wait for itself", run.summary().tasks().getFirst().message());
    }

    @Test
    void sequentialCannotAwaitALaterTask() {
        Run run = run(program(task("a", await("b")), task("b", print("b"))), Mode.SEQUENTIAL);
        assertEquals(List.of("failed", "done"), statuses(run));
        assertTrue(run.summary().tasks().getFirst().message().contains("has not run yet"));
    }
}
