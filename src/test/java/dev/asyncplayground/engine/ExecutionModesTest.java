package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunWaits.awaitEnd;
import static dev.asyncplayground.engine.RunWaits.awaitNoThreads;
import static dev.asyncplayground.engine.RunWaits.events;
import static dev.asyncplayground.engine.RunWaits.realMs;
import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.locked;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.timeoutMs;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.timeline.TaskTimeline;
import dev.asyncplayground.timeline.TimelineEvent;
import dev.asyncplayground.timeline.TimelineSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The textbook results of each mode, measured on real threads through the registry. */
class ExecutionModesTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private RunRegistry registry;

    @BeforeEach
    void open() {
        registry = new RunRegistry(Limits.defaults().withRuns(1, 20));
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private Run runToEnd(Program program, RunOptions options) {
        Run run = registry.start(program, options);
        assertEquals(RunStatus.DONE, awaitEnd(run), run.message());
        return run;
    }

    private static RunOptions concurrent(Mode mode) {
        return new RunOptions(mode, 1, 4, RunOptions.NO_LIMIT);
    }

    @Nested
    class IoTasks {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Mode.class, names = "SEQUENTIAL", mode = EnumSource.Mode.EXCLUDE)
        void overlapInEveryConcurrentMode(Mode mode) {
            Run run = runToEnd(many(4, i -> List.of(waitMs(200))), concurrent(mode));
            double elapsed = run.summary().elapsedMs();
            assertTrue(elapsed >= 199 && elapsed < 500, "4 waits of 200 ms overlap: " + elapsed + " ms");
            assertEquals(4, run.summary().figures().peakConcurrency());
        }

        @Test
        void followOneAnotherInSequence() {
            Run run = runToEnd(many(4, i -> List.of(waitMs(100))), concurrent(Mode.SEQUENTIAL));
            assertTrue(run.summary().elapsedMs() >= 399, "4 waits of 100 ms in a row: " + run.summary().elapsedMs());
            assertEquals(1, run.summary().figures().peakConcurrency());
        }
    }

    @Nested
    class CpuTasks {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Mode.class, names = {"VIRTUAL_THREADS", "PLATFORM_THREADS"})
        void doNotBeatTheCoreCount(Mode mode) {
            int tasks = 2 * CORES;
            Run run = runToEnd(many(tasks, i -> List.of(cpuMs(150))), new RunOptions(mode, 1, tasks, 0));
            double floor = tasks * 150.0 / CORES;
            assertTrue(run.summary().elapsedMs() >= floor * 0.95,
                    tasks + " CPU tasks of 150 ms on " + CORES + " cores: " + run.summary().elapsedMs() + " ms");
        }

        @Test
        void takeTurnsOnTheEventLoop() {
            Run run = runToEnd(many(3, i -> List.of(cpuMs(100))), concurrent(Mode.EVENT_LOOP));
            assertTrue(run.summary().elapsedMs() >= 299, "one thread for all: " + run.summary().elapsedMs());
            assertEquals(1, run.summary().figures().threadsUsed());
        }
    }

    @Nested
    class EventLoopBlocking {

        private final Program tickerAndHog = program(
                task("ticker", ticks(8)),
                task("hog", waitMs(120), cpuMs(300)));

        private static Step[] ticks(int count) {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                steps.add(waitMs(40));
                steps.add(print("tick " + i));
            }
            return steps.toArray(Step[]::new);
        }

        private double largestGapMs(Run run) {
            List<TimelineEvent.Printed> ticks = events(run, TimelineEvent.Printed.class);
            double largest = realMs(ticks.getFirst());
            for (int i = 1; i < ticks.size(); i++) {
                largest = Math.max(largest, realMs(ticks.get(i)) - realMs(ticks.get(i - 1)));
            }
            return largest;
        }

        @Test
        void aCpuStepStretchesTheGapsOfATickingTask() {
            double gap = largestGapMs(runToEnd(tickerAndHog, concurrent(Mode.EVENT_LOOP)));
            assertTrue(gap >= 0.9 * 300, "the ticker waits for the CPU step: largest gap " + gap + " ms");
        }

        @Test
        void virtualThreadsKeepTicking() {
            double gap = largestGapMs(runToEnd(tickerAndHog, concurrent(Mode.VIRTUAL_THREADS)));
            assertTrue(gap < 200, "another carrier keeps the ticker going: largest gap " + gap + " ms");
        }

        @Test
        void locksAndAwaitsDoNotBlockTheLoopThread() {
            Program program = program(task("a", locked("l", waitMs(300))), task("b", locked("l", waitMs(100))),
                    task("c", waitMs(100), print("c is free")));
            Run run = runToEnd(program, concurrent(Mode.EVENT_LOOP));
            TimelineEvent.Printed printed = events(run, TimelineEvent.Printed.class).getFirst();
            assertTrue(realMs(printed) < 250, "c is not held up by b waiting for the lock: " + realMs(printed));
            assertTrue(run.summary().elapsedMs() >= 399, "b waits for a's lock: " + run.summary().elapsedMs());
        }

        @Test
        void aTimeoutCutsALockWaitOnTheLoop() {
            Program program = program(task("a", locked("l", waitMs(400))),
                    task("b", timeoutMs(100, locked("l", print("never"))), print("gave up")));
            Run run = runToEnd(program, concurrent(Mode.EVENT_LOOP));
            List<TimelineEvent.Printed> printed = events(run, TimelineEvent.Printed.class);
            assertEquals(List.of("gave up"), printed.stream().map(TimelineEvent.Printed::text).toList());
            assertEquals(1, events(run, TimelineEvent.TimedOut.class).size());
            assertTrue(realMs(printed.getFirst()) < 300, "b gives up after 100 ms: " + realMs(printed.getFirst()));
        }
    }

    @Nested
    class Pools {

        @Test
        void twoThreadsRunEightIoTasksInFourWaves() {
            Run run = runToEnd(many(8, i -> List.of(waitMs(150))), new RunOptions(Mode.PLATFORM_THREADS, 1, 2, 0));
            List<Integer> queued = events(run, TimelineEvent.TaskQueued.class).stream()
                    .map(TimelineEvent.TaskQueued::task).toList();
            assertEquals(List.of(2, 3, 4, 5, 6, 7), queued);
            List<TaskTimeline> tasks = run.summary().tasks();
            List<Double> ends = tasks.stream().map(TaskTimeline::endMs).sorted().toList();
            for (int i = 2; i < 8; i++) {
                assertTrue(tasks.get(i).startMs() >= ends.get(i - 2),
                        "task " + i + " starts only once an earlier task has freed a thread: " + tasks);
            }
            assertTrue(run.summary().elapsedMs() >= 4 * 150, "four waves of 150 ms: " + run.summary().elapsedMs());
            assertEquals("queued", tasks.get(7).segments().getFirst().state());
            assertEquals(2, run.summary().figures().threadsUsed());
            assertEquals(2, run.summary().figures().peakConcurrency());
        }

        @Test
        void aLimitCapsVirtualThreadsInFlight() {
            Run run = runToEnd(many(9, i -> List.of(waitMs(100))), new RunOptions(Mode.VIRTUAL_THREADS, 1, 4, 3));
            TimelineSummary summary = run.summary();
            assertEquals(3, summary.figures().peakConcurrency());
            assertEquals(6, events(run, TimelineEvent.TaskQueued.class).size());
            assertTrue(summary.elapsedMs() >= 299, "three waves of 100 ms: " + summary.elapsedMs());
        }
    }

    @Nested
    class Stopping {

        private final Program slow = many(6, i -> List.of(print("start"), waitMs(3_000), cpuMs(50)));
        private final Program busy = program(task("burner", cpuMs(3_000)), task("sleeper", waitMs(5_000)));

        @ParameterizedTest(name = "{0}")
        @EnumSource(Mode.class)
        void cancellingLeavesNoEngineThread(Mode mode) {
            Run run = registry.start(slow, concurrent(mode));
            RunWaits.until(() -> !events(run, TimelineEvent.Printed.class).isEmpty(), Duration.ofSeconds(5),
                    "the first print");
            run.cancel();
            assertEquals(RunStatus.CANCELLED, awaitEnd(run));
            assertTrue(run.summary().tasks().stream().allMatch(t -> t.status().equals("cancelled")),
                    "every task ends cancelled");
            awaitNoThreads(registry);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Mode.class)
        void theWallClockLimitStopsABusyRunAndItsThreads(Mode mode) {
            try (RunRegistry strict = new RunRegistry(new Limits(100, Duration.ofMillis(300), 100))) {
                Run run = strict.startWithIdeal(busy, concurrent(mode), new IdealTime.Result(1, 0, true));
                assertEquals(RunStatus.TIMED_OUT, awaitEnd(run));
                assertTrue(run.message().contains("MAX_RUN_SECONDS"), run.message());
                assertTrue(run.summary().elapsedMs() < 1_500, "stopped long before the CPU step ends: "
                        + run.summary().elapsedMs());
                assertTrue(run.summary().tasks().stream().allMatch(t -> t.status().equals("cancelled")));
                awaitNoThreads(strict);
            }
        }
    }

    @Nested
    class AgainstTheIdeal {

        private final Program mixed = program(
                task("a", waitMs(200), cpuMs(40), locked("l", waitMs(60))),
                task("b", cpuMs(30), waitMs(120), locked("l", waitMs(60))),
                task("c", waitMs(50), print("c"), cpuMs(20), waitMs(100)),
                task("d", timeoutMs(80, waitMs(500)), cpuMs(10)));

        @ParameterizedTest(name = "{0}")
        @EnumSource(Mode.class)
        void measuredElapsedIsAtLeastTheIdealAndCloseToIt(Mode mode) {
            Run run = runToEnd(mixed, new RunOptions(mode, 1, 2, 0));
            double elapsed = run.summary().elapsedMs();
            double ideal = run.idealMs();
            assertTrue(elapsed >= ideal - 1, mode.id() + ": measured " + elapsed + " ms below ideal " + ideal);
            assertTrue(elapsed <= ideal * 1.5 + 150, mode.id() + ": measured " + elapsed + " ms, ideal " + ideal);
        }
    }
}
