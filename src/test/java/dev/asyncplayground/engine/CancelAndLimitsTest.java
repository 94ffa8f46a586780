package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunProbe.awaitCount;
import static dev.asyncplayground.engine.RunProbe.awaitEnd;
import static dev.asyncplayground.engine.RunProbe.endings;
import static dev.asyncplayground.engine.RunProbe.ms;
import static dev.asyncplayground.engine.RunProbe.nap;
import static dev.asyncplayground.engine.RunProbe.of;
import static dev.asyncplayground.engine.RunProbe.output;
import static dev.asyncplayground.engine.RunProbe.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.LimitExceededException;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TaskTimeline;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stops runs early, by request and by the sandbox limits, and checks nothing is left behind.
 *
 * <p>Every scenario here would take many seconds if it were not stopped; the tests only pass if
 * stopping is prompt.
 */
class CancelAndLimitsTest {

    /** How long a stopped run may take to wind down (generous: the machine may be busy). */
    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    private static TaskSpec task(String name, Step... steps) {
        return TaskSpec.of(name, List.of(steps));
    }

    private static void assertNoThreadLeft(Run run) throws InterruptedException {
        assertTrue(RunProbe.threadGone(run.supervisorName(), PROMPTLY), "thread " + run.supervisorName() + " is still alive");
        for (TaskTimeline task : run.summary().tasks()) {
            assertFalse(task.status().equals("running"), "still running after the run stopped: " + task);
        }
    }

    /** {@code run.cancel()} stops every task promptly. */
    @Nested
    class Cancel {

        @Test
        void cancellingVirtualThreadsEndsEveryTaskCancelledWhateverItWasDoing() throws InterruptedException {
            Limits roomForALongBurn = new Limits(100, Duration.ofSeconds(30), 100).withCpuTime(Duration.ofSeconds(60));
            try (RunRegistry registry = new RunRegistry(roomForALongBurn)) {
                Run run = registry.start(Program.of(List.of(
                        task("sleeper", nap(20_000)),
                        task("holder", new Step.Locked("L", List.of(nap(20_000)))),
                        task("in line", nap(30), new Step.Locked("L", List.of(print("never")))),
                        task("awaiter", new Step.Await(List.of("sleeper"))),
                        task("burner", new Step.Cpu(Duration.ofSeconds(20), "spin")),
                        task("timed", new Step.Timeout(Duration.ofSeconds(20), List.of(nap(20_000)))),
                        task("quick", print("quick")))), new RunOptions(Mode.VIRTUAL_THREADS, 1));
                awaitCount(run, TimelineEvent.LockRequested.class, 2);
                awaitCount(run, TimelineEvent.CpuStarted.class, 1);
                awaitCount(run, TimelineEvent.AwaitStarted.class, 1);
                long asked = System.nanoTime();
                run.cancel();
                awaitEnd(run, PROMPTLY);
                assertTrue(System.nanoTime() - asked < PROMPTLY.toNanos());
                assertEquals(RunStatus.CANCELLED, run.status());
                assertEquals("cancelled by request", run.message());
                List<TimelineEvent> events = run.log().snapshot();
                var ends = endings(events);
                assertEquals(7, ends.size(), "every virtual thread recorded its end: " + ends);
                for (int task = 0; task < 6; task++) {
                    assertEquals(TaskOutcome.CANCELLED, ends.get(task).outcome(), "task " + task);
                    assertEquals("cancelled by request", ends.get(task).message());
                }
                assertEquals(TaskOutcome.DONE, ends.get(6).outcome());
                assertEquals(List.of("quick"), output(run));
                assertTrue(run.summary().elapsedMs() < 10_000);
                assertNoThreadLeft(run);
            }
        }

