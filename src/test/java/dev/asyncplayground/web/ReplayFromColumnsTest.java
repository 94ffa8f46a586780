package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A finished run with more events than one batch of the log replays whole, in order, in bounded
 * batches, from the start or from any event; its done summary is a first page.
 */
class ReplayFromColumnsTest {

    /** 20 tasks of 300 zero-length waits: 12,041 events, three batches of the log. */
    private static final String BUSY = String.join("\n",
            "for t in 1..20:", "  task \"t{t}\":", "    for k in 1..300:", "      wait 0ms", "");
    private static final int EVENTS = 1 + 20 * (2 + 2 * 300);

    private static RunningApp app;
    private static String id;

    @BeforeAll
    static void runOnce() throws InterruptedException {
        app = RunningApp.start();
        Http http = new Http(app);
        id = http.startRun(Map.of("scenario", BUSY, "mode", "virtual-threads"));
        assertEquals("done", http.awaitRun(id, Duration.ofSeconds(30)).get("status"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static SseReader open(Long lastEventId) throws Exception {
        return SseReader.open(app.url() + "/api/runs/" + id + "/events", lastEventId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWholeReplayComesInOrderInBatchesOfAtMostTwoThousandAndEndsWithAFirstPage() throws Exception {
        try (SseReader stream = open(null)) {
            List<SseReader.Event> events = stream.untilDone();
            List<Long> ids = events.stream().map(SseReader.Event::id).toList();
            assertEquals(LongStream.rangeClosed(1, EVENTS + 1).boxed().toList(), ids);
            assertTrue(stream.batches() >= EVENTS / EventTexts.MAX_BATCH, stream.batches() + " batches");
            Map<String, Object> done = events.getLast().data();
            assertEquals(20, ((List<?>) done.get("tasks")).size());
            assertEquals(601, ((List<Map<String, Object>>) done.get("tasks")).getFirst().get("segmentCount"));
            assertNotNull(((Map<String, Object>) done.get("next")).get("segments"), "the done summary is a first page");
        }
    }

    @Test
    void aReplayFromTheMiddleOfABatchGetsExactlyTheRest() throws Exception {
        try (SseReader stream = open(5_000L)) {
            List<Long> ids = stream.untilDone().stream().map(SseReader.Event::id).toList();
            assertEquals(LongStream.rangeClosed(5_001, EVENTS + 1).boxed().toList(), ids);
        }
    }
}
