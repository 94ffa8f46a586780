package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunWaits.awaitEnd;
import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.locked;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.timeoutMs;
import static dev.asyncplayground.engine.TestPrograms.update;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run whose shortest step would last too short a real time to be timed goes just slow enough,
 * never slower than real time nor than asked, and says so; unless going slower breaks a limit.
 */
class SpeedChoiceTest {

    private static final long MS = 1_000_000;

    @Nested
    class TheRule {

        @ParameterizedTest(name = "shortest step {0} ms at speed {1} -> speed {2}")
        @CsvSource(delimiter = '|', textBlock = """
                100  | 1000 | 20
                150  | 1000 | 30
                5000 | 1000 | 1000
                12   | 3600 | 2
                2    | 1000 | 1
                100  | 10   | 10
                100  | 20   | 20
                1    | 0.5  | 0.5
                1    | 1    | 1
                """)
        void goesAtTheFastestWholeSpeedAtWhichTheShortestStepLastsFiveRealMilliseconds(long shortestMs, double asked,
                                                                                        double used) {
            assertEquals(used, SpeedChoice.Bound.ofStep(shortestMs * MS).speed(asked));
        }

        @Test
        void aProgramWithNoTimedStepGoesAtTheSpeedAsked() {
            assertEquals(3600, SpeedChoice.Bound.ofStep(Long.MAX_VALUE).speed(3600));
        }

        @ParameterizedTest(name = "ideal {0} ms, {1} steps in a row, {2}, at speed {3} -> speed {4}")
        @CsvSource(delimiter = '|', textBlock = """
                120    | 0  | SEQUENTIAL       | 100  | 4
                200    | 0  | SEQUENTIAL       | 100  | 4
                4000   | 20 | SEQUENTIAL       | 100  | 10
                320000 | 19 | EVENT_LOOP       | 1000 | 1000
                320000 | 28 | VIRTUAL_THREADS  | 1000 | 377
                320000 | 28 | PLATFORM_THREADS | 1000 | 562
                5      | 0  | SEQUENTIAL       | 3600 | 3
                5      | 0  | SEQUENTIAL       | 1    | 1
                """)
        void goesAtTheFastestWholeSpeedAtWhichTheBarsSlackHoldsARunsOverheadAndItsLateWakeUps(
                double idealMs, long chain, Mode mode, double asked, double used) {
            assertEquals(used, SpeedChoice.Bound.ofRun(idealMs * MS, chain, mode).speed(asked),
                    "the slack is ideal x 0.02 + 10 ms; a run's overhead 3 ms of real time, and a step in a row"
                            + " 0.15 ms (event loop), 0.3 ms (sequential, platform threads) or 0.5 ms (virtual threads)");
        }

        @Test
        void theTighterBoundHoldsTheRunBack() {
            SpeedChoice.Bound step = SpeedChoice.Bound.ofStep(80 * MS);
            SpeedChoice.Bound run = SpeedChoice.Bound.ofRun(120 * MS, 0, Mode.SEQUENTIAL);

            assertEquals(4, step.tighter(run).speed(100));
            assertEquals(4, run.tighter(step).speed(100));
        }

        @Test
        void aRunSlowedForItsShortRunSaysHowLongTheBarsSlackWouldHaveLasted() {
            SpeedChoice slowed = SpeedChoice.slowed(100, 4, SpeedChoice.Bound.ofRun(120 * MS, 0, Mode.SEQUENTIAL));

            assertEquals("this run went at speed 4 instead of 100: at 100 the 12.4 ms its fidelity bar allows over the"
                    + " ideal, for starting and ending it, would last 0.12 ms of real time, too short for this machine"
                    + " to time faithfully; at 4 it lasts 3.1 ms", slowed.note());
        }

