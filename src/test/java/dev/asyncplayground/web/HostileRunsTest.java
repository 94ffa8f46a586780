package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hostile scenario of issue 8, twenty times in a row on a server of its own with a 512 MB heap.
 *
 * <p>One valid scenario of a million zero-length waits used to keep 237 MB per finished run and
 * take the server down by the ninth. Now every request is answered without a 5xx, every run ends
 * at a limit that it names, the store forgets the oldest runs (which then answer 410), the heap
 * after a full collection grows by no more than the store's budget, and nothing stays stuck.
 */
class HostileRunsTest {

    private static final String HOSTILE = String.join("\n",
            "for t in 1..100:", "  task \"t{t}\":", "    for k in 1..9999:", "      wait 0ms", "");
    private static final int RUNS = 20;

    @Test
    void twentyHostileRunsOnA512MbHeapLeaveTheServerAnsweringWithinItsBudget() throws Exception {
        try (AppProcess app = AppProcess.start(List.of("-Xmx512m"), AppProcess.withoutWarmUp(Map.of()))) {
            Http http = new Http(app.url());
            app.collectGarbage();
            long baseline = number(status(http), "heapUsedBytes");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Http.Reply created = http.post("/api/runs", Map.of("scenario", HOSTILE, "mode", "virtual-threads",
                        "speed", 1000));
                assertEquals(201, created.status(), created.text() + "\n" + app.output());
                String id = (String) created.object().get("id");
                ids.add(id);
                Map<String, Object> run = awaitEnd(http, id, app);
                assertEquals("failed", run.get("status"), run.get("message").toString());
                assertTrue(run.get("message").toString().matches(".*(MAX_EVENTS|MAX_ENGINE_CPU_SECONDS).*"),
                        run.get("message").toString());
                checkPages(http, id);
            }
            replayFully(app.url(), ids.getLast());
            checkForgotten(http, ids);
            awaitQuiet(http);
            app.collectGarbage();
            Map<String, Object> status = status(http);
            long budget = number(status, "runStoreBudgetBytes");
            assertTrue(number(status, "runStoreBytes") <= budget, status.toString());
            long grown = number(status, "heapUsedBytes") - baseline;
            assertTrue(grown <= budget, "the heap after GC grew by " + grown + " bytes, over the store's budget of "
                    + budget + ": " + status);
        }
    }

    /** Polls the run until it ends; every answer must be a 200. */
    private static Map<String, Object> awaitEnd(Http http, String id, AppProcess app) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            Http.Reply reply = http.get("/api/runs/" + id + "?outputLimit=0&tasksLimit=0");
            assertEquals(200, reply.status(), reply.text() + "\n" + app.output());
            if (!List.of("queued", "running").contains(reply.object().get("status"))) {
                return reply.object();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not end within 120 s: " + app.output());
    }

    /** The run's default page and a later page of segments are answered, bounded, with their next pages. */
    @SuppressWarnings("unchecked")
    private static void checkPages(Http http, String id) {
        Http.Reply first = http.get("/api/runs/" + id);
        assertEquals(200, first.status(), first.text());
        assertTrue(first.text().length() < 4_000_000, first.text().length() + " characters");
        Map<String, Object> run = first.object();
        assertEquals(100, run.get("taskCount"));
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) run.get("tasks");
        assertEquals(100, tasks.size());
        assertTrue(tasks.stream().allMatch(t -> ((List<?>) t.get("segments")).size() <= RunPaging.SEGMENTS_LIMIT));
        assertTrue(tasks.stream().anyMatch(t -> ((Number) t.get("segmentCount")).intValue() > RunPaging.SEGMENTS_LIMIT));
        String next = ((Map<String, String>) run.get("next")).get("segments");
        assertNotNull(next, run.get("next").toString());
        Http.Reply second = http.get(next);
        assertEquals(200, second.status(), second.text());
    }

    /** Reads the whole event stream of a run from the start and checks that it ends with done. */
    private static void replayFully(String base, String id) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/events"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(300)).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        String lastEvent = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event: ")) {
                    lastEvent = line.substring(7);
                }
            }
        }
        assertEquals("done", lastEvent, "the replay ends with its done event");
    }

    /** The oldest runs have been forgotten and answer 410; the newest is kept. */
    private static void checkForgotten(Http http, List<String> ids) {
        List<Integer> statuses = new ArrayList<>();
        for (String id : ids) {
            Http.Reply reply = http.get("/api/runs/" + id + "?outputLimit=0&tasksLimit=0");
            statuses.add(reply.status());
            if (reply.status() == 410) {
                assertTrue(reply.object().get("error").toString().contains("forgotten"), reply.text());
            }
        }
        assertTrue(statuses.contains(410), "no run was forgotten: " + statuses);
        assertEquals(200, statuses.getLast(), statuses.toString());
        int firstKept = statuses.indexOf(200);
        assertTrue(statuses.subList(0, firstKept).stream().allMatch(s -> s == 410)
                && statuses.subList(firstKept, statuses.size()).stream().allMatch(s -> s == 200),
                "the oldest go first: " + statuses);
        assertEquals(404, http.get("/api/runs/nosuchrun0").status());
    }

    private static void awaitQuiet(Http http) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            Map<String, Object> status = status(http);
            if (number(status, "activeRuns") == 0 && number(status, "queuedRuns") == 0
                    && number(status, "liveEngineThreads") == 0 && number(status, "openStreams") == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("something is stuck: " + status(http));
    }

    private static Map<String, Object> status(Http http) {
        Http.Reply reply = http.get("/api/status");
        assertEquals(200, reply.status(), reply.text());
        return reply.object();
    }

    private static long number(Map<String, Object> json, String field) {
        return ((Number) json.get(field)).longValue();
    }
}
