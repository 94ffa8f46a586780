package dev.asyncplayground.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the append-only event log: numbering, reading from a point, waiting for growth, closing.
 *
 * <p>Waits are bounded by {@code assertTimeoutPreemptively} so a missed wake-up fails fast
 * instead of hanging the build.
 */
class EventLogTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(10);

    private static EventLog started() {
        EventLog log = new EventLog();
        log.start();
        return log;
    }

    private static long print(EventLog log, String text) {
        return log.append(at -> new TimelineEvent.Printed(at, 0, "t", text));
    }

    private static List<String> texts(List<TimelineEvent> events) {
        return events.stream().map(e -> ((TimelineEvent.Printed) e).text()).toList();
    }

    /** Sequence numbers are positions plus one and reading resumes exactly after a given one. */
    @Nested
    class Numbering {

        @Test
        void appendReturnsConsecutiveSequenceNumbersFromOne() {
            EventLog log = started();
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                seqs.add(print(log, "e" + i));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals(i + 1L, seqs.get(i));
            }
            assertEquals(200, log.snapshot().size());
        }

        @Test
        void appendingBeforeTheClockStartsIsRefused() {
            EventLog log = new EventLog();
            assertThrows(IllegalStateException.class, () -> print(log, "too early"));
            assertEquals(0, log.elapsedNanos());
            assertTrue(log.snapshot().isEmpty());
        }

        @ParameterizedTest(name = "since({0}) of 5 events: first seq {1}, texts {2}")
        @CsvSource({
                "0,  1, 'a,b,c,d,e'",
                "2,  3, 'c,d,e'",
                "4,  5, 'e'",
                "5,  6, ''",
                "-3, 1, 'a,b,c,d,e'",
        })
        void sinceReturnsExactlyTheEventsAfterTheGivenSequenceNumber(long seq, long firstSeq, String texts) {
            EventLog log = started();
            for (String text : List.of("a", "b", "c", "d", "e")) {
                print(log, text);
            }
            EventLog.Batch batch = log.since(seq);
            assertEquals(firstSeq, batch.firstSeq());
            assertEquals(texts.isEmpty() ? List.of() : List.of(texts.split(",")), texts(batch.events()));
            assertEquals(5, batch.lastSeq());
            assertFalse(batch.complete());
        }

        @Test
        void aReconnectingReaderReceivesExactlyTheEventsItMissed() {
            EventLog log = started();
            print(log, "a");
            print(log, "b");
            EventLog.Batch first = log.since(0);
            print(log, "c");
            print(log, "d");
            EventLog.Batch missed = log.since(first.lastSeq());
            assertEquals(3, missed.firstSeq());
            assertEquals(List.of("c", "d"), texts(missed.events()));
            assertEquals(4, missed.lastSeq());
        }

        @Test
        void aBatchIsACopyThatLaterAppendsDoNotChange() {
            EventLog log = started();
            print(log, "a");
            EventLog.Batch batch = log.since(0);
            print(log, "b");
            assertEquals(List.of("a"), texts(batch.events()));
        }

        @Test
        void theLastBatchOfAClosedLogIsComplete() {
            EventLog log = started();
            print(log, "a");
            log.close();
            EventLog.Batch batch = log.since(0);
            assertTrue(batch.complete());
            assertEquals(List.of("a"), texts(batch.events()));
            assertTrue(log.since(1).complete());
            assertTrue(log.since(1).events().isEmpty());
        }

        @Test
        void theEndTellsTheLastSequenceNumberAndWhetherTheLogIsCompleteWithoutEvents() {
            EventLog log = started();
            print(log, "a");
            print(log, "b");
            assertEquals(2, log.end().lastSeq());
            assertTrue(log.end().events().isEmpty());
            assertFalse(log.end().complete());
            log.close();
            assertTrue(log.end().complete());
            assertEquals(2, log.end().lastSeq());
        }
    }

    /** {@code awaitSince} blocks until the log grows, closes or the timeout passes. */
    @Nested
    class Waiting {

        @Test
        void wakesUpWhenAnEventIsAppended() throws Exception {
            EventLog log = started();
            print(log, "old");
            CountDownLatch waiting = new CountDownLatch(1);
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    waiting.await();
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                print(log, "new");
            });
            EventLog.Batch batch = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                waiting.countDown();
                return log.awaitSince(1, LONG_WAIT);
            });
            writer.join();
            assertEquals(2, batch.firstSeq());
            assertEquals(List.of("new"), texts(batch.events()));
            assertFalse(batch.complete());
        }

        @Test
        void eventsAppendedQuietlyWakeAReaderOnlyWhenPublishedAndAllTogether() throws Exception {
            EventLog log = started();
            print(log, "old");
            AtomicReference<EventLog.Batch> seen = new AtomicReference<>();
            Thread reader = readerWaitingAfterTheFirstEvent(log, seen);
            log.appendQuietly(at -> new TimelineEvent.Printed(at, 0, "t", "first"));
            log.appendQuietly(at -> new TimelineEvent.Printed(at, 0, "t", "second"));
            reader.join(100);
            assertTrue(reader.isAlive(), "a quiet append woke the reader: " + seen.get());
            log.publish();
            reader.join(LONG_WAIT.toMillis());
            assertFalse(reader.isAlive(), "publish did not wake the reader");
            assertEquals(List.of("first", "second"), texts(seen.get().events()));
        }

        @Test
        void aPublishedEventReachesAWaitingReaderAtTheNextTickNotFromTheWritersThread() throws Exception {
            ReaderWakeups untilTold = ReaderWakeups.onlyWhenTold();
            EventLog log = new EventLog(untilTold);
            log.start();
            print(log, "old");
            AtomicReference<EventLog.Batch> seen = new AtomicReference<>();
            Thread reader = readerWaitingAfterTheFirstEvent(log, seen);
            print(log, "new");
            reader.join(200);
            assertTrue(reader.isAlive(), "the writer's own append woke the reader: " + seen.get());
            untilTold.tickNow();
            reader.join(LONG_WAIT.toMillis());
            assertFalse(reader.isAlive(), "the tick did not wake the reader");
            assertEquals(List.of("new"), texts(seen.get().events()));
        }

        @Test
        void aWriterAboutToSleepWakesTheWaitingReadersAtOnceToWhatItPublished() throws Exception {
            EventLog log = new EventLog(ReaderWakeups.onlyWhenTold());
            log.start();
            log.appendQuietly(at -> new TimelineEvent.Printed(at, 0, "t", "old"));
            AtomicReference<EventLog.Batch> seen = new AtomicReference<>();
            Thread reader = readerWaitingAfterTheFirstEvent(log, seen);
            log.appendQuietly(at -> new TimelineEvent.Printed(at, 0, "t", "quiet"));
            assertFalse(log.wakeReadersToNewEvents(), "woke readers to an event that was not published");
            log.publish();
            assertTrue(log.wakeReadersToNewEvents());
            reader.join(LONG_WAIT.toMillis());
            assertFalse(reader.isAlive(), "the writer's wake-up did not wake the reader");
            assertEquals(List.of("quiet"), texts(seen.get().events()));
            assertFalse(log.wakeReadersToNewEvents(), "woke the readers twice to the same events");
        }

        /** A thread parked in {@code awaitSince(1)}; what it returns goes into {@code seen}. */
        private Thread readerWaitingAfterTheFirstEvent(EventLog log, AtomicReference<EventLog.Batch> seen)
                throws InterruptedException {
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    seen.set(log.awaitSince(1, LONG_WAIT));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            while (reader.getState() != Thread.State.TIMED_WAITING) {
                Thread.sleep(1);
            }
            return reader;
        }

        @Test
        void wakesUpWhenTheLogIsClosed() throws Exception {
            EventLog log = started();
            print(log, "only");
            Thread closer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                log.close();
            });
            EventLog.Batch batch = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> log.awaitSince(1, LONG_WAIT));
            closer.join();
            assertTrue(batch.complete());
            assertTrue(batch.events().isEmpty());
            assertEquals(1, batch.lastSeq());
        }

        @Test
        void returnsAnEmptyOpenBatchWhenTheTimeoutPasses() throws InterruptedException {
            EventLog log = started();
            print(log, "a");
            long before = System.nanoTime();
            EventLog.Batch batch = log.awaitSince(1, Duration.ofMillis(60));
            long waited = System.nanoTime() - before;
            assertTrue(batch.events().isEmpty());
            assertFalse(batch.complete());
            assertEquals(1, batch.lastSeq());
            assertTrue(waited >= Duration.ofMillis(50).toNanos(), "returned after " + waited + " ns");
        }

        @Test
        void returnsAtOnceWhenEventsAreAlreadyThere() {
            EventLog log = started();
            print(log, "a");
            print(log, "b");
            EventLog.Batch batch = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> log.awaitSince(0, LONG_WAIT));
            assertEquals(List.of("a", "b"), texts(batch.events()));
        }

        @Test
        void returnsAtOnceOnAClosedLog() {
            EventLog log = started();
            log.close();
            EventLog.Batch batch = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> log.awaitSince(0, LONG_WAIT));
            assertTrue(batch.complete());
        }

        @Test
        void manyWaitersAllWakeUpForOneAppend() throws Exception {
            EventLog log = started();
            int readers = 8;
            CountDownLatch woke = new CountDownLatch(readers);
            AtomicReference<Throwable> problem = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        if (log.awaitSince(0, LONG_WAIT).events().size() == 1) {
                            woke.countDown();
                        }
                    } catch (Throwable t) {
                        problem.set(t);
                    }
                }));
            }
            Thread.sleep(50);
            print(log, "x");
            assertTrue(woke.await(5, java.util.concurrent.TimeUnit.SECONDS), "not every reader woke up");
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(null, problem.get());
        }
        @Test
        void everyWaitingReaderWakesForEveryAppend() throws InterruptedException {
            EventLog log = started();
            int readers = 20;
            int rounds = 300;
            AtomicLongArray seen = new AtomicLongArray(readers);
            List<Thread> threads = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                int reader = r;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (long seq = 0; ; ) {
                            EventLog.Batch batch = log.awaitSince(seq, Duration.ofMinutes(1));
                            seq = batch.lastSeq();
                            seen.set(reader, seq);
                            if (batch.complete()) {
                                return;
                            }
                        }
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (int round = 1; round <= rounds; round++) {
                print(log, "e" + round);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                for (int r = 0; r < readers; r++) {
                    while (seen.get(r) < round) {
                        assertTrue(System.nanoTime() < deadline, "reader " + r + " slept through event " + round);
                        Thread.onSpinWait();
                    }
                }
            }
            log.close();
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /** Events from many threads get one order in which sequence and time agree. */
    @Nested
    class Concurrency {

        @Test
        void concurrentAppendersGetUniqueSequenceNumbersAndMonotoneTimestamps() throws Exception {
            EventLog log = started();
            int writers = 8;
            int each = 2_000;
            CyclicBarrier go = new CyclicBarrier(writers);
            List<List<Long>> seqs = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                List<Long> mine = new ArrayList<>();
                seqs.add(mine);
                int writer = w;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < each; i++) {
                        mine.add(log.append(at -> new TimelineEvent.Printed(at, writer, "w" + writer, "x")));
                    }
                }));
            }
            for (Thread t : threads) {
                t.join(10_000);
            }
            List<TimelineEvent> events = log.snapshot();
            assertEquals(writers * each, events.size());
            for (int i = 1; i < events.size(); i++) {
                assertTrue(events.get(i).atNanos() >= events.get(i - 1).atNanos(),
                        "time goes backwards at seq " + (i + 1));
            }
            boolean[] seen = new boolean[writers * each + 1];
            for (int w = 0; w < writers; w++) {
                List<Long> mine = seqs.get(w);
                for (int i = 0; i < mine.size(); i++) {
                    long seq = mine.get(i);
                    assertFalse(seen[(int) seq], "seq " + seq + " handed out twice");
                    seen[(int) seq] = true;
                    assertEquals(w, ((TimelineEvent.Printed) events.get((int) seq - 1)).task(),
                            "seq " + seq + " does not point at the writer's event");
                    if (i > 0) {
                        assertTrue(seq > mine.get(i - 1), "one writer's events out of order");
                    }
                }
            }
        }

        @Test
        void aReaderFollowingAGrowingLogSeesEveryEventOnceInOrder() throws Exception {
            EventLog log = started();
            int total = 5_000;
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < total; i++) {
                    print(log, Integer.toString(i));
                }
                log.close();
            });
            List<String> read = new ArrayList<>();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                long seq = 0;
                while (true) {
                    EventLog.Batch batch = log.awaitSince(seq, Duration.ofSeconds(1));
                    assertEquals(seq + 1, batch.firstSeq());
                    read.addAll(texts(batch.events()));
                    seq = batch.lastSeq();
                    if (batch.complete()) {
                        return;
                    }
                }
            });
            writer.join();
            assertEquals(total, read.size());
            for (int i = 0; i < total; i++) {
                assertEquals(Integer.toString(i), read.get(i));
            }
        }

        @Test
        void timestampsAreRelativeToStart() throws InterruptedException {
            EventLog log = started();
            Thread.sleep(20);
            print(log, "late");
            long at = log.snapshot().getFirst().atNanos();
            assertTrue(at >= Duration.ofMillis(20).toNanos(), "stamped " + at);
            assertTrue(log.elapsedNanos() >= at);
        }
    }
}
