package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunProbe.awaitEnd;
import static dev.asyncplayground.engine.RunProbe.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TimelineEvent;
import dev.asyncplayground.timeline.TimelineSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the core lesson, counting 1..30 where 8 and 12 nap first, under every execution model.
 *
 * <p>The nap unit is one scenario second played at speed 25 (40 ms real), so a sequential run
 * lasts about 0.8 s of wall time and a virtual-threads run about 0.5 s.
 */
class CountingSemanticsTest {

    private static final int COUNT = 30;
    private static final double SPEED = 25;
    private static final Duration UNIT = Duration.ofSeconds(1);
    private static final double SUM_OF_NAPS_MS = 20_000;
    private static final double LONGEST_NAP_MS = 12_000;
    private static final Pattern CARRIER = Pattern.compile("ForkJoinPool-\\d+-worker-\\d+");

    private static RunRegistry registry;
    private static Run sequential;
    private static Run virtualThreads;

    @BeforeAll
    static void runBothModesOnce() throws InterruptedException {
        registry = new RunRegistry(new Limits(10_000, Duration.ofSeconds(20), 10_000));
        sequential = registry.start(counting(), new RunOptions(Mode.SEQUENTIAL, SPEED));
        awaitEnd(sequential);
        virtualThreads = registry.start(counting(), new RunOptions(Mode.VIRTUAL_THREADS, SPEED));
        awaitEnd(virtualThreads);
    }

    @AfterAll
    static void closeRegistry() {
        registry.close();
    }

