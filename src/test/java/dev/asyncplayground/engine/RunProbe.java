package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.OutputLine;
import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Test helpers that wait for runs and read their event logs.
 *
 * <p>Waiting is always bounded by a generous patience so that a hung run fails its test instead
 * of hanging the build.
 */
final class RunProbe {

    /** How long a test waits for a run that should end by itself. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private RunProbe() {
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    static Step.Wait nap(long millis) {
        return new Step.Wait(ms(millis), "nap");
    }

    static Step.Print print(String text) {
        return new Step.Print(text);
    }

    /** Blocks until the run's log is closed (the run is over); fails the test after {@code patience}. */
    static Run awaitEnd(Run run, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long seq = 0;
        while (true) {
            EventLog.Batch batch = run.log().awaitSince(seq, ms(100));
            seq = batch.lastSeq();
            if (batch.complete()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                fail("run " + run.id() + " did not end within " + patience + "; status " + run.status());
            }
        }
        assertTrue(run.status().isFinal(), "status once the log is closed: " + run.status());
        return run;
    }

    static Run awaitEnd(Run run) throws InterruptedException {
        return awaitEnd(run, PATIENCE);
    }

    /** Blocks until some recorded event satisfies {@code wanted}; fails the test after the patience. */
    static void awaitEvent(Run run, Predicate<TimelineEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long seq = 0;
        while (true) {
            EventLog.Batch batch = run.log().awaitSince(seq, ms(50));
            if (batch.events().stream().anyMatch(wanted)) {
                return;
            }
            seq = batch.lastSeq();
            if (batch.complete() || System.nanoTime() > deadline) {
                fail("the awaited event never came; log: " + run.log().snapshot());
            }
        }
    }

    /** Blocks until {@code count} events of a type were recorded. */
    static void awaitCount(Run run, Class<? extends TimelineEvent> type, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (of(type, run.log().snapshot()).size() < count) {
            if (System.nanoTime() > deadline || run.status().isFinal()) {
                fail("expected " + count + " " + type.getSimpleName() + " events; log: " + run.log().snapshot());
            }
            run.log().awaitSince(run.log().snapshot().size(), ms(50));
        }
    }

    static <E extends TimelineEvent> List<E> of(Class<E> type, List<TimelineEvent> events) {
        List<E> found = new ArrayList<>();
        for (TimelineEvent event : events) {
            if (type.isInstance(event)) {
                found.add(type.cast(event));
            }
        }
        return found;
    }

    /** The 1-based sequence number of the first event matching, or fails. */
    static long seqOf(List<TimelineEvent> events, Predicate<TimelineEvent> wanted) {
        for (int i = 0; i < events.size(); i++) {
            if (wanted.test(events.get(i))) {
                return i + 1L;
            }
        }
        return fail("no such event in " + events);
    }

    /** Each task's end event, by task index. */
    static Map<Integer, TimelineEvent.TaskEnded> endings(List<TimelineEvent> events) {
        Map<Integer, TimelineEvent.TaskEnded> ends = new TreeMap<>();
        for (TimelineEvent.TaskEnded end : of(TimelineEvent.TaskEnded.class, events)) {
            TimelineEvent.TaskEnded before = ends.put(end.task(), end);
            if (before != null) {
                fail("task " + end.task() + " ended twice: " + before + " and " + end);
            }
        }
        return ends;
    }

    static TaskOutcome outcomeOf(List<TimelineEvent> events, int task) {
        TimelineEvent.TaskEnded end = endings(events).get(task);
        return end == null ? fail("task " + task + " never ended: " + events) : end.outcome();
    }

    static List<String> output(Run run) {
        return run.summary().output().stream().map(OutputLine::text).toList();
    }


    /** Waits until no live platform thread has the given name; true if none is left. */
    static boolean threadGone(String name, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            boolean alive = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals(name) && t.isAlive());
            if (!alive) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
    }
}
