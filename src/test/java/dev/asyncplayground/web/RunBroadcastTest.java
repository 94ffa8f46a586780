package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The viewers of a run who have caught up are written to by one broadcast, split among threads for
 * a crowd; a viewer that stops reading is cut off, whether it follows the broadcast or still
 * catches up, and the others still get every event and {@code done} at once.
 */
class RunBroadcastTest extends ApiTestSupport {

    /** An event's sequence number in a frame's JSON. */
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    /** About 9 MB of frames, well past what the sockets of a viewer that stopped reading can hold. */
    private static final String MANY_EVENTS = """
            for t in 1..8000:
              task "t{t}":
                wait 500ms "everyone joins"
                print "task {t} prints a line long enough to fill the socket of a viewer who stopped reading"
            """;


    /** Ticks after a pause long enough for a hundred and more viewers to join. */
    private static final String TICKS_FOR_A_CROWD = """
            task "ticker":
              wait 1500ms "the crowd joins"
              for k in 1..20:
                wait 20ms "tick"
                print "tick {k}"
            """;

    @ParameterizedTest(name = "{0} viewers on {1} cores: {2} writing threads")
    @CsvSource({
        "1, 2, 1", "127, 2, 1", "128, 2, 2", "1000, 2, 2", "1000, 8, 8", "300, 8, 4", "1000, 1, 1", "0, 4, 1"})
    void aBurstIsSplitAmongOneWriterPerCoreAtMostAndNeverFewerViewersEachThanTheMinimum(int viewers, int cores,
                                                                                       int writers) {
        assertEquals(64, RunBroadcast.PER_WRITER, "the table below assumes 64 viewers a writer");
        assertEquals(writers, RunBroadcast.writers(viewers, cores));
    }

