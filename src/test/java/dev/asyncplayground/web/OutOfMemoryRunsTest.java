package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Runs that exhaust a tiny heap still end: a final status, their turn given back, their threads
 * gone, and the server goes on taking runs.
 *
 * <p>The server gets 80 MB of heap (with the parallel collector, which gives up with an
 * {@code OutOfMemoryError} rather than collecting for ever) and no event or engine-time limit to
 * speak of, and two runs of two million events each are started together: one of them, or a
 * request, runs out of memory. Requests made meanwhile may time out; what is judged is the end.
 * Before issue 8 an {@code OutOfMemoryError} inside the log's lock left every task of the run
 * parked on it forever, {@code activeRuns} stuck at 1.
 */
class OutOfMemoryRunsTest {

    private static final String HUGE = String.join("\n",
            "for t in 1..100:", "  task \"t{t}\":", "    for k in 1..9999:", "      wait 0ms", "");
    private static final List<String> FINAL = List.of("done", "failed", "cancelled", "timed_out");

    @Test
    void runsThatRunOutOfMemoryEndAndLeaveNothingStuck() throws Exception {
        Map<String, String> env = Map.of("MAX_EVENTS", "100000000", "MAX_ENGINE_CPU_SECONDS", "3600");
        try (AppProcess app = AppProcess.start(List.of("-Xmx80m", "-XX:+UseParallelGC"), env)) {
            Http http = new Http(app.url());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Http.Reply reply = quietly(() -> http.post("/api/runs", Map.of("scenario", HUGE,
                        "mode", "virtual-threads", "speed", 1000)));
                if (reply != null && reply.status() == 201) {
                    ids.add((String) reply.object().get("id"));
                }
            }
            for (String id : ids) {
                Map<String, Object> run = awaitEnd(http, id, app);
                String message = String.valueOf(run.get("message"));
                assertTrue(run.containsKey("forgotten") || run.get("status").equals("done")
                        || message.contains("OutOfMemoryError") || message.contains("MAX_RUN_SECONDS"), run.toString());
            }
            awaitQuiet(http, app);
            String small = http.startRun(Map.of("scenario", "task \"a\":\n  print \"still here\"\n",
                    "mode", "virtual-threads"));
            assertEquals("done", http.awaitRun(small, Duration.ofSeconds(30)).get("status"), app.output());
        }
    }

    /**
     * A request that may time out while the server is collecting garbage in a full heap: null then.
     * Only the end state is judged.
     */
    private static Http.Reply quietly(Supplier<Http.Reply> request) {
        try {
            return request.get();
        } catch (IllegalStateException timedOut) {
            return null;
        }
    }

    /** The run's final JSON, or {@code forgotten} if the store has already let go of it (only ended runs go). */
    private static Map<String, Object> awaitEnd(Http http, String id, AppProcess app) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            Http.Reply reply = quietly(() -> http.get("/api/runs/" + id + "?outputLimit=0&tasksLimit=0"));
            if (reply != null && reply.status() == 410) {
                return Map.of("forgotten", reply.text());
            }
            if (reply != null && reply.status() == 200 && FINAL.contains(reply.object().get("status"))) {
                return reply.object();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("run " + id + " never ended: " + http.get("/api/status").text() + "\n"
                + app.output());
    }

    private static void awaitQuiet(Http http, AppProcess app) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            Http.Reply reply = quietly(() -> http.get("/api/status"));
            if (reply != null && reply.status() == 200 && reply.object().get("activeRuns").equals(0)
                    && reply.object().get("queuedRuns").equals(0)
                    && reply.object().get("liveEngineThreads").equals(0)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("something is stuck: " + http.get("/api/status").text() + "\n" + app.output());
    }
}
