package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.locked;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A task that leaves a lock and then waits has begun its wait before the next holder gets the
 * lock, so the wake-up of the next holder's thread cannot make that wait begin late.
 */
class LockHandOffTest {

    private static final int TASKS = 6;
    private static final int ROUNDS = 4;

    /** Like the chess simul: each task computes under one lock, then waits outside it. */
    private static final Program SIMUL = many(TASKS, t -> {
        List<Step> steps = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            steps.add(locked("master", cpuMs(1)));
            steps.add(waitMs(3));
        }
        return steps;
    });

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theLeaverHasStartedItsWaitBeforeTheNextHolderAcquires(Mode mode) throws Exception {
        try (RunRegistry registry = new RunRegistry(Limits.defaults().withRuns(1, 2))) {
            Run run = RunProbe.awaitEnd(registry.start(SIMUL, RunOptions.of(mode, 1)));
            List<TimelineEvent> events = run.log().snapshot();
            RunProbe.endings(events).values().forEach(end ->
                    assertEquals(TaskOutcome.DONE, end.outcome(), mode.id() + ": " + end));
            int handOffs = 0;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof TimelineEvent.LockReleased released) {
                    handOffs += checkHandOff(events, i, released.task(), mode);
                }
            }
            assertEquals(TASKS * ROUNDS - 1, handOffs, mode.id() + ": every release but the last hands the lock on");
        }
    }

    /**
     * The leaver's wait is over before it begins, so its thread does not sleep; it still lets the
     * next holder go at once rather than keep it waiting through the 300 ms it then computes.
     */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"VIRTUAL_THREADS", "PLATFORM_THREADS"})
    void aLeaverWhoseWaitIsAlreadyOverDoesNotKeepTheNextHolderWaitingWhileItComputes(Mode mode) throws Exception {
        Program program = program(
                task("leaver", locked("master", cpuMs(20)), waitMs(0), cpuMs(300)),
                task("next", waitMs(5), locked("master", cpuMs(1))));
        try (RunRegistry registry = new RunRegistry(Limits.defaults().withRuns(1, 2))) {
            List<TimelineEvent> events = RunProbe.awaitEnd(registry.start(program, RunOptions.of(mode, 1))).log().snapshot();
            long released = events.stream().filter(TimelineEvent.LockReleased.class::isInstance)
                    .mapToLong(TimelineEvent::atNanos).findFirst().orElseThrow();
            long acquired = events.stream().filter(e -> e instanceof TimelineEvent.LockAcquired a && a.task() == 1)
                    .mapToLong(TimelineEvent::atNanos).findFirst().orElseThrow();
            long afterMs = (acquired - released) / 1_000_000;
            assertTrue(afterMs < 150, mode.id() + ": the next holder took the lock "
                    + afterMs + " ms after the leaver left it, as if it waited for the leaver's 300 ms of CPU");
        }
    }

    /** Checks the events after one release; returns 1 if another task took the lock after it. */
    private static int checkHandOff(List<TimelineEvent> events, int releasedAt, int leaver, Mode mode) {
        boolean leaverWaits = false;
        for (int i = releasedAt + 1; i < events.size(); i++) {
            TimelineEvent event = events.get(i);
            if (event instanceof TimelineEvent.WaitStarted wait && wait.task() == leaver) {
                leaverWaits = true;
            }
            if (event instanceof TimelineEvent.LockAcquired acquired) {
                assertTrue(leaverWaits, mode.id() + ": task " + acquired.task() + " took the lock at event "
                        + i + " before task " + leaver + ", which left it at event " + releasedAt + ", began its wait");
                return 1;
            }
        }
        return 0;
    }
}