        /**
         * Tasks awaiting a task that gets cancelled are released by its end; they must not go on
         * with their later steps, since the run is stopping. The race is repeated a few times.
         */
        @Test
        void tasksReleasedByACancelledTaskDoNotGoOn() throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(30), 100))) {
                List<TaskSpec> tasks = new ArrayList<>();
                tasks.add(task("a", nap(20_000)));
                for (int i = 0; i < 30; i++) {
                    tasks.add(task("w" + i, new Step.Await(List.of("a")), print("w" + i + " went on")));
                }
                for (int attempt = 1; attempt <= 8; attempt++) {
                    Run run = registry.start(Program.of(tasks), new RunOptions(Mode.VIRTUAL_THREADS, 1));
                    awaitCount(run, TimelineEvent.AwaitStarted.class, 30);
                    run.cancel();
                    awaitEnd(run, PROMPTLY);
                    assertEquals(List.of(), output(run), "steps ran after the cancel, attempt " + attempt);
                    int n = attempt;
                    endings(run.log().snapshot()).forEach((task, end) ->
                            assertEquals(TaskOutcome.CANCELLED, end.outcome(), "task " + task + ", attempt " + n));
                }
            }
        }

        @Test
        void cancellingASequentialRunStopsTheCurrentTaskAndStartsNoOther() throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(30), 100))) {
                Run run = registry.start(Program.of(List.of(
                        task("first", print("first")),
                        task("second", nap(20_000)),
                        task("third", print("third")))), new RunOptions(Mode.SEQUENTIAL, 1));
                awaitCount(run, TimelineEvent.WaitStarted.class, 1);
                run.cancel();
                awaitEnd(run, PROMPTLY);
                assertEquals(RunStatus.CANCELLED, run.status());
                List<TimelineEvent> events = run.log().snapshot();
                var ends = endings(events);
                assertEquals(TaskOutcome.DONE, ends.get(0).outcome());
                assertEquals(TaskOutcome.CANCELLED, ends.get(1).outcome());
                assertEquals("cancelled by request", ends.get(1).message());
                assertTrue(events.stream().noneMatch(e -> e instanceof TimelineEvent.TaskStarted started
                        && started.task() == 2), "a task started after the cancel");
                assertEquals(TaskOutcome.CANCELLED, ends.get(2).outcome(), "a task that never started ends cancelled");
                assertEquals(List.of("first"), output(run));
                assertEquals("cancelled", run.summary().tasks().get(1).status());
                assertNoThreadLeft(run);
            }
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void cancellingAFinishedRunChangesNothing(Mode mode) throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(30), 100))) {
                Run run = awaitEnd(registry.start(Program.of(List.of(task("t", print("x")))), new RunOptions(mode, 1)));
                int events = run.log().snapshot().size();
                run.cancel();
                assertEquals(RunStatus.DONE, run.status());
                assertEquals("", run.message());
                assertEquals(events, run.log().snapshot().size());
            }
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void closingTheRegistryCancelsRunsStillGoing(Mode mode) throws InterruptedException {
            Run run;
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(30), 100))) {
                run = registry.start(Program.of(List.of(task("t", nap(20_000)))), new RunOptions(mode, 1));
                awaitCount(run, TimelineEvent.WaitStarted.class, 1);
                assertEquals(run, registry.find(run.id()).orElseThrow());
            }
            awaitEnd(run, PROMPTLY);
            assertEquals(RunStatus.CANCELLED, run.status());
            assertNoThreadLeft(run);
        }
    }

    /** Closing the registry stops its runs, even ones that have only just been started. */
    @Nested
    class ClosingTheRegistry {

        @ParameterizedTest
        @EnumSource(Mode.class)
        void runsStartedJustBeforeTheCloseStillEnd(Mode mode) throws InterruptedException {
            List<Run> runs = new ArrayList<>();
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(30), 100))) {
                for (int i = 0; i < 5; i++) {
                    runs.add(registry.start(Program.of(List.of(task("t", nap(20_000)))), new RunOptions(mode, 1)));
                }
            }
            for (Run run : runs) {
                awaitEnd(run, PROMPTLY);
                assertEquals(RunStatus.CANCELLED, run.status(), "run " + run.id());
                assertNoThreadLeft(run);
            }
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void aRunStartedAfterTheCloseIsRefusedOrEnds(Mode mode) throws InterruptedException {
            RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(30), 100));
            registry.close();
            Run run;
            try {
                run = registry.start(Program.of(List.of(task("t", nap(20_000)))), new RunOptions(mode, 1));
            } catch (IllegalStateException refused) {
                return;
            }
            awaitEnd(run, PROMPTLY);
            assertNoThreadLeft(run);
        }
    }

    /** A run longer than {@link Limits#maxRunTime()} is stopped as timed out. */
    @Nested
    class WallClockLimit {

        @ParameterizedTest
        @EnumSource(Mode.class)
        void aProgramWhoseIdealTimeIsPastTheLimitIsRefusedAtStart(Mode mode) throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(1), 100))) {
                Program program = Program.of(List.of(task("slow", nap(20_000))));
                LimitExceededException refused = assertThrows(LimitExceededException.class,
                        () -> registry.start(program, new RunOptions(mode, 1)));
                assertEquals("MAX_RUN_SECONDS", refused.limit());
                assertTrue(refused.getMessage().contains("MAX_RUN_SECONDS"), refused.getMessage());
                assertEquals(0, registry.activeRuns());
                Run fast = registry.start(program, new RunOptions(mode, 100));
                assertTrue(fast.idealMs() == 20_000, "the same program at speed 100 fits in the limit");
                fast.cancel();
                awaitEnd(fast, PROMPTLY);
            }
        }

        /** Virtual threads awaiting each other never end: the ideal time is tiny, the real run endless. */
        @Test
        void aDeadlockedRunEndsTimedOutNamingMaxRunSeconds() throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, ms(300), 100))) {
                Run run = registry.start(Program.of(List.of(
                        task("quick", print("quick")),
                        task("a", new Step.Await(List.of("b")), print("never")),
                        task("b", new Step.Await(List.of("a")), print("never")))),
                        new RunOptions(Mode.VIRTUAL_THREADS, 1));
                awaitEnd(run, Duration.ofSeconds(5));
                assertEquals(RunStatus.TIMED_OUT, run.status());
                assertTrue(run.message().contains("MAX_RUN_SECONDS"), run.message());
                var ends = endings(run.log().snapshot());
                assertEquals(TaskOutcome.DONE, ends.get(0).outcome());
                for (int task = 1; task <= 2; task++) {
                    assertEquals(TaskOutcome.CANCELLED, ends.get(task).outcome());
                    assertTrue(ends.get(task).message().contains("MAX_RUN_SECONDS"), ends.get(task).message());
                    assertTrue(ends.get(task).atNanos() >= ms(300).toNanos(), "stopped before the limit");
                }
                assertEquals(List.of("quick"), output(run));
                assertTrue(run.summary().elapsedMs() < 5_000);
                assertNoThreadLeft(run);
            }
        }

        /**
         * A sequential run whose ideal time is exactly the limit overruns it by its overhead
         * (20,000 instant tasks first, some tens of ms), so the wall clock stops it during the final nap.
         */
        @Test
        void aSequentialRunThatOverrunsTheLimitEndsTimedOut() throws InterruptedException {
            int instantTasks = 20_000;
            try (RunRegistry registry = new RunRegistry(new Limits(100_000, ms(300), 100_000))) {
                List<TaskSpec> tasks = new ArrayList<>();
                for (int i = 0; i < instantTasks; i++) {
                    tasks.add(task("p" + i, print("p")));
                }
                tasks.add(task("slow", nap(300), print("never")));
                Run run = registry.start(Program.of(tasks), new RunOptions(Mode.SEQUENTIAL, 1));
                awaitEnd(run, Duration.ofSeconds(5));
                assertEquals(RunStatus.TIMED_OUT, run.status());
                assertTrue(run.message().contains("MAX_RUN_SECONDS"), run.message());
                TimelineEvent.TaskEnded last = endings(run.log().snapshot()).get(instantTasks);
                assertEquals(TaskOutcome.CANCELLED, last.outcome());
                assertTrue(last.message().contains("MAX_RUN_SECONDS"), last.message());
                assertFalse(output(run).contains("never"));
                assertNoThreadLeft(run);
            }
        }

        @Test
        void aRunThatEndsInTimeIsNotTimedOut() throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(5), 100))) {
                Run run = awaitEnd(registry.start(Program.of(List.of(task("t", nap(20)))),
                        new RunOptions(Mode.VIRTUAL_THREADS, 1)));
                assertEquals(RunStatus.DONE, run.status());
            }
        }

        @Test
        void theLimitIsRealTimeSoSpeedLetsLongScenariosFinish() throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, ms(1_500), 100))) {
                Run run = awaitEnd(registry.start(Program.of(List.of(task("t", nap(4_000)))),
                        new RunOptions(Mode.SEQUENTIAL, 40)));
                assertEquals(RunStatus.DONE, run.status());
                assertTrue(run.summary().elapsedMs() >= 4_000);
            }
        }
    }

    /**
     * More printed lines than {@link Limits#maxOutputLines()}: the brief says the run stops as
     * failed, with a message naming the limit, and keeps no more than the limit.
     */
    @Nested
    class OutputLimit {

        @ParameterizedTest
        @EnumSource(Mode.class)
        void outputBeyondTheLimitFailsTheRunAndIsNotKept(Mode mode) throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(10), 5))) {
                List<TaskSpec> tasks = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    tasks.add(task("p" + i, nap(10L * i), print("line " + i)));
                }
                Run run = awaitEnd(registry.start(Program.of(tasks), new RunOptions(mode, 1)));
                assertEquals(5, output(run).size(), "lines kept: " + output(run));
                assertEquals(RunStatus.FAILED, run.status(), "status after passing the output limit");
                assertTrue(run.message().contains("MAX_OUTPUT_LINES"), "message: '" + run.message() + "'");
            }
        }

        @Test
        void aTaskPrintingPastTheLimitStopsAtTheLimit() throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(10), 3))) {
                List<Step> steps = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    steps.add(print("line " + i));
                }
                Run run = awaitEnd(registry.start(Program.of(List.of(TaskSpec.of("chatty", steps))),
                        new RunOptions(Mode.SEQUENTIAL, 1)));
                assertEquals(List.of("line 1", "line 2", "line 3"), output(run));
                TimelineEvent.TaskEnded end = endings(run.log().snapshot()).get(0);
                assertEquals(TaskOutcome.FAILED, end.outcome());
                assertTrue(end.message().contains("output limit of 3 lines"), end.message());
            }
        }

        @Test
        void printingExactlyTheLimitIsFine() throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(10), 3))) {
                Run run = awaitEnd(registry.start(Program.of(List.of(
                        task("a", print("1"), print("2")), task("b", print("3")))),
                        new RunOptions(Mode.VIRTUAL_THREADS, 1)));
                assertEquals(RunStatus.DONE, run.status());
                assertEquals(3, output(run).size());
                assertTrue(of(TimelineEvent.TaskEnded.class, run.log().snapshot()).stream()
                        .allMatch(e -> e.outcome() == TaskOutcome.DONE));
            }
        }
    }

    /** While a run goes on, its summary shows the tasks as they are now. */
    @Nested
    class WhileRunning {

        @Test
        void theLiveSummaryShowsOpenSegmentsAndTheFinalOneIsFixed() throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(new Limits(100, Duration.ofSeconds(30), 100))) {
                Run run = registry.start(Program.of(List.of(
                        task("napper", nap(20_000)), task("quick", print("q")))), new RunOptions(Mode.VIRTUAL_THREADS, 1));
                awaitCount(run, TimelineEvent.WaitStarted.class, 1);
                RunProbe.awaitEvent(run, e -> e instanceof TimelineEvent.TaskEnded x && x.task() == 1);
                assertEquals(RunStatus.RUNNING, run.status());
                var live = run.summary();
                TaskTimeline napper = live.tasks().get(0);
                assertEquals("running", napper.status());
                assertEquals(null, napper.endMs());
                assertEquals("waiting", napper.segments().getLast().state());
                assertEquals("nap 20s", napper.segments().getLast().detail());
                assertTrue(napper.segments().getLast().endMs() <= live.elapsedMs());
                assertEquals("done", live.tasks().get(1).status());
                assertEquals(1, registry.activeRuns());
                run.cancel();
                awaitEnd(run, PROMPTLY);
                var last = run.summary();
                assertEquals("cancelled", last.tasks().get(0).status());
                assertTrue(last.elapsedMs() >= live.elapsedMs());
                assertEquals(last, run.summary(), "the final summary changes no more");
                assertEquals(0, registry.activeRuns());
            }
        }
    }

    /** Finished runs stay findable by id. */
    @Nested
    class Registry {

        @Test
        void theOldestFinishedRunsAreForgottenPastTheByteBudgetAndAreKnownAsForgotten() throws InterruptedException {
            long budget = 200_000;
            try (RunRegistry registry = new RunRegistry(Limits.defaults(), budget)) {
                Program program = Program.of(List.of(task("t")));
                Run keptGoing = registry.start(Program.of(List.of(task("long", nap(20_000)))),
                        new RunOptions(Mode.VIRTUAL_THREADS, 1));
                List<Run> runs = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    runs.add(awaitEnd(registry.start(program, new RunOptions(Mode.SEQUENTIAL, 1))));
                }
                assertTrue(registry.find(keptGoing.id()).isPresent(), "a run still going was forgotten");
                assertTrue(registry.find(runs.getFirst().id()).isEmpty(), "the oldest finished run is still kept");
                assertTrue(registry.forgot(runs.getFirst().id()), "a forgotten run is known as forgotten");
                assertTrue(registry.find(runs.getLast().id()).isPresent());
                assertFalse(registry.forgot(runs.getLast().id()), "a kept run is not forgotten");
                assertTrue(registry.storedBytes() <= budget, registry.storedBytes() + " bytes kept");
                long kept = runs.stream().filter(r -> registry.find(r.id()).isPresent()).count();
                assertTrue(kept >= 2 && kept < runs.size(), kept + " runs kept");
                assertTrue(runs.subList(runs.size() - (int) kept, runs.size()).stream()
                        .allMatch(r -> registry.find(r.id()).isPresent()), "the newest are the ones kept");
                keptGoing.cancel();
                awaitEnd(keptGoing, PROMPTLY);
            }
        }

        @Test
        void runsAreFoundByTheirIdAndIdsAreDistinct() throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(Limits.defaults())) {
                Run a = registry.start(Program.of(List.of(task("t", print("a")))), new RunOptions(Mode.SEQUENTIAL, 1));
                Run b = registry.start(Program.of(List.of(task("t", print("b")))), new RunOptions(Mode.SEQUENTIAL, 1));
                awaitEnd(a);
                awaitEnd(b);
                assertFalse(a.id().equals(b.id()));
                assertTrue(a.id().matches("[a-z2-9]{9,21}"), a.id());
                assertEquals(a, registry.find(a.id()).orElseThrow());
                assertEquals(b, registry.find(b.id()).orElseThrow());
                assertTrue(registry.find("nosuchrun0").isEmpty());
                assertFalse(registry.forgot("nosuchrun0"), "an id this server never gave is not a forgotten run");
                String last = a.id().endsWith("x") ? "y" : "x";
                assertFalse(registry.forgot(a.id().substring(0, a.id().length() - 1) + last), "a mistyped id");
            }
        }
    }
}