    /** The counting exercise with the default sleepers 8 and 12. */
    static Program counting() {
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            List<Step> steps = new ArrayList<>();
            if (i == 8 || i == 12) {
                steps.add(new Step.Wait(UNIT.multipliedBy(i), "nap"));
            }
            steps.add(new Step.Print(Integer.toString(i)));
            tasks.add(TaskSpec.of("n" + i, steps));
        }
        return Program.of(tasks);
    }

    private static Run runOf(Mode mode) {
        return mode == Mode.SEQUENTIAL ? sequential : virtualThreads;
    }

    @ParameterizedTest(name = "{0}: status {1}, ideal {2} ms")
    @CsvSource({
            "SEQUENTIAL,      DONE, 20000",
            "VIRTUAL_THREADS, DONE, 12000",
    })
    @DisplayName("every task ends done, and the ideal time is the sum (sequential) or the longest nap")
    void endsDoneWithExactIdealTime(Mode mode, RunStatus status, double idealMs) {
        Run run = runOf(mode);
        assertEquals(status, run.status());
        assertEquals(idealMs, run.idealMs(), 0.0);
        assertEquals("", run.message());
        TimelineSummary summary = run.summary();
        assertEquals(COUNT, summary.tasks().size());
        summary.tasks().forEach(t -> assertEquals("done", t.status(), t.name()));
        assertEquals(COUNT, RunProbe.endings(run.log().snapshot()).size());
        RunProbe.endings(run.log().snapshot()).values()
                .forEach(end -> assertEquals(TaskOutcome.DONE, end.outcome()));
    }

    /** Sequential: one platform thread counts in order and every nap holds everyone up. */
    @Nested
    class Sequential {

        @Test
        void printsOneToThirtyInOrder() {
            List<String> expected = IntStream.rangeClosed(1, COUNT).mapToObj(Integer::toString).toList();
            assertEquals(expected, RunProbe.output(sequential));
        }

        @Test
        void eachTaskStartsOnlyAfterThePreviousOneEnded() {
            List<TimelineEvent> events = sequential.log().snapshot();
            for (int task = 1; task < COUNT; task++) {
                int previous = task - 1;
                int current = task;
                long previousEnd = RunProbe.seqOf(events,
                        e -> e instanceof TimelineEvent.TaskEnded x && x.task() == previous);
                long start = RunProbe.seqOf(events,
                        e -> e instanceof TimelineEvent.TaskStarted x && x.task() == current);
                assertTrue(start > previousEnd, "n" + (task + 1) + " started before n" + task + " ended");
                var timelines = sequential.summary().tasks();
                assertTrue(timelines.get(task).startMs() >= timelines.get(previous).endMs(),
                        "n" + (task + 1) + " overlaps n" + task);
            }
        }

        @Test
        void everyEventHappensOnTheRunsOwnPlatformThread() {
            Set<String> threads = sequential.log().snapshot().stream()
                    .map(TimelineEvent::thread).filter(thread -> !thread.isEmpty()).collect(Collectors.toSet());
            assertEquals(Set.of(sequential.supervisorName()), threads);
        }

        @Test
        void lastsAtLeastTheSumOfAllNaps() {
            assertTrue(sequential.summary().elapsedMs() >= SUM_OF_NAPS_MS,
                    "elapsed " + sequential.summary().elapsedMs());
        }

        @Test
        void theNapsAreRecordedWithTheirScenarioLength() {
            List<TimelineEvent.WaitStarted> naps = of(TimelineEvent.WaitStarted.class, sequential.log().snapshot());
            assertEquals(List.of(7, 11), naps.stream().map(TimelineEvent.WaitStarted::task).toList());
            assertEquals("nap 8s", sequential.summary().tasks().get(7).segments().stream()
                    .filter(s -> s.state().equals("waiting")).findFirst().orElseThrow().detail());
        }
    }

    /** Virtual threads: every task starts at once, so the nappers print last. */
    @Nested
    class VirtualThreads {

        @Test
        void everyNonSleeperPrintsBeforeEightAndTheOutputEndsWithEightThenTwelve() {
            List<String> output = RunProbe.output(virtualThreads);
            assertEquals(COUNT, output.size());
            assertEquals(List.of("8", "12"), output.subList(COUNT - 2, COUNT));
            List<String> others = IntStream.rangeClosed(1, COUNT).filter(i -> i != 8 && i != 12)
                    .mapToObj(Integer::toString).sorted().toList();
            assertEquals(others, output.subList(0, COUNT - 2).stream().sorted().toList());
        }

        @Test
        void theTasksOverlap() {
            List<TimelineEvent> events = virtualThreads.log().snapshot();
            long eightEnds = RunProbe.seqOf(events, e -> e instanceof TimelineEvent.TaskEnded x && x.task() == 7);
            long twelveNaps = RunProbe.seqOf(events, e -> e instanceof TimelineEvent.WaitStarted x && x.task() == 11);
            assertTrue(twelveNaps < eightEnds, "n12 began napping only after n8 was done");
            for (int task = 0; task < COUNT; task++) {
                int t = task;
                assertTrue(RunProbe.seqOf(events, e -> e instanceof TimelineEvent.TaskStarted x && x.task() == t)
                        < eightEnds, "task n" + (task + 1) + " started after n8 ended");
            }
        }

        @Test
        void lastsAtLeastTheLongestNapButWellBelowTheSum() {
            double elapsed = virtualThreads.summary().elapsedMs();
            assertTrue(elapsed >= LONGEST_NAP_MS, "elapsed " + elapsed);
            assertTrue(elapsed < SUM_OF_NAPS_MS - 2_000, "elapsed " + elapsed + " is close to the sum of naps");
        }

        @Test
        void waitsAreRecordedOnCarrierThreadsNeverOnTheVirtualThread() {
            List<TimelineEvent> events = virtualThreads.log().snapshot();
            List<String> threads = new ArrayList<>();
            of(TimelineEvent.WaitStarted.class, events).forEach(e -> threads.add(e.thread()));
            of(TimelineEvent.WaitEnded.class, events).forEach(e -> threads.add(e.thread()));
            assertEquals(4, threads.size());
            for (String thread : threads) {
                assertTrue(CARRIER.matcher(thread).matches(), "not a carrier: " + thread);
                assertTrue(CarrierPool.isOwn(thread), "not one of the engine's own carriers: " + thread);
            }
            for (TimelineEvent event : events) {
                assertFalse(event.thread().startsWith("VirtualThread["), "virtual thread named: " + event);
            }
        }
    }
}
