package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunProbe.awaitEnd;
import static dev.asyncplayground.engine.RunProbe.endings;
import static dev.asyncplayground.engine.RunProbe.ms;
import static dev.asyncplayground.engine.RunProbe.nap;
import static dev.asyncplayground.engine.RunProbe.of;
import static dev.asyncplayground.engine.RunProbe.outcomeOf;
import static dev.asyncplayground.engine.RunProbe.output;
import static dev.asyncplayground.engine.RunProbe.print;
import static dev.asyncplayground.engine.RunProbe.seqOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import dev.asyncplayground.timeline.Segment;
import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TaskTimeline;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks what every kind of step means when really run, under each execution model.
 *
 * <p>Timing assertions only compare events with each other or use wide margins: the machine may
 * be busy, so these tests check order and overlap, never speed.
 */
class StepSemanticsTest {

    private static RunRegistry registry;

    @BeforeAll
    static void createRegistry() {
        registry = new RunRegistry(new Limits(10_000, Duration.ofSeconds(20), 10_000));
    }

    @AfterAll
    static void closeRegistry() {
        registry.close();
    }

    private static Run run(Mode mode, Program program) throws InterruptedException {
        return awaitEnd(registry.start(program, new RunOptions(mode, 1)));
    }

    private static Run run(Mode mode, TaskSpec... tasks) throws InterruptedException {
        return run(mode, Program.of(List.of(tasks)));
    }

    private static TaskSpec task(String name, Step... steps) {
        return TaskSpec.of(name, List.of(steps));
    }

