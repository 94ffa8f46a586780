package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.locked;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.timeoutMs;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gil option: cpu steps take turns holding one lock, in the ideal time and on real threads. */
class GilTest {

    private static final RunOptions GIL = new RunOptions(Mode.PLATFORM_THREADS, 1, 4, RunOptions.NO_LIMIT, true);
    private static final RunOptions FREE = GIL.withGil(false);

    @Nested
    class TheProgramRewrite {

        @Test
        void aCpuStepBecomesSlicesOfTheSwitchIntervalEachHoldingTheLock() {
            Program rewritten = Gil.apply(program(task("a", cpuMs(12), waitMs(5))), GIL);
            List<Step> steps = rewritten.tasks().getFirst().steps();
            assertEquals(4, steps.size(), "5 + 5 + 2 ms of cpu, then the wait: " + steps);
            assertEquals(new Step.Locked(Gil.LOCK, List.of(new Step.Cpu(Duration.ofMillis(2), ""))), steps.get(2));
            assertEquals(waitMs(5), steps.get(3), "a wait takes no lock");
        }

        @Test
        void slicesFollowTheSpeedSoTheyStayFiveMillisecondsOfRealTime() {
            Program rewritten = Gil.apply(program(task("a", cpuMs(100))), new RunOptions(Mode.PLATFORM_THREADS, 10, 4, RunOptions.NO_LIMIT, true));
            assertEquals(2, rewritten.tasks().getFirst().steps().size(), "100ms at speed 10 is 10 real ms: 2 slices");
        }

        @Test
        void stepsInsideLocksAndTimeoutsAreSlicedWhereTheyAre() {
            Program rewritten = Gil.apply(program(task("a", locked("m", timeoutMs(50, cpuMs(5))))), GIL);
            assertEquals(List.of(locked("m", timeoutMs(50, locked(Gil.LOCK, cpuMs(5))))),
                    rewritten.tasks().getFirst().steps());
        }

        @Test
        void aHugeAmountOfCpuGetsLongerSlicesNotMillionsOfSteps() {
            Program rewritten = Gil.apply(program(task("a", new Step.Cpu(Duration.ofMinutes(1440), ""))), GIL);
            assertTrue(rewritten.tasks().getFirst().steps().size() <= Gil.MAX_SLICES);
        }

        @Test
        void onlyPlatformThreadsTakesTheOption() {
            assertThrows(IllegalArgumentException.class,
                    () -> new RunOptions(Mode.VIRTUAL_THREADS, 1, 4, RunOptions.NO_LIMIT, true));
        }
    }

    @Nested
    class TheIdealTime {

        @ParameterizedTest(name = "{0} tasks of {1} ms cpu on {2} cores: {3} ms with the GIL, {4} ms without")
        @CsvSource({"4, 100, 2, 400, 200", "4, 100, 4, 400, 100", "1, 100, 2, 100, 100", "3, 10, 2, 30, 15"})
        void cpuStepsUseOneCoreWhateverThePool(int tasks, long cpu, int cores, long gil, long free) {
            Program program = many(tasks, i -> List.of(cpuMs(cpu)));
            assertEquals(gil, IdealTime.of(program, GIL, cores) / 1_000_000);
            assertEquals(free, IdealTime.of(program, FREE, cores) / 1_000_000);
        }

        @Test
        void waitsStillOverlapBecauseAWaitingThreadLetsGoOfTheLock() {
            Program program = many(4, i -> List.of(waitMs(100), cpuMs(10)));
            assertEquals(140, IdealTime.of(program, GIL, 2) / 1_000_000);
        }
    }

    @Nested
    class OnRealThreads {

        private RunRegistry registry;

        @BeforeEach
        void start() {
            registry = new RunRegistry(Limits.defaults().withRuns(1, 4));
        }

        @AfterEach
        void stop() {
            registry.close();
        }

        @Test
        void computingTasksTakeTurnsAndTheTimelineShowsThemInLineForTheGil() throws Exception {
            Run run = RunProbe.awaitEnd(registry.start(many(3, i -> List.of(cpuMs(30))), GIL));
            List<TimelineEvent> events = run.log().snapshot();
            List<TimelineEvent.LockRequested> requests = RunProbe.of(TimelineEvent.LockRequested.class, events);
            assertTrue(requests.size() >= 18 && requests.stream().allMatch(r -> r.lock().equals(Gil.LOCK)),
                    "3 x 30ms in slices of 5ms each ask for the GIL: " + requests.size());
            assertEquals(90, run.idealMs(), 0.001);
            assertTrue(run.summary().elapsedMs() >= 85, "they took turns: " + run.summary().elapsedMs() + " ms");
            assertHeldByOneAtATime(events);
        }

        private static void assertHeldByOneAtATime(List<TimelineEvent> events) {
            int holders = 0;
            for (TimelineEvent event : events) {
                if (event instanceof TimelineEvent.LockAcquired acquired && acquired.lock().equals(Gil.LOCK)) {
                    holders++;
                } else if (event instanceof TimelineEvent.LockReleased released && released.lock().equals(Gil.LOCK)) {
                    holders--;
                }
                assertTrue(holders <= 1, "two tasks held the GIL at once");
            }
        }
    }
}
