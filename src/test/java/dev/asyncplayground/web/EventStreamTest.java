package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The SSE stream of a run: complete, resumable with Last-Event-ID, replayable, and robust to leaving clients. */
class EventStreamTest {

    private static RunningApp app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Limits.defaults(), Duration.ofMillis(300));
        http = new Http(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String startCounting(String mode, String unit) {
        return http.startRun(Map.of("exercise", "counting", "mode", mode,
                "params", Map.of("count", 10, "sleepers", List.of(3, 6), "unit", unit)));
    }

    private static SseReader open(String id, Long lastEventId) throws Exception {
        return SseReader.open(app.url() + "/api/runs/" + id + "/events", lastEventId);
    }

    private static List<Long> ids(List<SseReader.Event> events) {
        return events.stream().map(SseReader.Event::id).toList();
    }

    @Nested
    class AWholeStream {

        @Test
        void numbersEveryEventInOrderAndEndsWithDoneCarryingTheSummary() throws Exception {
            String id = startCounting("virtual-threads", "50ms");
            try (SseReader stream = open(id, null)) {
                assertEquals(200, stream.status());
                assertTrue(stream.contentType().startsWith("text/event-stream"));
                List<SseReader.Event> events = stream.untilDone();
                int n = events.size();
                assertEquals(LongStream.rangeClosed(1, n).boxed().toList(), ids(events), "ids 1..n without gaps");
                assertEquals("run-started", events.getFirst().data().get("type"));
                SseReader.Event done = events.getLast();
                assertEquals("done", done.type());
                assertEquals("done", done.data().get("status"));
                assertEquals(10, ((List<?>) done.data().get("output")).size());
                assertNull(stream.next(), "the server ends the stream after done");
            }
        }

        @Test
        void sendsHeartbeatCommentsWhileNothingHappens() throws Exception {
            String id = http.startRun(Map.of("exercise", "counting", "mode", "sequential",
                    "params", Map.of("count", 1, "sleepers", List.of(1), "unit", "1s")));
            try (SseReader stream = open(id, null)) {
                stream.untilDone();
                assertTrue(stream.comments() >= 2, "a 1 s silence with a 300 ms heartbeat sends comments");
            }
        }

        @Test
        void asksTheBrowserToReconnectWithinASecondWhenTheStreamBreaks() throws Exception {
            String id = startCounting("sequential", "1ms");
            try (SseReader stream = open(id, null)) {
                stream.next();
                assertEquals(SseOutput.RECONNECT_MS, stream.retryMs(), "the retry line comes before the first event");
            }
        }

        @Test
        void refusesAClientThatDoesNotAskForAnEventStream() {
            String id = startCounting("sequential", "1ms");
            assertEquals(406, http.get("/api/runs/" + id + "/events").status());
        }

        @Test
        void answers404ForAnUnknownRun() throws Exception {
            try (SseReader stream = open("nosuchrun", null)) {
                assertEquals(404, stream.status());
            }
        }
    }

    @Nested
    class LargeBacklogs {

        @Test
        void comeAsBatchesWhoseEventsKeepTheirOwnSequenceNumbers() throws Exception {
            String id = http.startRun(Map.of("exercise", "counting", "mode", "virtual-threads",
                    "params", Map.of("count", 200, "sleepers", List.of(), "unit", "1ms")));
            http.awaitRun(id, Duration.ofSeconds(10));
            try (SseReader replay = open(id, null)) {
                List<SseReader.Event> events = replay.untilDone();
                assertTrue(replay.batches() >= 1, "a finished 200-task run replays in batches");
                assertEquals(LongStream.rangeClosed(1, events.size()).boxed().toList(), ids(events));
            }
        }

        @Test
        void resumeInTheMiddleOfABatchWithoutLossOrDuplicates() throws Exception {
            String id = http.startRun(Map.of("exercise", "counting", "mode", "virtual-threads",
                    "params", Map.of("count", 100, "sleepers", List.of(), "unit", "1ms")));
            http.awaitRun(id, Duration.ofSeconds(10));
            try (SseReader resumed = open(id, 57L)) {
                List<SseReader.Event> events = resumed.untilDone();
                assertEquals(58L, events.getFirst().id());
                assertEquals(LongStream.rangeClosed(58, 57 + events.size()).boxed().toList(), ids(events));
            }
        }
    }

    @Nested
    class Resuming {

        @Test
        void aClientReconnectingWithLastEventIdGetsExactlyTheEventsItMissed() throws Exception {
            String id = startCounting("virtual-threads", "100ms");
            List<SseReader.Event> seen = new ArrayList<>();
            try (SseReader first = open(id, null)) {
                for (int i = 0; i < 5; i++) {
                    seen.add(first.next());
                }
            }
            Thread.sleep(250);
            try (SseReader second = open(id, seen.getLast().id())) {
                seen.addAll(second.untilDone());
            }
            List<SseReader.Event> replay;
            try (SseReader third = open(id, null)) {
                replay = third.untilDone();
            }
            assertEquals(ids(replay), ids(seen), "no event lost, none twice");
            assertEquals(replay.stream().map(SseReader.Event::data).toList().subList(0, replay.size() - 1),
                    seen.stream().map(SseReader.Event::data).toList().subList(0, seen.size() - 1));
        }

        @Test
        void aFinishedRunReplaysFromTheStart() throws Exception {
            String id = startCounting("sequential", "10ms");
            http.awaitRun(id, Duration.ofSeconds(5));
            try (SseReader replay = open(id, null)) {
                List<SseReader.Event> events = replay.untilDone();
                assertEquals(1L, events.getFirst().id());
                assertEquals("done", events.getLast().type());
            }
        }

        @Test
        void askingAgainAfterDoneAnswers204SoTheBrowserStopsReconnecting() throws Exception {
            String id = startCounting("sequential", "10ms");
            long doneId;
            try (SseReader stream = open(id, null)) {
                doneId = stream.untilDone().getLast().id();
            }
            try (SseReader again = open(id, doneId)) {
                assertEquals(204, again.status());
            }
        }
    }

    @Nested
    class LeavingClients {

        @Test
        void aClientThatDisconnectsMidRunNeitherDisturbsTheRunNorLingers() throws Exception {
            String id = startCounting("virtual-threads", "100ms");
            try (SseReader leaving = open(id, null)) {
                leaving.next();
                leaving.next();
            }
            Map<String, Object> run = http.awaitRun(id, Duration.ofSeconds(5));
            assertEquals("done", run.get("status"));
            double elapsed = (Double) run.get("elapsedMs");
            assertTrue(elapsed >= 600 && elapsed < 1000, "the run took its usual time: " + elapsed);
            awaitNoOpenStreams();
        }

        private void awaitNoOpenStreams() throws InterruptedException {
            for (int i = 0; i < 100; i++) {
                if (((Number) http.get("/api/status").object().get("openStreams")).intValue() == 0) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("a stream is still open: " + http.get("/api/status").text());
        }
    }
}
