package dev.asyncplayground.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The log keeps events in columns: every kind comes back as it went in, in little memory, a batch at a time. */
class CompactLogTest {

    private static EventLog started() {
        EventLog log = new EventLog();
        log.start();
        return log;
    }

    /** One event of every kind, with every field set to something that could go wrong. */
    private static List<LongFunction<TimelineEvent>> everyKind() {
        return List.of(
                at -> new TimelineEvent.RunStarted(at, "virtual-threads", List.of("a", "b, c", "")),
                at -> new TimelineEvent.TaskQueued(at, 1),
                at -> new TimelineEvent.TaskStarted(at, 0, "ForkJoinPool-1-worker-1"),
                at -> new TimelineEvent.WaitStarted(at, 0, "ForkJoinPool-1-worker-1", Long.MAX_VALUE, "nap"),
                at -> new TimelineEvent.WaitEnded(at, 0, "ForkJoinPool-1-worker-2"),
                at -> new TimelineEvent.CpuStarted(at, 0, "w", 5_000_000, ""),
                at -> new TimelineEvent.CpuEnded(at, 0, "w"),
                at -> new TimelineEvent.LockRequested(at, 1, "w", "vault"),
                at -> new TimelineEvent.LockAcquired(at, 1, "w", "vault"),
                at -> new TimelineEvent.LockReleased(at, 1, "w", "vault"),
                at -> new TimelineEvent.SharedRead(at, 1, "w", "balance", -42),
                at -> new TimelineEvent.SharedWritten(at, 1, "w", "balance", Long.MIN_VALUE),
                at -> new TimelineEvent.AwaitStarted(at, 2, "w", List.of("a", "b, c")),
                at -> new TimelineEvent.AwaitEnded(at, 2, "w"),
                at -> new TimelineEvent.TimedOut(at, 2, "w", 7),
                at -> new TimelineEvent.Printed(at, 2, "w", "héllo \u001f \"world\"\n"),
                at -> new TimelineEvent.TaskEnded(at, 0, "", TaskOutcome.CANCELLED, "stopped by request"),
                at -> new TimelineEvent.TaskEnded(at, 1, "w", TaskOutcome.FAILED, ""),
                at -> new TimelineEvent.TaskEnded(at, 2, "w", TaskOutcome.DONE, ""));
    }

    @Test
    void everyKindOfEventComesBackEqualToWhatWasAppended() {
        EventLog log = started();
        List<TimelineEvent> appended = new ArrayList<>();
        for (LongFunction<TimelineEvent> maker : everyKind()) {
            log.append(at -> {
                TimelineEvent event = maker.apply(at);
                appended.add(event);
                return event;
            });
        }
        assertEquals(appended, log.snapshot());
    }

    @Test
    void aMillionWaitsTakeAtMostTwentyFourBytesAnEvent() {
        EventLog log = started();
        int tasks = 1_000;
        log.append(at -> new TimelineEvent.RunStarted(at, "virtual-threads", names(tasks)));
        for (int round = 0; round < 250; round++) {
            for (int task = 0; task < tasks; task++) {
                int t = task;
                String thread = "ForkJoinPool-1-worker-" + (task % 4);
                log.append(at -> new TimelineEvent.WaitStarted(at, t, thread, 1_000_000, "nap"));
                log.append(at -> new TimelineEvent.WaitEnded(at, t, thread));
            }
        }
        double perEvent = (double) log.retainedBytes() / log.size();
        assertTrue(perEvent <= 24, perEvent + " bytes an event");
    }

    @Test
    void distinctDetailsStillComeBackAndStayWithinFortyEightBytesAnEvent() {
        EventLog log = started();
        for (int i = 0; i < 70_000; i++) {
            long value = i;
            log.append(at -> new TimelineEvent.SharedWritten(at, 0, "w", "counter", value));
        }
        List<TimelineEvent> events = log.snapshot();
        assertEquals(70_000, events.size());
        assertEquals(69_999L, ((TimelineEvent.SharedWritten) events.getLast()).value());
        assertTrue(log.retainedBytes() / log.size() <= 48, "19 bytes of columns and 12 of detail, arrays half full at worst: "
                + log.retainedBytes() + " bytes");
    }

    @Test
    void packedNamesAreTheSameListInLessMemory() {
        List<String> names = List.of("t1", "", "héllo wörld", "🙂", "t1");
        PackedNames packed = PackedNames.of(names);
        assertEquals(names, packed);
        assertEquals(names, new TimelineEvent.RunStarted(0, "sequential", packed).tasks());
        assertTrue(packed.retainedBytes() < 48 + 5 * 4 + 30, packed.retainedBytes() + " bytes");
    }

    @Nested
    class Batches {

        @Test
        void sinceReturnsAtMostOneBatchAndTheRestComesFromWhereItEnded() {
            EventLog log = started();
            for (int i = 0; i < EventLog.MAX_BATCH * 2 + 10; i++) {
                int n = i;
                log.append(at -> new TimelineEvent.Printed(at, 0, "w", Integer.toString(n)));
            }
            log.close();
            EventLog.Batch first = log.since(0);
            assertEquals(EventLog.MAX_BATCH, first.events().size());
            assertFalse(first.complete(), "more events follow");
            EventLog.Batch last = log.since(EventLog.MAX_BATCH * 2L);
            assertEquals(10, last.events().size());
            assertTrue(last.complete());
            assertEquals("8192", ((TimelineEvent.Printed) last.events().getFirst()).text());
        }

        @Test
        void forEachVisitsEveryEventInOrder() {
            EventLog log = started();
            for (int i = 0; i < EventLog.MAX_BATCH + 1; i++) {
                int n = i;
                log.append(at -> new TimelineEvent.Printed(at, 0, "w", Integer.toString(n)));
            }
            List<String> texts = new ArrayList<>();
            log.forEach(event -> texts.add(((TimelineEvent.Printed) event).text()));
            assertEquals(EventLog.MAX_BATCH + 1, texts.size());
            assertEquals(Integer.toString(EventLog.MAX_BATCH), texts.getLast());
        }
    }

    private static List<String> names(int tasks) {
        List<String> names = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            names.add("t" + i);
        }
        return names;
    }
}
