package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox through the API: refusals name their limit, stopped runs leave no thread, floods get 429. */
class SandboxApiTest {

    /** Two tasks taking two locks in opposite order: each ends up waiting for the other forever. */
    private static final String DEADLOCK = String.join("\n",
            "task \"a\":", "  lock \"x\":", "    wait 100ms", "    lock \"y\":", "      print \"a has both\"",
            "task \"b\":", "  lock \"y\":", "    wait 100ms", "    lock \"x\":", "      print \"b has both\"");

    private static Map<String, Object> status(Http http) {
        return http.get("/api/status").object();
    }

    private static void awaitQuiet(Http http) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Map<String, Object> status = status(http);
            if (status.get("activeRuns").equals(0) && status.get("liveEngineThreads").equals(0)
                    && status.get("openStreams").equals(0)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("something is still alive: " + status(http));
    }

    @Test
    void aRunPastTheWallClockLimitIsStoppedAndLeavesNoThread() throws Exception {
        Limits oneSecond = new Limits(10_000, Duration.ofSeconds(1), 10_000);
        try (RunningApp app = RunningApp.start(oneSecond)) {
            Http http = new Http(app);
            String id = http.startRun(Map.of("scenario", DEADLOCK, "mode", "virtual-threads"));
            Map<String, Object> run = http.awaitRun(id, Duration.ofSeconds(10));
            assertEquals("timed_out", run.get("status"));
            assertTrue(((String) run.get("message")).contains("MAX_RUN_SECONDS"), run.toString());
            awaitQuiet(http);
        }
    }

    @Test
    void cancelledRunsInEveryModeLeaveNoThread() throws Exception {
        try (RunningApp app = RunningApp.start()) {
            Http http = new Http(app);
            List<String> ids = new ArrayList<>();
            for (String mode : List.of("sequential", "virtual-threads", "event-loop", "platform-threads")) {
                ids.add(http.startRun(Map.of("exercise", "cpu-vs-io", "mode", mode,
                        "params", Map.of("tasks", 4, "duration", "5s"))));
            }
            Thread.sleep(300);
            ids.forEach(id -> assertEquals(202, http.delete("/api/runs/" + id).status()));
            for (String id : ids) {
                assertEquals("cancelled", http.awaitRun(id, Duration.ofSeconds(5)).get("status"));
            }
            awaitQuiet(http);
        }
    }

    @Test
    void aFloodOfRunsGets429WithRetryAfterWhileAdmittedRunsKeepTheirTiming() throws Exception {
        Limits small = Limits.defaults().withRuns(2, 2);
        try (RunningApp app = RunningApp.start(small)) {
            Http http = new Http(app);
            Map<String, Object> body = Map.of("exercise", "cpu-vs-io", "mode", "virtual-threads",
                    "params", Map.of("tasks", 50, "kind", "io", "duration", "400ms"));
            List<String> admitted = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < 12; i++) {
                Http.Reply reply = http.post("/api/runs", body);
                if (reply.status() == 201) {
                    admitted.add((String) reply.object().get("id"));
                } else {
                    assertEquals(429, reply.status(), reply.text());
                    assertNotNull(reply.header("Retry-After"));
                    assertTrue(Integer.parseInt(reply.header("Retry-After")) >= 1);
                    refused++;
                }
            }
            assertEquals(4, admitted.size(), "2 running + 2 queued are admitted");
            assertEquals(8, refused);
            for (String id : admitted) {
                Map<String, Object> run = http.awaitRun(id, Duration.ofSeconds(10));
                assertEquals("done", run.get("status"));
                double elapsed = ((Number) run.get("elapsedMs")).doubleValue();
                assertTrue(elapsed >= 400 && elapsed < 400 * 1.5, "an admitted run keeps its timing: " + elapsed);
            }
            awaitQuiet(http);
        }
    }

    @Test
    void limitsAreRefusedUpFrontNamingTheLimit() throws Exception {
        try (RunningApp app = RunningApp.start()) {
            Http http = new Http(app);
            Http.Reply tooMany = http.post("/api/runs", Map.of("exercise", "cpu-vs-io", "mode", "virtual-threads",
                    "params", Map.of("tasks", 50_000)));
            assertEquals(422, tooMany.status(), tooMany.text());
            assertEquals("MAX_TASKS", tooMany.object().get("limit"));
            Http.Reply tooHot = http.post("/api/runs", Map.of("exercise", "cpu-vs-io", "mode", "sequential",
                    "params", Map.of("tasks", 20, "kind", "cpu", "duration", "1s")));
            assertEquals(422, tooHot.status(), tooHot.text());
            assertEquals("MAX_CPU_SECONDS", tooHot.object().get("limit"));
        }
    }
}