        @Test
        void aRunSlowedForItsLongChainSaysHowManyStepsInARowTheSlackMustHold() {
            SpeedChoice slowed = SpeedChoice.slowed(1000, 377,
                    SpeedChoice.Bound.ofRun(320_000 * MS, 28, Mode.VIRTUAL_THREADS));

            assertEquals("this run went at speed 377 instead of 1000: at 1000 the 6.41 s its fidelity bar allows over"
                    + " the ideal, for starting and ending it and going on after 28 steps in a row, would last 6.4 ms"
                    + " of real time, too short for this machine to time faithfully; at 377 it lasts 17 ms",
                    slowed.note());
        }

        @Test
        void aSlowedRunSaysHowFastItWentAndWhy() {
            SpeedChoice slowed = SpeedChoice.slowed(1000, 20, SpeedChoice.Bound.ofStep(100 * MS));

            assertTrue(slowed.slowed());
            assertEquals("this run went at speed 20 instead of 1000: at 1000 its shortest step, 100 ms, would last"
                    + " 0.1 ms of real time, too short for this machine to time faithfully; at 20 it lasts 5 ms",
                    slowed.note());
        }

        @Test
        void aRunThatCannotGoSlowerSaysItsTimesMayRunLongAndWhichLimitHeldItBack() {
            SpeedChoice fast = SpeedChoice.tooFastToTime(1000, 30, SpeedChoice.Bound.ofStep(150 * MS), "MAX_RUN_SECONDS");

            assertFalse(fast.slowed());
            assertEquals(1000, fast.used());
            assertEquals("at speed 1000 its shortest step, 150 ms, lasts 0.15 ms of real time, too short for this"
                    + " machine to time faithfully, so this run's times may run long; at speed 30 it would last 5 ms,"
                    + " but the run would pass its limit (MAX_RUN_SECONDS)", fast.note());
        }

        @Test
        void aRunAtRealTimeWhoseSlackCannotHoldItsLateStartsSaysItsTimesMayRunLong() {
            SpeedChoice realTime = SpeedChoice.tooShortAtRealTime(1,
                    SpeedChoice.Bound.ofRun(4000 * MS, 1599, Mode.PLATFORM_THREADS));

            assertFalse(realTime.slowed());
            assertEquals("at speed 1 the 90 ms its fidelity bar allows over the ideal, for starting and ending it and"
                    + " going on after 1599 steps in a row, lasts 90 ms of real time, too short for this machine to"
                    + " time faithfully, so this run's times may run long (a run asked to go at real time or slower"
                    + " is never slowed further)", realTime.note());
        }

