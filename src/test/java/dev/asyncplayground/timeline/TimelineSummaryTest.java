package dev.asyncplayground.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.timeline.TimelineEvent.AwaitEnded;
import dev.asyncplayground.timeline.TimelineEvent.AwaitStarted;
import dev.asyncplayground.timeline.TimelineEvent.CpuEnded;
import dev.asyncplayground.timeline.TimelineEvent.CpuStarted;
import dev.asyncplayground.timeline.TimelineEvent.LockAcquired;
import dev.asyncplayground.timeline.TimelineEvent.LockReleased;
import dev.asyncplayground.timeline.TimelineEvent.LockRequested;
import dev.asyncplayground.timeline.TimelineEvent.Printed;
import dev.asyncplayground.timeline.TimelineEvent.RunStarted;
import dev.asyncplayground.timeline.TimelineEvent.SharedRead;
import dev.asyncplayground.timeline.TimelineEvent.SharedWritten;
import dev.asyncplayground.timeline.TimelineEvent.TaskEnded;
import dev.asyncplayground.timeline.TimelineEvent.TaskQueued;
import dev.asyncplayground.timeline.TimelineEvent.TaskStarted;
import dev.asyncplayground.timeline.TimelineEvent.TimedOut;
import dev.asyncplayground.timeline.TimelineEvent.WaitEnded;
import dev.asyncplayground.timeline.TimelineEvent.WaitStarted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Summarises hand-built event lists and compares with exact numbers: no clock is involved.
 *
 * <p>Times are written in whole real milliseconds via {@link #ms(double)} so the expected
 * scenario milliseconds can be read straight off the event list.
 */
class TimelineSummaryTest {

    private static final long MS = 1_000_000;

    private static long ms(double millis) {
        return Math.round(millis * MS);
    }

    /**
     * Five tasks: {@code a} naps, {@code b} takes a lock, burns CPU and fails, {@code c} awaits
     * both then times out and is cancelled, {@code d} never starts, {@code e} was queued and is
     * still running when the summary is cut at 40 ms.
     */
    static List<TimelineEvent> fiveTasks() {
        return List.of(
                new RunStarted(0, "virtual-threads", List.of("a", "b", "c", "d", "e")),
                new TaskQueued(0, 4),
                new TaskStarted(ms(1), 0, "w1"),
                new WaitStarted(ms(2), 0, "w1", ms(10), "nap"),
                new TaskStarted(ms(3), 1, "w2"),
                new LockRequested(ms(4), 1, "w2", "L"),
                new LockAcquired(ms(6), 1, "w2", "L"),
                new CpuStarted(ms(7), 1, "w2", ms(5), ""),
                new WaitEnded(ms(12), 0, "w3"),
                new CpuEnded(ms(12), 1, "w2"),
                new Printed(ms(13), 0, "w3", "A"),
                new TaskEnded(ms(14), 0, "w3", TaskOutcome.DONE, ""),
                new LockReleased(ms(15), 1, "w2", "L"),
                new TaskStarted(ms(15), 2, "w1"),
                new AwaitStarted(ms(16), 2, "w1", List.of("a", "b")),
                new SharedRead(ms(16.5), 1, "w2", "x", 1),
                new SharedWritten(ms(16.7), 1, "w2", "x", 2),
                new Printed(ms(17), 1, "w2", "B"),
                new TaskEnded(ms(20), 1, "w2", TaskOutcome.FAILED, "boom"),
                new AwaitEnded(ms(21), 2, "w1"),
                new WaitStarted(ms(22), 2, "w1", ms(100), ""),
                new TaskStarted(ms(25), 4, "w3"),
                new WaitEnded(ms(29), 2, "w1"),
                new TimedOut(ms(30), 2, "w1", ms(8)),
                new Printed(ms(30.5), 4, "w3", "E"),
                new TaskEnded(ms(31), 2, "w1", TaskOutcome.CANCELLED, "cancelled by request"));
    }

    private static Segment seg(String state, double start, double end, String thread, String detail) {
        return new Segment(state, start, end, thread, detail);
    }

    /** Segments, states, statuses and output of a mixed run, at speed 1 and speed 2. */
    @Nested
    class FiveTasks {

        @ParameterizedTest(name = "speed {0}")
        @CsvSource({"1, 10ms, 5ms, 100ms", "2, 20ms, 10ms, 200ms", "0.5, 5ms, 2.5ms, 50ms"})
        void everyTaskIsCutIntoTheExpectedSegments(double speed, String nap, String cpu, String cWait) {
            TimelineSummary summary = TimelineSummary.of(fiveTasks(), speed, ms(40));
            double k = speed;
            List<TaskTimeline> tasks = summary.tasks();
            assertEquals(List.of("a", "b", "c", "d", "e"), tasks.stream().map(TaskTimeline::name).toList());

            assertEquals(new TaskTimeline("a", "done", 1 * k, 14 * k, "", List.of(
                    seg("running", 1 * k, 2 * k, "w1", ""),
                    seg("waiting", 2 * k, 12 * k, "w1", "nap " + nap),
                    seg("running", 12 * k, 14 * k, "w3", ""))), tasks.get(0));

            assertEquals(new TaskTimeline("b", "failed", 3 * k, 20 * k, "boom", List.of(
                    seg("running", 3 * k, 4 * k, "w2", ""),
                    seg("blocked", 4 * k, 6 * k, "w2", "in line for L"),
                    seg("running", 6 * k, 7 * k, "w2", "holding L"),
                    seg("running", 7 * k, 12 * k, "w2", cpu),
                    seg("running", 12 * k, 20 * k, "w2", ""))), tasks.get(1));

            assertEquals(new TaskTimeline("c", "cancelled", 15 * k, 31 * k, "cancelled by request", List.of(
                    seg("running", 15 * k, 16 * k, "w1", ""),
                    seg("awaiting", 16 * k, 21 * k, "w1", "awaiting a, b"),
                    seg("running", 21 * k, 22 * k, "w1", ""),
                    seg("waiting", 22 * k, 29 * k, "w1", cWait),
                    seg("running", 29 * k, 30 * k, "w1", ""),
                    seg("running", 30 * k, 31 * k, "w1", "after timeout"))), tasks.get(2));

            assertEquals(new TaskTimeline("d", "pending", null, null, "", List.of()), tasks.get(3));

            assertEquals(new TaskTimeline("e", "running", 25 * k, null, "", List.of(
                    seg("queued", 0, 25 * k, "", "waiting for a worker"),
                    seg("running", 25 * k, 40 * k, "w3", ""))), tasks.get(4));
        }

        @ParameterizedTest(name = "speed {0}")
        @CsvSource({"1", "2", "0.5"})
        void outputIsInOrderWithScaledTimesAndTaskNames(double speed) {
            TimelineSummary summary = TimelineSummary.of(fiveTasks(), speed, ms(40));
            assertEquals(List.of(
                    new OutputLine(13 * speed, "a", "A"),
                    new OutputLine(17 * speed, "b", "B"),
                    new OutputLine(30.5 * speed, "e", "E")), summary.output());
        }

        @ParameterizedTest(name = "speed {0}")
        @CsvSource({"1", "2", "0.5"})
        void whileATaskHasNotEndedTheElapsedTimeRunsToTheCut(double speed) {
            assertEquals(40 * speed, TimelineSummary.of(fiveTasks(), speed, ms(40)).elapsedMs());
        }

        @Test
        void theSameEventsAlwaysGiveTheSameSummary() {
            assertEquals(TimelineSummary.of(fiveTasks(), 1.5, ms(40)), TimelineSummary.of(fiveTasks(), 1.5, ms(40)));
        }

        @Test
        void theSummaryIsImmutable() {
            TimelineSummary summary = TimelineSummary.of(fiveTasks(), 1, ms(40));
            assertThrows(UnsupportedOperationException.class, () -> summary.tasks().clear());
            assertThrows(UnsupportedOperationException.class, () -> summary.output().clear());
            assertThrows(UnsupportedOperationException.class, () -> summary.tasks().get(0).segments().clear());
        }
    }

    /** When every task has ended, the elapsed time is the last end, not the cut. */
    @Nested
    class Elapsed {

        @Test
        void isTheLastTaskEndWhenAllTasksEnded() {
            List<TimelineEvent> events = List.of(
                    new RunStarted(0, "virtual-threads", List.of("a", "b")),
                    new TaskStarted(ms(1), 0, "w1"),
                    new TaskStarted(ms(1), 1, "w2"),
                    new TaskEnded(ms(70), 1, "w2", TaskOutcome.DONE, ""),
                    new TaskEnded(ms(50), 0, "w1", TaskOutcome.DONE, ""));
            assertEquals(70.0, TimelineSummary.of(events, 1, ms(500)).elapsedMs());
            assertEquals(210.0, TimelineSummary.of(events, 3, ms(500)).elapsedMs());
        }

        @Test
        void isTheCutWhileSomeTaskHasNotStarted() {
            List<TimelineEvent> events = List.of(
                    new RunStarted(0, "sequential", List.of("a", "b")),
                    new TaskStarted(ms(1), 0, "run-x"),
                    new TaskEnded(ms(5), 0, "run-x", TaskOutcome.DONE, ""));
            TimelineSummary summary = TimelineSummary.of(events, 1, ms(9));
            assertEquals(9.0, summary.elapsedMs());
            assertEquals("pending", summary.tasks().get(1).status());
            assertNull(summary.tasks().get(1).startMs());
            assertTrue(summary.tasks().get(1).segments().isEmpty());
        }

        @Test
        void isTheCutForARunWithNoTasksOrNoEvents() {
            assertEquals(3.0, TimelineSummary.of(List.of(new RunStarted(0, "sequential", List.of())), 1, ms(3))
                    .elapsedMs());
            TimelineSummary empty = TimelineSummary.of(List.of(), 2, ms(3));
            assertEquals(6.0, empty.elapsedMs());
            assertTrue(empty.tasks().isEmpty());
            assertTrue(empty.output().isEmpty());
        }

        @Test
        void anOpenWaitIsCutAtTheEndGiven() {
            List<TimelineEvent> events = List.of(
                    new RunStarted(0, "sequential", List.of("a")),
                    new TaskStarted(ms(1), 0, "run-x"),
                    new WaitStarted(ms(2), 0, "run-x", ms(1000), "nap"));
            TaskTimeline a = TimelineSummary.of(events, 1, ms(7)).tasks().getFirst();
            assertEquals("running", a.status());
            assertNull(a.endMs());
            assertEquals(seg("waiting", 2, 7, "run-x", "nap 1s"), a.segments().getLast());
        }
    }

    /** Real nanoseconds become scenario milliseconds rounded to 0.01. */
    @Nested
    class Conversion {

        @ParameterizedTest(name = "{0} ns at speed {1} = {2} ms")
        @CsvSource({
                "0,          1,    0.0",
                "999,        1,    0.0",
                "5000,       1,    0.01",
                "1234567,    1,    1.23",
                "1235000,    1,    1.24",
                "1000000,    2.5,  2.5",
                "40000000,   25,   1000.0",
                "1000000000, 0.5,  500.0",
        })
        void msScalesByTheSpeedAndRounds(long nanos, double speed, double expected) {
            assertEquals(expected, TimelineSummary.ms(nanos, speed));
        }

        @ParameterizedTest(name = "{0} ns at speed {1} reads {2}")
        @CsvSource({
                "40000000,  25, nap 1s",
                "1500000,   1,  nap 1.5ms",
                "60000000,  1000, nap 1min",
        })
        void waitDetailsShowTheScenarioDuration(long nanos, double speed, String detail) {
            List<TimelineEvent> events = new ArrayList<>();
            events.add(new RunStarted(0, "sequential", List.of("a")));
            events.add(new TaskStarted(0, 0, "t"));
            events.add(new WaitStarted(0, 0, "t", nanos, "nap"));
            assertEquals(detail, TimelineSummary.of(events, speed, nanos).tasks().getFirst().segments().getLast().detail());
        }
    }
}