    private static long nanos(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    /** A named lock gives real mutual exclusion, and a task in line for it is shown blocked. */
    @Nested
    class Locks {

        private static final int TASKS = 4;

        private Program contended() {
            List<TaskSpec> tasks = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                tasks.add(task("t" + i, new Step.Locked("L", List.of(print("in " + i), nap(40), print("out " + i)))));
            }
            return Program.of(tasks);
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void criticalSectionsOfDifferentTasksNeverOverlap(Mode mode) throws InterruptedException {
            Run run = run(mode, contended());
            assertEquals(RunStatus.DONE, run.status());
            List<TimelineEvent> events = run.log().snapshot();
            record Section(int task, long acquired, long released) {}
            List<Section> sections = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                int t = i;
                sections.add(new Section(t,
                        seqOf(events, e -> e instanceof TimelineEvent.LockAcquired x && x.task() == t),
                        seqOf(events, e -> e instanceof TimelineEvent.LockReleased x && x.task() == t)));
            }
            sections.sort(Comparator.comparingLong(Section::acquired));
            for (int i = 1; i < sections.size(); i++) {
                assertTrue(sections.get(i).acquired() > sections.get(i - 1).released(),
                        "t" + sections.get(i).task() + " acquired L before t" + sections.get(i - 1).task()
                                + " released it: " + sections);
            }
            List<String> out = output(run);
            for (int i = 0; i < out.size(); i += 2) {
                assertEquals(out.get(i).replace("in", "out"), out.get(i + 1), "interleaved output " + out);
            }
        }

        /** Many quick hand-offs of one lock: in log order, at most one task holds it at any time. */
        @Test
        void theLogNeverShowsTwoHoldersOfALockAtOnce() throws InterruptedException {
            List<TaskSpec> tasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                List<Step> steps = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    steps.add(new Step.Locked("L", List.of(print(i + "." + round), new Step.Cpu(ms(1), ""))));
                }
                tasks.add(TaskSpec.of("t" + i, steps));
            }
            Run run = run(Mode.VIRTUAL_THREADS, Program.of(tasks));
            int holders = 0;
            int handOffs = 0;
            for (TimelineEvent event : run.log().snapshot()) {
                if (event instanceof TimelineEvent.LockAcquired) {
                    holders++;
                    handOffs++;
                    assertEquals(1, holders, "a second holder acquired L at " + event);
                } else if (event instanceof TimelineEvent.LockReleased) {
                    holders--;
                }
            }
            assertEquals(100, handOffs);
        }

        @Test
        void aTaskInLineForTheLockShowsABlockedSegment() throws InterruptedException {
            Run run = run(Mode.VIRTUAL_THREADS, contended());
            List<TaskTimeline> tasks = run.summary().tasks();
            double longestBlock = tasks.stream().flatMap(t -> t.segments().stream())
                    .filter(s -> s.state().equals("blocked"))
                    .mapToDouble(s -> s.endMs() - s.startMs()).max().orElse(0);
            assertTrue(longestBlock >= 40 * (TASKS - 1) * 0.9,
                    "the last task in line waited only " + longestBlock + " ms; " + tasks);
            Segment blocked = tasks.stream().flatMap(t -> t.segments().stream())
                    .filter(s -> s.state().equals("blocked")).findFirst().orElseThrow();
            assertEquals("in line for L", blocked.detail());
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void aFailureInsideALockReleasesIt(Mode mode) throws InterruptedException {
            Run run = run(mode,
                    task("a", new Step.Locked("L", List.of(nap(30), new Step.Fail("broke while holding L")))),
                    task("b", nap(5), new Step.Locked("L", List.of(print("b got L")))));
            List<TimelineEvent> events = run.log().snapshot();
            assertEquals(TaskOutcome.FAILED, outcomeOf(events, 0));
            assertEquals(TaskOutcome.DONE, outcomeOf(events, 1));
            assertEquals(List.of("b got L"), output(run));
            assertEquals(1, of(TimelineEvent.LockReleased.class, events).stream().filter(e -> e.task() == 0).count());
        }
    }

    /** Read-modify-write of a shared value loses updates unless a lock serialises it. */
    @Nested
    class SharedUpdates {

        private static final int WRITERS = 5;
        private static final long INITIAL = 100;
        private static final long DELTA = 3;

        @ParameterizedTest(name = "{0}, locked={1}: updates lost={2}")
        @CsvSource({
                "SEQUENTIAL,      false, false",
                "SEQUENTIAL,      true,  false",
                "VIRTUAL_THREADS, false, true",
                "VIRTUAL_THREADS, true,  false",
        })
        void concurrentUpdatesAreLostOnlyWithoutALockAndOnlyWhenTasksOverlap(Mode mode, boolean locked,
                                                                            boolean lost)
                throws InterruptedException {
            List<TaskSpec> tasks = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Step update = new Step.Update("counter", DELTA, ms(60));
                tasks.add(task("w" + i, locked ? new Step.Locked("counter-lock", List.of(update)) : update));
            }
            Run run = run(mode, new Program(tasks, Map.of("counter", INITIAL)));
            assertEquals(RunStatus.DONE, run.status());
            List<TimelineEvent> events = run.log().snapshot();
            List<TimelineEvent.SharedWritten> writes = of(TimelineEvent.SharedWritten.class, events);
            assertEquals(WRITERS, writes.size());
            assertEquals(INITIAL, of(TimelineEvent.SharedRead.class, events).getFirst().value(),
                    "the first read sees the initial value");
            long last = writes.getLast().value();
            long correct = INITIAL + WRITERS * DELTA;
            if (lost) {
                assertTrue(last < correct, "no update was lost: final value " + last);
            } else {
                assertEquals(correct, last);
            }
        }
    }

    /** Awaiting a task, or starting after it, resumes only once it has ended. */
    @Nested
    class AwaitAndAfter {

        @ParameterizedTest
        @EnumSource(Mode.class)
        void anAwaitEndsOnlyAfterTheAwaitedTaskEnded(Mode mode) throws InterruptedException {
            Run run = run(mode,
                    task("washer", nap(60), print("washed")),
                    task("dryer", new Step.Await(List.of("washer")), print("dried")));
            List<TimelineEvent> events = run.log().snapshot();
            long washerEnd = seqOf(events, e -> e instanceof TimelineEvent.TaskEnded x && x.task() == 0);
            long awaitEnd = seqOf(events, e -> e instanceof TimelineEvent.AwaitEnded x && x.task() == 1);
            assertTrue(awaitEnd > washerEnd);
            assertEquals(List.of("washed", "dried"), output(run));
            assertEquals(TaskOutcome.DONE, outcomeOf(events, 1));
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void anAfterDependencyStartsTheStepsOnlyAfterTheTaskEnded(Mode mode) throws InterruptedException {
            Run run = run(mode,
                    task("washer", nap(60), print("washed")),
                    new TaskSpec("dryer", List.of("washer"), List.of(print("dried"))),
                    task("folder", print("folding")));
            List<TimelineEvent> events = run.log().snapshot();
            long washerEnd = seqOf(events, e -> e instanceof TimelineEvent.TaskEnded x && x.task() == 0);
            long dried = seqOf(events, e -> e instanceof TimelineEvent.Printed x && x.text().equals("dried"));
            assertTrue(dried > washerEnd);
            if (mode == Mode.VIRTUAL_THREADS) {
                assertEquals("folding", output(run).getFirst(), "the unrelated task is not held up");
            }
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void anAwaitedTaskThatFailedStillReleasesItsWaiters(Mode mode) throws InterruptedException {
            Run run = run(mode,
                    task("a", nap(30), new Step.Fail("no")),
                    task("b", new Step.Await(List.of("a")), print("b goes on")));
            assertEquals(List.of("b goes on"), output(run));
            assertEquals(TaskOutcome.DONE, outcomeOf(run.log().snapshot(), 1));
        }

        /** Sequential mode cannot wait for a task that has not run yet: it fails instead of hanging. */
        @ParameterizedTest(name = "{0}")
        @CsvSource({"await", "after"})
        void waitingForALaterTaskFailsThatTaskInSequentialMode(String how) throws InterruptedException {
            TaskSpec early = how.equals("await")
                    ? task("early", print("early 1"), new Step.Await(List.of("late")), print("early 2"))
                    : new TaskSpec("early", List.of("late"), List.of(print("early 2")));
            Run run = awaitEnd(registry.start(Program.of(List.of(early, task("late", nap(20), print("late")))),
                    new RunOptions(Mode.SEQUENTIAL, 1)), Duration.ofSeconds(5));
            assertEquals(RunStatus.DONE, run.status());
            List<TimelineEvent> events = run.log().snapshot();
            TimelineEvent.TaskEnded end = endings(events).get(0);
            assertEquals(TaskOutcome.FAILED, end.outcome());
            assertTrue(end.message().contains("'late'") && end.message().contains("has not run yet"),
                    end.message());
            assertEquals(TaskOutcome.DONE, outcomeOf(events, 1));
            assertFalse(output(run).contains("early 2"));
            assertTrue(output(run).contains("late"));
            assertEquals("failed", run.summary().tasks().get(0).status());
            assertEquals(end.message(), run.summary().tasks().get(0).message());
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void awaitingItselfFailsWithAClearMessage(Mode mode) throws InterruptedException {
            Run run = run(mode, task("selfish", new Step.Await(List.of("selfish")), print("never")));
            TimelineEvent.TaskEnded end = endings(run.log().snapshot()).get(0);
            assertEquals(TaskOutcome.FAILED, end.outcome());
            assertTrue(end.message().contains("cannot wait for itself"), end.message());
        }

        /** A dependency on a task name that does not exist fails that task; the run still starts. */
        @ParameterizedTest
        @EnumSource(Mode.class)
        void anUnknownAfterDependencyFailsTheTaskInsteadOfCrashingTheStart(Mode mode)
                throws InterruptedException {
            Run run = run(mode,
                    new TaskSpec("orphan", List.of("ghost"), List.of(print("never"))),
                    task("fine", print("fine")));
            List<TimelineEvent> events = run.log().snapshot();
            TimelineEvent.TaskEnded end = endings(events).get(0);
            assertEquals(TaskOutcome.FAILED, end.outcome());
            assertTrue(end.message().contains("no task named 'ghost'"), end.message());
            assertEquals(List.of("fine"), output(run));
        }

        @Test
        void aCycleOfAwaitsInVirtualThreadsIsStoppedByTheWallClockLimit() throws InterruptedException {
            try (RunRegistry strict = new RunRegistry(new Limits(100, ms(300), 100))) {
                Run run = strict.start(Program.of(List.of(
                        task("a", new Step.Await(List.of("b"))),
                        task("b", new Step.Await(List.of("a"))))), new RunOptions(Mode.VIRTUAL_THREADS, 1));
                awaitEnd(run, Duration.ofSeconds(5));
                assertEquals(RunStatus.TIMED_OUT, run.status());
                endings(run.log().snapshot()).values()
                        .forEach(e -> assertEquals(TaskOutcome.CANCELLED, e.outcome()));
            }
        }
    }

    /** A timeout abandons the steps inside it at the limit and the task carries on. */
    @Nested
    class Timeouts {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
                "SEQUENTIAL,      wait",
                "SEQUENTIAL,      cpu",
                "SEQUENTIAL,      update",
                "VIRTUAL_THREADS, wait",
                "VIRTUAL_THREADS, cpu",
                "VIRTUAL_THREADS, update",
        })
        void stepsInsideAreAbandonedAtTheLimitAndTheTaskGoesOn(Mode mode, String kind)
                throws InterruptedException {
            Step slow = switch (kind) {
                case "wait" -> nap(3_000);
                case "cpu" -> new Step.Cpu(ms(3_000), "crunch");
                default -> new Step.Update("x", 1, ms(3_000));
            };
            Run run = run(mode, new Program(List.of(task("t",
                    new Step.Timeout(ms(80), List.of(print("inside"), slow, print("never"))),
                    print("after"))), Map.of("x", 0L)));
            List<TimelineEvent> events = run.log().snapshot();
            List<TimelineEvent.TimedOut> timeouts = of(TimelineEvent.TimedOut.class, events);
            assertEquals(1, timeouts.size());
            assertEquals(nanos(80), timeouts.getFirst().limitNanos());
            assertTrue(timeouts.getFirst().atNanos() >= nanos(80), "timed out early: " + timeouts);
            assertTrue(timeouts.getFirst().atNanos() < nanos(2_000), "not abandoned at the limit: " + timeouts);
            assertEquals(List.of("inside", "after"), output(run));
            assertEquals(TaskOutcome.DONE, outcomeOf(events, 0));
            assertTrue(of(TimelineEvent.SharedWritten.class, events).isEmpty(), "an abandoned update wrote");
            assertEquals("done", run.summary().tasks().getFirst().status());
            assertTrue(run.summary().tasks().getFirst().segments().stream()
                    .anyMatch(s -> s.detail().equals("after timeout")));
        }

        @Test
        void aBodyThatFinishesInTimeIsNotCut() throws InterruptedException {
            Run run = run(Mode.SEQUENTIAL, task("t",
                    new Step.Timeout(ms(2_000), List.of(nap(20), print("inside"))), print("after")));
            assertTrue(of(TimelineEvent.TimedOut.class, run.log().snapshot()).isEmpty());
            assertEquals(List.of("inside", "after"), output(run));
        }

        @Test
        void waitingForALockIsAbandonedAtTheLimit() throws InterruptedException {
            Run run = run(Mode.VIRTUAL_THREADS,
                    task("holder", new Step.Locked("L", List.of(nap(600)))),
                    task("impatient", nap(20),
                            new Step.Timeout(ms(60), List.of(new Step.Locked("L", List.of(print("never"))))),
                            print("gave up")));
            List<TimelineEvent> events = run.log().snapshot();
            long gaveUp = seqOf(events, e -> e instanceof TimelineEvent.Printed p && p.text().equals("gave up"));
            long released = seqOf(events, e -> e instanceof TimelineEvent.LockReleased);
            assertTrue(gaveUp < released, "waited for the lock beyond the timeout");
            assertEquals(List.of("gave up"), output(run));
            assertEquals(1, of(TimelineEvent.TimedOut.class, events).size());
            assertEquals(TaskOutcome.DONE, outcomeOf(events, 1));
        }

        @Test
        void aLockTakenInsideATimeoutIsReleasedWhenItExpires() throws InterruptedException {
            Run run = run(Mode.VIRTUAL_THREADS,
                    task("greedy", new Step.Timeout(ms(60), List.of(new Step.Locked("L", List.of(nap(3_000))))),
                            print("greedy gave up")),
                    task("next", nap(10), new Step.Locked("L", List.of(print("next got L")))));
            List<TimelineEvent> events = run.log().snapshot();
            assertTrue(run.summary().elapsedMs() < 2_000, "the lock was held for the whole abandoned nap");
            assertTrue(output(run).containsAll(List.of("greedy gave up", "next got L")));
            long released = seqOf(events, e -> e instanceof TimelineEvent.LockReleased x && x.task() == 0);
            long acquired = seqOf(events, e -> e instanceof TimelineEvent.LockAcquired x && x.task() == 1);
            assertTrue(acquired > released);
        }

        @Test
        void awaitingATaskIsAbandonedAtTheLimit() throws InterruptedException {
            Run run = run(Mode.VIRTUAL_THREADS,
                    task("slow", nap(600), print("slow")),
                    task("impatient", new Step.Timeout(ms(60), List.of(new Step.Await(List.of("slow")))),
                            print("gave up")));
            assertEquals(List.of("gave up", "slow"), output(run));
            assertEquals(1, of(TimelineEvent.TimedOut.class, run.log().snapshot()).size());
        }

        /** Two timeouts inside each other: whichever limit is shorter cuts, and only it reports. */
        @ParameterizedTest(name = "{0}: outer {1} ms, inner {2} ms")
        @CsvSource({
                "SEQUENTIAL,      400, 60,  'inner after,outer after'",
                "SEQUENTIAL,      60,  400, 'outer after'",
                "VIRTUAL_THREADS, 400, 60,  'inner after,outer after'",
                "VIRTUAL_THREADS, 60,  400, 'outer after'",
        })
        void theShorterOfNestedTimeoutsCuts(Mode mode, long outerMs, long innerMs, String printed)
                throws InterruptedException {
            Run run = run(mode, task("t",
                    new Step.Timeout(ms(outerMs), List.of(
                            new Step.Timeout(ms(innerMs), List.of(nap(3_000), print("inner never"))),
                            print("inner after"))),
                    print("outer after")));
            List<TimelineEvent> events = run.log().snapshot();
            List<TimelineEvent.TimedOut> timeouts = of(TimelineEvent.TimedOut.class, events);
            assertEquals(1, timeouts.size(), timeouts.toString());
            assertEquals(nanos(Math.min(outerMs, innerMs)), timeouts.getFirst().limitNanos());
            assertEquals(List.of(printed.split(",")), output(run));
            assertEquals(TaskOutcome.DONE, outcomeOf(events, 0));
        }

        @Test
        void anInnerTimeoutThatFiresStillLeavesTheOuterOneRunning() throws InterruptedException {
            Run run = run(Mode.SEQUENTIAL, task("t",
                    new Step.Timeout(ms(250), List.of(
                            new Step.Timeout(ms(50), List.of(nap(3_000))),
                            print("between"),
                            nap(3_000),
                            print("never"))),
                    print("after")));
            List<TimelineEvent.TimedOut> timeouts = of(TimelineEvent.TimedOut.class, run.log().snapshot());
            assertEquals(List.of(nanos(50), nanos(250)), timeouts.stream().map(TimelineEvent.TimedOut::limitNanos).toList());
            assertEquals(List.of("between", "after"), output(run));
        }

        @ParameterizedTest
        @EnumSource(Mode.class)
        void aFailInsideATimeoutStillFailsTheTask(Mode mode) throws InterruptedException {
            Run run = run(mode, task("t",
                    new Step.Timeout(ms(2_000), List.of(new Step.Fail("inside timeout"))), print("never")));
            TimelineEvent.TaskEnded end = endings(run.log().snapshot()).get(0);
            assertEquals(TaskOutcome.FAILED, end.outcome());
            assertEquals("inside timeout", end.message());
            assertTrue(output(run).isEmpty());
        }
    }

    /** A fail step ends its own task, and only its own task. */
    @Nested
    class Failures {

        @ParameterizedTest
        @EnumSource(Mode.class)
        void theTaskEndsFailedWithTheMessageAndLaterStepsDoNotRun(Mode mode) throws InterruptedException {
            Run run = run(mode,
                    task("a", print("a1"), new Step.Fail("the washer broke"), print("a2"), nap(2_000)),
                    task("b", nap(30), print("b")));
            assertEquals(RunStatus.DONE, run.status(), "one task failing does not fail the run");
            List<TimelineEvent> events = run.log().snapshot();
            TimelineEvent.TaskEnded end = endings(events).get(0);
            assertEquals(TaskOutcome.FAILED, end.outcome());
            assertEquals("the washer broke", end.message());
            assertEquals(TaskOutcome.DONE, outcomeOf(events, 1));
            assertEquals(List.of("a1", "b"), output(run));
            assertTrue(of(TimelineEvent.WaitStarted.class, events).stream().noneMatch(w -> w.task() == 0));
            TaskTimeline a = run.summary().tasks().get(0);
            assertEquals("failed", a.status());
            assertEquals("the washer broke", a.message());
            assertTrue(run.summary().elapsedMs() < 2_000, "the failed task's later nap ran");
        }
    }

    /** A CPU step really keeps a thread busy for about its duration. */
    @Nested
    class Cpu {

        @ParameterizedTest
        @EnumSource(Mode.class)
        void cpuStartedAndCpuEndedBracketTheDuration(Mode mode) throws InterruptedException {
            Run run = run(mode, task("t", new Step.Cpu(ms(100), "crunch"), print("done")));
            List<TimelineEvent> events = run.log().snapshot();
            TimelineEvent.CpuStarted started = of(TimelineEvent.CpuStarted.class, events).getFirst();
            TimelineEvent.CpuEnded ended = of(TimelineEvent.CpuEnded.class, events).getFirst();
            assertEquals(nanos(100), started.durationNanos());
            assertEquals("crunch", started.label());
            long took = ended.atNanos() - started.atNanos();
            assertTrue(took >= nanos(100), "cpu step took only " + took + " ns");
            assertTrue(took < nanos(2_000), "cpu step took " + took + " ns");
            Segment running = run.summary().tasks().getFirst().segments().stream()
                    .filter(s -> s.detail().equals("crunch 100ms")).findFirst().orElseThrow();
            assertEquals("running", running.state());
        }

        @Test
        void theSpeedOptionScalesRealTimeButNotScenarioTime() throws InterruptedException {
            Run run = awaitEnd(registry.start(Program.of(List.of(task("t", new Step.Cpu(Duration.ofSeconds(2), "")))),
                    new RunOptions(Mode.SEQUENTIAL, 10)));
            TimelineEvent.CpuStarted started = of(TimelineEvent.CpuStarted.class, run.log().snapshot()).getFirst();
            assertEquals(nanos(200), started.durationNanos(), "2 s at speed 10 is 200 ms of real time");
            assertTrue(run.summary().elapsedMs() >= 2_000);
            assertEquals(2_000, run.idealMs(), 0.0);
            assertEquals("2s", run.summary().tasks().getFirst().segments().stream()
                    .filter(s -> !s.detail().isEmpty()).findFirst().orElseThrow().detail());
        }
    }
}
