package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/runs/{id}} in pages, and runs the bounded store has forgotten answering 410. */
class RunPagesApiTest {

    /** 30 tasks, each printing 3 lines after 3 short waits: 90 lines, 7 segments a task. */
    private static final String CHATTY = String.join("\n",
            "for i in 1..30:", "  task \"t{i}\":", "    for k in 1..3:", "      wait 1ms", "      print \"{i}.{k}\"", "");

    private static RunningApp app;
    private static Http http;
    private static String id;

    @BeforeAll
    static void runOnce() throws InterruptedException {
        app = RunningApp.start();
        http = new Http(app);
        id = http.startRun(Map.of("scenario", CHATTY, "mode", "virtual-threads"));
        http.awaitRun(id, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> run, String field) {
        return (List<Map<String, Object>>) run.get(field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> next(Map<String, Object> run) {
        return (Map<String, String>) run.get("next");
    }

    @Nested
    class Pages {

        @Test
        void theDefaultPageShowsEverythingOfASmallRunWithNoNextPage() {
            Map<String, Object> run = http.get("/api/runs/" + id).object();
            assertEquals(90, run.get("outputCount"));
            assertEquals(90, list(run, "output").size());
            assertEquals(30, list(run, "tasks").size());
            assertEquals(7, list(run, "tasks").getFirst().get("segmentCount"));
            assertEquals(Map.of(), next(run).entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }

        @Test
        void followingTheNextOutputLinksReadsEveryLineOnceInOrder() {
            String page = "/api/runs/" + id + "?outputLimit=40&tasksLimit=0";
            List<String> lines = new ArrayList<>();
            while (page != null) {
                Map<String, Object> run = http.get(page).object();
                list(run, "output").forEach(line -> lines.add((String) line.get("text")));
                page = next(run).get("output");
            }
            assertEquals(90, lines.size());
            Map<String, Object> all = http.get("/api/runs/" + id + "?tasksLimit=0").object();
            assertEquals(list(all, "output").stream().map(l -> l.get("text")).toList(), lines);
        }

        @Test
        void tasksAndSegmentsComeInWindowsWithTheirNextPages() {
            Map<String, Object> run = http.get("/api/runs/" + id + "?tasksFrom=10&tasksLimit=5&segmentsFrom=2"
                    + "&segmentsLimit=3&outputLimit=0").object();
            List<Map<String, Object>> tasks = list(run, "tasks");
            assertEquals(List.of("t11", "t12", "t13", "t14", "t15"), tasks.stream().map(t -> t.get("name")).toList());
            assertTrue(tasks.stream().allMatch(t -> ((List<?>) t.get("segments")).size() == 3));
            assertEquals(30, run.get("taskCount"));
            assertEquals(0, list(run, "output").size());
            assertNotNull(next(run).get("tasks"));
            assertTrue(next(run).get("segments").contains("segmentsFrom=5"), next(run).toString());
            assertNull(next(run).get("output"), "no output was asked for");
            assertEquals(200, http.get(next(run).get("tasks")).status());
        }

        @Test
        void aPageAfterTheEndIsEmptyAndHasNoNextPage() {
            Map<String, Object> run = http.get("/api/runs/" + id + "?outputFrom=500&tasksFrom=99").object();
            assertEquals(List.of(), run.get("output"));
            assertEquals(List.of(), run.get("tasks"));
            assertNull(next(run).get("output"));
            assertNull(next(run).get("tasks"));
        }

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource({"outputLimit, 10001", "outputFrom, -1", "tasksLimit, 1001", "segmentsLimit, lots",
            "tasksFrom, 1.5", "segmentsFrom, -3"})
        void aBadPageParameterIsA400NamingIt(String name, String value) {
            Http.Reply reply = http.get("/api/runs/" + id + "?" + name + "=" + value);
            assertEquals(400, reply.status(), reply.text());
            assertEquals(name, reply.object().get("parameter"));
            assertTrue(reply.object().get("error").toString().startsWith(name + " must be"), reply.text());
        }

        @Test
        void tooManySegmentsAtOnceIsA400() {
            Http.Reply reply = http.get("/api/runs/" + id + "?tasksLimit=1000&segmentsLimit=1000");
            assertEquals(400, reply.status(), reply.text());
            assertTrue(reply.object().get("error").toString().contains("tasksLimit × segmentsLimit"), reply.text());
        }
    }

    @Nested
    class Forgotten {

        @Test
        void aRunTheStoreHasForgottenAnswers410SayingSoAndAMistypedIdStays404() throws InterruptedException {
            try (RunningApp small = RunningApp.withStore(100_000)) {
                Http client = new Http(small);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String run = client.startRun(Map.of("scenario", CHATTY, "mode", "virtual-threads"));
                    client.awaitRun(run, Duration.ofSeconds(20));
                    ids.add(run);
                }
                Http.Reply oldest = client.get("/api/runs/" + ids.getFirst());
                assertEquals(410, oldest.status(), oldest.text());
                assertTrue(oldest.object().get("error").toString().contains("forgotten"), oldest.text());
                assertEquals(410, client.get("/api/runs/" + ids.getFirst() + "/events").status());
                assertEquals(410, client.delete("/api/runs/" + ids.getFirst()).status());
                assertEquals(200, client.get("/api/runs/" + ids.getLast()).status());
                assertEquals(404, client.get("/api/runs/" + ids.getFirst() + "x").status());
                Map<String, Object> status = client.get("/api/status").object();
                assertTrue(((Number) status.get("runStoreBytes")).longValue() <= 100_000, status.toString());
                assertEquals(100_000, ((Number) status.get("runStoreBudgetBytes")).intValue());
            }
        }
    }
}