    @Test
    void aCrowdWrittenToByManyThreadsStillGetsEveryEventInOrderOnceAndDone() throws Exception {
        int crowd = RunBroadcast.PER_WRITER * 2 + 1;
        String id = http.startRun(Map.of("scenario", TICKS_FOR_A_CROWD, "mode", "virtual-threads"));
        List<Socket> sockets = new ArrayList<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> bodies = new ArrayList<>();
            for (int i = 0; i < crowd; i++) {
                Socket socket = openStream(id, 0);
                sockets.add(socket);
                bodies.add(readers.submit(() -> readUntilClosed(socket)));
            }
            List<Long> first = null;
            for (Future<String> body : bodies) {
                String got = body.get(30, TimeUnit.SECONDS);
                assertTrue(got.contains("event: done"), "every viewer got done");
                List<Long> seqs = seqsBeforeDone(got);
                assertEquals(LongStream.rangeClosed(1, seqs.size()).boxed().toList(), seqs,
                        "every event, in order, once");
                first = first == null ? seqs : first;
                assertEquals(first, seqs, "every viewer got the same events");
            }
            assertTrue(first.size() >= 60, "the ticks' events: " + first.size());
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void viewersWhoHaveCaughtUpAreWrittenToByOneThreadForTheRun() throws Exception {
        String id = http.startRun(Map.of("exercise", "counting", "mode", "virtual-threads",
                "params", Map.of("count", 6, "sleepers", List.of(2), "unit", "100ms")));
        List<SseReader> readers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                readers.add(SseReader.open(eventsUrl(id), null));
            }
            for (SseReader reader : readers) {
                reader.next();
            }
            assertEquals(1, ((Number) http.get("/api/status").object().get("broadcastingRuns")).intValue(),
                    "one broadcast writes to the run's three viewers");
            for (SseReader reader : readers) {
                assertEquals("done", reader.untilDone().getLast().type());
            }
        } finally {
            for (SseReader reader : readers) {
                reader.close();
            }
        }
    }

    @Test
    void aViewerThatStopsReadingIsCutOffAndTheOthersGetEveryEventAndDone() throws Exception {
        String id = http.startRun(Map.of("scenario", MANY_EVENTS, "mode", "virtual-threads"));
        try (Socket stalled = openAndStopReading(id); SseReader reader = SseReader.open(eventsUrl(id), null)) {
            List<SseReader.Event> events = assertTimeoutPreemptively(Duration.ofSeconds(25), reader::untilDone,
                    "without the stall guard the broadcast waits for Jetty's 30 s idle timeout");
            int n = events.size();
            assertEquals("done", events.getLast().type());
            assertEquals(LongStream.rangeClosed(1, n).boxed().toList(),
                    events.stream().map(SseReader.Event::id).toList(), "every event, in order, once");
            awaitOpenStreams(0);
            String got = readUntilClosed(stalled);
            assertTrue(got.startsWith("HTTP/1.") && got.lines().findFirst().orElse("").contains(" 200"), got);
            assertFalse(got.contains("event: done"), "the stalled viewer was cut off before the end");
        }
    }

    @Test
    void aViewerThatWasCutOffResumesWithLastEventIdAndMissesNothing() throws Exception {
        String id = http.startRun(Map.of("scenario", MANY_EVENTS, "mode", "virtual-threads"));
        long lastSeen;
        try (Socket stalled = openAndStopReading(id); SseReader reader = SseReader.open(eventsUrl(id), null)) {
            reader.untilDone();
            awaitOpenStreams(0);
            lastSeen = lastCompleteEventId(readUntilClosed(stalled));
        }
        try (SseReader resumed = SseReader.open(eventsUrl(id), lastSeen)) {
            List<SseReader.Event> rest = resumed.untilDone();
            long done = rest.getLast().id();
            assertEquals("done", rest.getLast().type());
            assertEquals(LongStream.rangeClosed(lastSeen + 1, done).boxed().toList(),
                    rest.stream().map(SseReader.Event::id).toList(), "exactly the events after " + lastSeen);
        }
    }

    @Test
    void aViewerThatStopsReadingWhileItCatchesUpOnAnEndedRunIsCutOffToo() throws Exception {
        String id = http.startRun(Map.of("scenario", MANY_EVENTS, "mode", "virtual-threads"));
        try (SseReader reader = SseReader.open(eventsUrl(id), null)) {
            assertEquals("done", reader.untilDone().getLast().type(), "the run has ended");
        }
        awaitOpenStreams(0);
        try (Socket stalled = openAndStopReading(id)) {
            awaitOpenStreams(1);
            awaitOpenStreams(0);
            String got = readUntilClosed(stalled);
            assertTrue(got.lines().findFirst().orElse("").contains(" 200"), "its replay had begun");
            assertFalse(got.contains("event: done"), "the stalled replay was cut off before the end");
        }
    }

    /** Waits until the server streams to {@code n} clients (fails after 10 s). */
    private static void awaitOpenStreams(int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (((Number) http.get("/api/status").object().get("openStreams")).intValue() != n) {
            assertTrue(System.nanoTime() < deadline, "the server did not come to " + n + " open streams within 10 s");
            Thread.sleep(50);
        }
    }

    /** The sequence numbers of the events in a stream's frames (a batch holds several), up to done. */
    private static List<Long> seqsBeforeDone(String got) {
        Matcher seq = SEQ.matcher(got.substring(0, got.indexOf("event: done")));
        List<Long> seqs = new ArrayList<>();
        while (seq.find()) {
            seqs.add(Long.parseLong(seq.group(1)));
        }
        return seqs;
    }

    /** The id of the last event whose frame arrived whole, as a browser's EventSource would send it back. */
    private static long lastCompleteEventId(String got) {
        String whole = got.substring(0, got.lastIndexOf("\n\n") + 1);
        int at = whole.lastIndexOf("\nid: ");
        assertTrue(at >= 0, "the stalled viewer got some events before it was cut off");
        return Long.parseLong(whole.substring(at + 5, whole.indexOf('\n', at + 1)).strip());
    }

    private static String eventsUrl(String id) {
        return app.url() + "/api/runs/" + id + "/events";
    }

    /**
     * Asks for the stream through a socket with a tiny receive buffer, and reads nothing yet. HTTP/1.0,
     * so the body comes without chunk headers and its frames can be read as they are.
     */
    private static Socket openAndStopReading(String id) throws IOException {
        return openStream(id, 4096);
    }

    /** Asks for the stream over HTTP/1.0 through a socket with the given receive buffer (0: the system's). */
    private static Socket openStream(String id, int receiveBuffer) throws IOException {
        URI base = URI.create(app.url());
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
        socket.getOutputStream().write(("GET /api/runs/" + id + "/events HTTP/1.0\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** What the stalled viewer had been sent, up to the server closing its connection (fails if it never does). */
    private static String readUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] chunk = new byte[65536];
        try (InputStream in = socket.getInputStream()) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                got.write(chunk, 0, n);
            }
        } catch (SocketException reset) {
            // the server closed the connection with unread data: the same as an end
        }
        return got.toString(StandardCharsets.UTF_8);
    }
}
