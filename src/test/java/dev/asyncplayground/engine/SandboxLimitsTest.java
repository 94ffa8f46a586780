package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunWaits.awaitEnd;
import static dev.asyncplayground.engine.RunWaits.awaitNoThreads;
import static dev.asyncplayground.engine.TestPrograms.await;
import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.LimitExceededException;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SandboxLimitsTest {

    private static RunRegistry registry(Limits limits) {
        return new RunRegistry(limits.withRuns(1, 10));
    }

    @Nested
    class Output {

        private static Program chatty(int lines) {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                steps.add(print("line " + i));
            }
            return program(task("chatty", steps.toArray(Step[]::new)), task("quiet", waitMs(2_000)));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Mode.class)
        void printingPastTheLimitStopsTheWholeRunAsFailed(Mode mode) {
            try (RunRegistry runs = registry(new Limits(100, Duration.ofSeconds(30), 5))) {
                Run run = runs.start(chatty(8), new RunOptions(mode, 1));
                assertEquals(RunStatus.FAILED, awaitEnd(run));
                assertTrue(run.message().contains("MAX_OUTPUT_LINES"), run.message());
                assertEquals(5, RunWaits.events(run, TimelineEvent.Printed.class).size());
                assertEquals("failed", run.summary().tasks().get(0).status());
                assertTrue(run.summary().elapsedMs() < 1_500, "stopped without waiting for 'quiet'");
                awaitNoThreads(runs);
            }
        }
    }

    @Nested
    class Cpu {

        @Test
        void aProgramDeclaringTooMuchCpuIsRefusedUpFront() {
            try (RunRegistry runs = registry(Limits.defaults())) {
                Program heavy = many(4, i -> List.of(cpuMs(1_500)));
                LimitExceededException refused = assertThrows(LimitExceededException.class,
                        () -> runs.start(heavy, new RunOptions(Mode.VIRTUAL_THREADS, 1)));
                assertEquals("MAX_CPU_SECONDS", refused.limit());
                assertTrue(refused.getMessage().contains("6.0 s"), refused.getMessage());
            }
        }

        @Test
        void raisingTheSpeedShrinksTheCpuBurnt() {
            try (RunRegistry runs = registry(Limits.defaults())) {
                Program heavy = many(4, i -> List.of(cpuMs(1_500)));
                Run run = runs.start(heavy, new RunOptions(Mode.VIRTUAL_THREADS, 20));
                assertEquals(RunStatus.DONE, awaitEnd(run));
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Mode.class)
        void burningPastTheLimitAtRunTimeStopsTheRunAsFailed(Mode mode) {
            try (RunRegistry runs = registry(Limits.defaults().withCpuTime(Duration.ofMillis(80)))) {
                Run run = runs.startWithIdeal(many(2, i -> List.of(cpuMs(300))), new RunOptions(mode, 1),
                        new IdealTime.Result(1, 0, true));
                assertEquals(RunStatus.FAILED, awaitEnd(run));
                assertTrue(run.message().contains("MAX_CPU_SECONDS"), run.message());
                assertTrue(run.summary().elapsedMs() < 280, "stopped before a step ends: " + run.summary().elapsedMs());
                awaitNoThreads(runs);
            }
        }
    }

    @Nested
    class WallTime {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Mode.class, names = "SEQUENTIAL", mode = EnumSource.Mode.EXCLUDE)
        void aDeadlockRunsUntilTheWallClockLimitStopsIt(Mode mode) {
            try (RunRegistry runs = registry(new Limits(100, Duration.ofMillis(300), 100))) {
                Program stuck = program(task("a", waitMs(20), await("b")), task("b", await("a")));
                Run run = runs.start(stuck, new RunOptions(mode, 1));
                assertTrue(run.neverEnds());
                assertEquals(20, run.idealMs(), "the ideal is the moment both got stuck");
                assertEquals(RunStatus.TIMED_OUT, awaitEnd(run));
                assertTrue(run.message().contains("MAX_RUN_SECONDS") && run.message().contains("never end"),
                        run.message());
                awaitNoThreads(runs);
            }
        }

        @Test
        void theIdealOfTheChosenModeDecides() {
            try (RunRegistry runs = registry(new Limits(100, Duration.ofSeconds(1), 100))) {
                Program waits = many(4, i -> List.of(waitMs(600)));
                assertThrows(LimitExceededException.class, () -> runs.start(waits, new RunOptions(Mode.SEQUENTIAL, 1)));
                assertEquals(RunStatus.DONE, awaitEnd(runs.start(waits, new RunOptions(Mode.EVENT_LOOP, 1))));
            }
        }
    }
}
