package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A viewer wakes once for each stretch of steps a task takes between two waits, and finds all of
 * its events there: one write to each viewer per step instead of one per event. A task's end
 * comes with what its thread does next, or when that thread goes idle or leaves, never later.
 */
class EventsPublishedPerStepTest {

    private static final Program WAKE_PRINT_WAIT = program(
            task("a", waitMs(40), print("x"), print("y"), waitMs(40)));

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theEventsOfOneStepReachAWaitingReaderTogether(Mode mode) throws Exception {
        try (RunRegistry registry = new RunRegistry(Limits.defaults().withRuns(1, 2))) {
            Run run = registry.start(WAKE_PRINT_WAIT, RunOptions.of(mode, 1));
            List<List<TimelineEvent>> batches = readToTheEnd(run.log());
            List<TimelineEvent> withX = batches.stream()
                    .filter(batch -> batch.stream().anyMatch(e -> e instanceof TimelineEvent.Printed p && p.text().equals("x")))
                    .findFirst().orElseThrow();
            List<Class<?>> kinds = withX.stream().<Class<?>>map(Object::getClass).toList();
            assertEquals(List.of(TimelineEvent.WaitEnded.class, TimelineEvent.Printed.class,
                    TimelineEvent.Printed.class, TimelineEvent.WaitStarted.class), kinds,
                    mode.id() + ": the batches a reader woke to were " + batches);
        }
    }

    /** Two tasks for one worker: the second is queued while the first waits a long time. */
    private static final Program ONE_WORKER_TWO_TASKS = program(
            task("first", waitMs(2_000)), task("second", print("z")));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"platform-threads, 1, 0", "virtual-threads, 4, 1"})
    void aTaskQueuedForAWorkerReachesAReaderBeforeTheFirstTaskWakes(String mode, int threads, int limit)
            throws Exception {
        try (RunRegistry registry = new RunRegistry(Limits.defaults().withRuns(1, 2))) {
            Run run = registry.start(ONE_WORKER_TWO_TASKS, new RunOptions(Mode.byId(mode).orElseThrow(), 1, threads, limit));
            List<TimelineEvent> seen = readUntilFirst(run.log(), TimelineEvent.WaitStarted.class);
            assertTrue(seen.stream().anyMatch(e -> e instanceof TimelineEvent.TaskQueued),
                    "seen before the first task's wait ended: " + seen);
            assertTrue(seen.stream().noneMatch(e -> e instanceof TimelineEvent.WaitEnded), "seen: " + seen);
            run.cancel();
        }
    }

    /** A task that ends while another waits long, on a thread of its own or on the loop. */
    private static final Program ENDS_DURING_A_LONG_WAIT = program(
            task("slow", waitMs(3_000)), task("quick", waitMs(100), print("q")));

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"VIRTUAL_THREADS", "EVENT_LOOP", "PLATFORM_THREADS"})
    void aTasksEndIsNotHeldBackUntilAnotherTasksWaitEnds(Mode mode) throws Exception {
        try (RunRegistry registry = new RunRegistry(Limits.defaults().withRuns(1, 2))) {
            Run run = registry.start(ENDS_DURING_A_LONG_WAIT, RunOptions.of(mode, 1));
            List<TimelineEvent> seen = readUntilFirst(run.log(), TimelineEvent.TaskEnded.class);
            assertTrue(seen.stream().anyMatch(e -> e instanceof TimelineEvent.TaskEnded ended && ended.task() == 1),
                    mode.id() + ": the first end a reader woke to was quick's, seen: " + seen);
            assertTrue(seen.stream().noneMatch(e -> e instanceof TimelineEvent.WaitEnded ended && ended.task() == 0),
                    mode.id() + ": quick's end came before slow's wait ended, seen: " + seen);
            run.cancel();
        }
    }

    /** What a reader woken only by publishes has seen once it sees an event of {@code kind}. */
    private static List<TimelineEvent> readUntilFirst(EventLog log, Class<? extends TimelineEvent> kind)
            throws InterruptedException {
        List<TimelineEvent> seen = new ArrayList<>();
        long seq = 0;
        long deadline = System.nanoTime() + RunProbe.PATIENCE.toNanos();
        while (seen.stream().noneMatch(kind::isInstance) && System.nanoTime() < deadline) {
            EventLog.Batch batch = log.awaitSince(seq, Duration.ofSeconds(10));
            seen.addAll(batch.events());
            seq = batch.lastSeq();
        }
        return seen;
    }

    private static List<List<TimelineEvent>> readToTheEnd(EventLog log) throws InterruptedException {
        List<List<TimelineEvent>> batches = new ArrayList<>();
        long seq = 0;
        long deadline = System.nanoTime() + RunProbe.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            EventLog.Batch batch = log.awaitSince(seq, Duration.ofSeconds(5));
            if (!batch.events().isEmpty()) {
                batches.add(batch.events());
            }
            seq = batch.lastSeq();
            if (batch.complete()) {
                return batches;
            }
        }
        return fail("the run did not end within " + RunProbe.PATIENCE + "; read so far: " + batches);
    }
}