        @Test
        void aRunSlowedToRealTimeThatWouldNeedToGoSlowerStillSaysItsTimesMayRunLong() {
            SpeedChoice slowed = SpeedChoice.slowed(2, 1, SpeedChoice.Bound.ofRun(4000 * MS, 1599, Mode.PLATFORM_THREADS));

            assertEquals("this run went at speed 1 instead of 2: at 2 the 90 ms its fidelity bar allows over the"
                    + " ideal, for starting and ending it and going on after 1599 steps in a row, would last 45 ms of"
                    + " real time, too short for this machine to time faithfully; at 1 it lasts 90 ms, still too"
                    + " short, so this run's times may run long (no run is slowed below real time)", slowed.note());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                1000 | 1000
                2.5  | 2.5
                0.25 | 0.25
                """)
        void writesASpeedAsTheFormShowsIt(double speed, String text) {
            assertEquals(text, SpeedChoice.text(speed));
        }
    }

    @Nested
    class TheShortestStep {

        @Test
        void isFoundInsideLocksAndTimeoutsAndCountsATimeoutsLimit() {
            Program program = program(
                    task("a", waitMs(1_000), locked("m", cpuMs(200))),
                    task("b", timeoutMs(50, waitMs(1_000)), print("done")));

            assertEquals(50 * MS, ShortestStep.nanos(program));
        }

        @Test
        void isTheThinkTimeOfAnUpdateButStepsThatTakeNoTimeDoNotCount() {
            assertEquals(30 * MS, ShortestStep.nanos(program(task("a", update("x", 1, 30), waitMs(0), cpuMs(40)))));
            assertEquals(Long.MAX_VALUE, ShortestStep.nanos(program(task("a", print("hi"), update("x", 1, 0)))));
        }
    }

    @Nested
    class ARegistry {

        private static final Program TWO_COMPUTING_TASKS = many(2, i -> List.of(cpuMs(100)));
        private static final Program QUICK_MOVES = program(
                task("a", locked("m", cpuMs(100)), waitMs(10_000)),
                task("b", locked("m", cpuMs(100)), waitMs(10_000)));

        @Test
        void slowsARunWhoseShortestStepWouldBeTooShortAndKeepsTheSpeedAskedWithIt() {
            try (RunRegistry runs = new RunRegistry(Limits.defaults())) {
                Run run = runs.start(QUICK_MOVES, new RunOptions(Mode.VIRTUAL_THREADS, 1000));

                assertEquals(20, run.options().speed());
                assertEquals(1000, run.speed().asked());
                assertTrue(run.speed().note().startsWith("this run went at speed 20 instead of 1000"), run.speed().note());
                assertEquals(RunStatus.DONE, awaitEnd(run));
                assertEquals(10_200, run.idealMs(), 0.001, "the ideal is the scenario's, whatever the speed");
            }
        }

        @Test
        void goesAsSlowAsItsLimitsAllowWhenTheSpeedItNeedsWouldPassThem() {
            Limits aTenthOfASecond = new Limits(100, Duration.ofMillis(100), 10_000);
            try (RunRegistry runs = new RunRegistry(aTenthOfASecond)) {
                Run run = runs.start(QUICK_MOVES, new RunOptions(Mode.SEQUENTIAL, 1000));

                assertEquals(207, run.options().speed(),
                        "20.2 s of scenario at speed 20 is 1 s; at 207 its bar, 20.614 s, is 0.1 s");
                assertEquals(RunStatus.DONE, awaitEnd(run));
                assertTrue(run.speed().note().startsWith("this run went at speed 207 instead of 1000, as slow as its"
                        + " limit (MAX_RUN_SECONDS) allows"), run.speed().note());
                assertTrue(run.speed().note().endsWith("so this run's times may run long; at speed 20 it would last"
                        + " 5 ms"), run.speed().note());
            }
        }

        @Test
        void namesTheLimitThatARunAsLongAsItsBarWouldPassEvenWhenItsIdealFits() {
            Limits justOverTheIdealAtTwenty = new Limits(100, Duration.ofMillis(1_020), 10_000);
            try (RunRegistry runs = new RunRegistry(justOverTheIdealAtTwenty)) {
                Run run = runs.start(QUICK_MOVES, new RunOptions(Mode.SEQUENTIAL, 1000));

                assertEquals(21, run.options().speed(),
                        "at 20 the ideal, 1.01 s, fits in 1.02 s, but the bar, 1.031 s, does not; at 21 it is 0.982 s");
                assertTrue(run.speed().note().startsWith("this run went at speed 21 instead of 1000, as slow as its"
                        + " limit (MAX_RUN_SECONDS) allows"), run.speed().note());
                assertEquals(RunStatus.DONE, awaitEnd(run));
            }
        }

        @Test
        void keepsTheSpeedAskedWhenNoSlowerSpeedStaysWithinTheLimits() {
            Limits justOverTheIdeal = new Limits(100, Duration.ofNanos(20_500_000), 10_000);
            try (RunRegistry runs = new RunRegistry(justOverTheIdeal)) {
                Run run = runs.start(QUICK_MOVES, new RunOptions(Mode.SEQUENTIAL, 1000));

                assertEquals(1000, run.options().speed(), "20.2 s of scenario at speed 1000 is 20.2 ms; its bar 20.6");
                assertTrue(run.speed().note().endsWith("but the run would pass its limit (MAX_RUN_SECONDS)"),
                        run.speed().note());
            }
        }

        @Test
        void slowsARunWhoseLockIsHandedOnAlongALongChain() {
            Program oneAtATime = many(10, i -> List.of(locked("m", waitMs(100))));
            try (RunRegistry runs = new RunRegistry(Limits.defaults())) {
                Run run = runs.start(oneAtATime, new RunOptions(Mode.VIRTUAL_THREADS, 10));

                assertEquals(2, run.options().speed(), "1 s leaves 30 ms of slack, 15 ms of real time at speed 2;"
                        + " 19 steps in a row and the run's overhead need 12.5 ms");
                assertTrue(run.speed().note().contains("going on after 19 steps in a row"), run.speed().note());
                assertEquals(RunStatus.DONE, awaitEnd(run));
            }
        }

        @Test
        void leavesARunAtItsSpeedWhenEveryStepAndTheWholeRunLastLongEnough() {
            try (RunRegistry runs = new RunRegistry(Limits.defaults())) {
                Run run = runs.start(program(task("a", waitMs(5_000), cpuMs(5_000))), new RunOptions(Mode.EVENT_LOOP, 50));

                assertEquals(50, run.options().speed(),
                        "100 ms steps, and 4.2 ms of slack in real time for 3 ms and two steps' 0.15 ms");
                assertEquals("", run.speed().note());
                assertEquals(RunStatus.DONE, awaitEnd(run));
            }
        }

        @Test
        void slowsARunThatWouldBeOverTooSoonToTimeEvenIfEveryStepLastsLongEnough() {
            try (RunRegistry runs = new RunRegistry(Limits.defaults())) {
                Run run = runs.start(program(task("a", waitMs(50))), new RunOptions(Mode.SEQUENTIAL, 100));

                assertEquals(3, run.options().speed(),
                        "50 ms leaves 11 ms of slack: 3.7 ms of real time at speed 3, for 3 ms and a step's 0.3 ms");
                assertTrue(run.speed().note().contains("the 11 ms its fidelity bar allows over the ideal, for starting"
                        + " and ending it and going on after a step, would last 0.11 ms of real time"), run.speed().note());
                assertEquals(RunStatus.DONE, awaitEnd(run));
            }
        }

        @Test
        void keepsARunWithTheInterpreterLockAtRealTimeAndSaysItsTurnsMayMakeItsTimesRunLong() {
            try (RunRegistry runs = new RunRegistry(Limits.defaults())) {
                Run run = runs.start(TWO_COMPUTING_TASKS,
                        new RunOptions(Mode.PLATFORM_THREADS, 1).withGil(true));

                assertEquals(1, run.options().speed());
                assertTrue(run.speed().note().startsWith("at speed 1 the 14 ms its fidelity bar allows over the ideal,"
                        + " for starting and ending it and going on after "), run.speed().note());
                assertTrue(run.speed().note().contains("so this run's times may run long"), run.speed().note());
                assertEquals(RunStatus.DONE, awaitEnd(run));
            }
        }

        @Test
        void saysNothingOfARunAtRealTimeWhoseSlackHoldsItsLateStarts() {
            try (RunRegistry runs = new RunRegistry(Limits.defaults())) {
                Run run = runs.start(TWO_COMPUTING_TASKS, new RunOptions(Mode.PLATFORM_THREADS, 1));

                assertEquals("", run.speed().note(), "without the lock, each task goes on once, after its cpu step");
                assertEquals(RunStatus.DONE, awaitEnd(run));
            }
        }

        @Test
        void forRunsNobodyTimesGoesAtTheSpeedAskedHoweverShortTheSteps() {
            try (RunRegistry runs = RunRegistry.forRunsNobodyTimes(Limits.defaults(), AdmissionBudget.DEFAULTS)) {
                Run run = runs.start(QUICK_MOVES, new RunOptions(Mode.VIRTUAL_THREADS, 1000));

                assertEquals(1000, run.options().speed());
                assertEquals("", run.speed().note());
                assertEquals(RunStatus.DONE, awaitEnd(run));
            }
        }
    }
}
