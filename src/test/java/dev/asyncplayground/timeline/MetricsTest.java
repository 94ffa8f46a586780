package dev.asyncplayground.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncplayground.timeline.Measure.Kind;
import dev.asyncplayground.timeline.TimelineEvent.CpuEnded;
import dev.asyncplayground.timeline.TimelineEvent.CpuStarted;
import dev.asyncplayground.timeline.TimelineEvent.LockAcquired;
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
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The figures of measure lines, computed from hand-built event lists, so every expected value is exact. */
class MetricsTest {

    private static final long MS = 1_000_000;

    private static List<TimelineEvent> run(int tasks, TimelineEvent... events) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            names.add("t" + i);
        }
        List<TimelineEvent> all = new ArrayList<>();
        all.add(new RunStarted(0, "virtual-threads", names));
        all.addAll(List.of(events));
        return all;
    }

    private static Map<String, Number> measure(Measure measure, List<TimelineEvent> events, long elapsedMs) {
        return Metrics.of(List.of(measure), events, 1, elapsedMs * MS);
    }

    private static Number one(Kind kind, String subject, List<TimelineEvent> events, long elapsedMs) {
        return measure(new Measure("m", kind, subject), events, elapsedMs).get("m");
    }

    private static TimelineEvent read(long ms, int task, long value) {
        return new SharedRead(ms * MS, task, "T", "balance", value);
    }

    private static TimelineEvent wrote(long ms, int task, long value) {
        return new SharedWritten(ms * MS, task, "T", "balance", value);
    }

    private static TimelineEvent waitFrom(long ms, int task, long forMs) {
        return new WaitStarted(ms * MS, task, "T", forMs * MS, "w");
    }

    private static TimelineEvent waitEnd(long ms, int task) {
        return new WaitEnded(ms * MS, task, "T");
    }

    private static TimelineEvent print(long ms, int task, String text) {
        return new Printed(ms * MS, task, "T", text);
    }

    @Nested
    class SharedValues {

        /** Three clerks read 100 before anyone writes: the first two writes are overwritten. */
        private final List<TimelineEvent> race = run(3, read(0, 0, 100), read(0, 1, 100), read(0, 2, 100),
                wrote(100, 0, 110), wrote(101, 1, 110), wrote(102, 2, 110));

        /** Three clerks one at a time. */
        private final List<TimelineEvent> serial = run(3, read(0, 0, 100), wrote(100, 0, 110), read(100, 1, 110),
                wrote(200, 1, 120), read(200, 2, 120), wrote(300, 2, 130));

        @Test
        void aRaceLosesEveryWriteButTheLast() {
            assertEquals(130L, one(Kind.EXPECTED, "balance", race, 102));
            assertEquals(110L, one(Kind.FINAL, "balance", race, 102));
            assertEquals(2L, one(Kind.LOST, "balance", race, 102));
        }

        @Test
        void updatesOneAtATimeLoseNothing() {
            assertEquals(130L, one(Kind.EXPECTED, "balance", serial, 300));
            assertEquals(130L, one(Kind.FINAL, "balance", serial, 300));
            assertEquals(0L, one(Kind.LOST, "balance", serial, 300));
        }

        @Test
        void aWriteOverwrittenByTwoLaterWritesCountsOnce() {
            List<TimelineEvent> events = run(3, read(0, 0, 0), read(0, 1, 0), read(0, 2, 0), wrote(10, 0, 1),
                    wrote(20, 1, 1), wrote(30, 2, 1));
            assertEquals(2L, one(Kind.LOST, "balance", events, 30));
        }

        @Test
        void anUpdateThatNeverWroteAddsNothingToTheExpectedValue() {
            List<TimelineEvent> events = run(2, read(0, 0, 5), read(0, 1, 5), wrote(10, 0, 7));
            assertEquals(7L, one(Kind.EXPECTED, "balance", events, 10));
            assertEquals(0L, one(Kind.LOST, "balance", events, 10));
        }

        @Test
        void aValueNobodyTouchedIsLeftOut() {
            assertEquals(Map.of(), measure(new Measure("m", Kind.FINAL, "other"), race, 102));
        }
    }

    @Nested
    class PrintedLines {

        private final List<TimelineEvent> ticks = run(2, print(0, 0, "tick 1"), print(100, 0, "tick 2"),
                print(150, 1, "upload done"), print(600, 0, "tick 3"), print(700, 0, "tick 4"));

        @Test
        void linesCountsTheLinesThatStartWithTheText() {
            assertEquals(4L, one(Kind.LINES, "tick", ticks, 700));
            assertEquals(0L, one(Kind.LINES, "nothing", ticks, 700));
        }

        @Test
        void largestGapIsTheLongestTimeBetweenTwoSuchLines() {
            assertEquals(500.0, one(Kind.LARGEST_GAP, "tick", ticks, 700));
        }

        @Test
        void aGapNeedsTwoLines() {
            assertEquals(Map.of(), measure(new Measure("m", Kind.LARGEST_GAP, "upload"), ticks, 700));
        }

        @Test
        void printedAtIsTheFirstSuchLine() {
            assertEquals(100.0, one(Kind.PRINTED_AT, "tick 2", ticks, 700));
            assertEquals(Map.of(), measure(new Measure("m", Kind.PRINTED_AT, "never"), ticks, 700));
        }
    }

    @Nested
    class Steps {

        /** Task 0 waits 0–200, task 1 waits 100–300 and 300–400, task 2 waits 150–250 then times out. */
        private final List<TimelineEvent> waits = run(3, waitFrom(0, 0, 200), waitFrom(100, 1, 200),
                waitFrom(150, 2, 1000), waitEnd(200, 0), new TimedOut(250 * MS, 2, "T", 100 * MS),
                waitEnd(300, 1), waitFrom(300, 1, 100), waitEnd(400, 1));

        @Test
        void mostWaitsAtOnce() {
            assertEquals(3L, one(Kind.MOST_WAITS, "", waits, 400));
        }

        @Test
        void waitsThatOnlyTouchDoNotOverlap() {
            List<TimelineEvent> events = run(2, waitFrom(0, 0, 100), waitEnd(100, 0), waitFrom(100, 1, 100),
                    waitEnd(200, 1));
            assertEquals(1L, one(Kind.MOST_WAITS, "", events, 200));
            assertEquals(0.0, one(Kind.WAIT_OVERLAP, "", events, 200));
        }

        @Test
        void waitOverlapIsTheTimeWithTwoOrMoreWaits() {
            assertEquals(150.0, one(Kind.WAIT_OVERLAP, "", waits, 400));
        }

        @Test
        void waitsPerSecondCountsFinishedWaitsOnly() {
            assertEquals(7.5, one(Kind.WAITS_PER_SECOND, "", waits, 400));
        }

        @Test
        void timeoutsCountsExpiredTimeouts() {
            assertEquals(1L, one(Kind.TIMEOUTS, "", waits, 400));
        }

        @Test
        void aStepStillOpenIsCutAtTheEndGiven() {
            List<TimelineEvent> events = run(2, waitFrom(0, 0, 1000), waitFrom(50, 1, 1000));
            assertEquals(50.0, one(Kind.WAIT_OVERLAP, "", events, 100));
        }

        @Test
        void cpuBusyPercentIsTheShareOfTimeWithAnyCpuStep() {
            List<TimelineEvent> events = run(2, new CpuStarted(0, 0, "T", 100 * MS, "c"),
                    new CpuStarted(50 * MS, 1, "U", 100 * MS, "c"), new CpuEnded(100 * MS, 0, "T"),
                    new CpuEnded(150 * MS, 1, "U"));
            assertEquals(37.5, one(Kind.CPU_BUSY_PERCENT, "", events, 400));
            assertEquals(0.5, one(Kind.CPU_SPEEDUP, "", events, 400));
        }

        @Test
        void cpuSpeedupIsLeftOutWithoutCpuWork() {
            assertEquals(Map.of(), measure(new Measure("m", Kind.CPU_SPEEDUP, ""), waits, 400));
        }

        @Test
        void meanQueueWaitAddsPoolQueueingAndLockLinesPerTask() {
            List<TimelineEvent> events = run(2, new TaskQueued(0, 1), new TaskStarted(0, 0, "T"),
                    new LockRequested(10 * MS, 0, "T", "vault"), new LockAcquired(30 * MS, 0, "T", "vault"),
                    new TaskStarted(100 * MS, 1, "T"), new TaskEnded(200 * MS, 0, "T", TaskOutcome.DONE, ""),
                    new TaskEnded(200 * MS, 1, "T", TaskOutcome.DONE, ""));
            assertEquals(60.0, one(Kind.MEAN_QUEUE_WAIT, "", events, 200));
        }
    }

    @Nested
    class Together {

        @Test
        void figuresComeInTheOrderTheMeasuresWereDeclaredAndScaleWithSpeed() {
            List<TimelineEvent> events = run(1, print(0, 0, "a"), print(10, 0, "b"));
            Map<String, Number> figures = Metrics.of(List.of(new Measure("z", Kind.LINES, ""),
                    new Measure("a", Kind.PRINTED_AT, "b")), events, 60, 10 * MS);
            assertEquals(List.of("z", "a"), List.copyOf(figures.keySet()));
            assertEquals(600.0, figures.get("a"), "10 real ms at speed 60 are 600 scenario ms");
        }

        @Test
        void noEventsNoFigures() {
            assertEquals(Map.of(), Metrics.of(List.of(new Measure("m", Kind.TIMEOUTS, "")), List.of(), 1, 0));
        }
    }
}
