package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.AdmissionBudget;
import dev.asyncplayground.engine.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Admission through HTTP: the per-client cap and a class pressing Run together. */
class AdmissionApiTest {

    private static final Map<String, Object> WAIT_2S = Map.of("scenario", "task \"a\":\n  wait 2s\n",
            "mode", "virtual-threads");

    @Nested
    class PerClient {

        @Test
        void aClientPastItsCapAloneGets429WithAnHonestRetryAfter() throws Exception {
            AdmissionBudget twoEach = AdmissionBudget.DEFAULTS.withRunsPerClient(2);
            try (RunningApp app = RunningApp.start(Limits.defaults(), twoEach, Duration.ofSeconds(10))) {
                String greedy = FromAddress.client(0);
                assertEquals(201, post(app, greedy, WAIT_2S).status());
                assertEquals(201, post(app, greedy, WAIT_2S).status());
                FromAddress.Reply third = post(app, greedy, WAIT_2S);
                assertEquals(429, third.status(), third.body().toString());
                String error = (String) third.body().get("error");
                assertTrue(error.contains("MAX_RUNS_PER_CLIENT=2"), error);
                long retry = Long.parseLong(third.headers().get("retry-after"));
                assertTrue(retry >= 1 && retry <= 2, "its first run ends within 2 s: " + retry);
                assertEquals(201, post(app, FromAddress.client(1), WAIT_2S).status(), "another client is let in");
            }
        }

        @Test
        void aRefusedClientIsRefusedBeforeItsBodyIsRead() throws Exception {
            AdmissionBudget oneEach = AdmissionBudget.DEFAULTS.withRunsPerClient(1);
            try (RunningApp app = RunningApp.start(Limits.defaults(), oneEach, Duration.ofSeconds(10))) {
                String client = FromAddress.client(2);
                assertEquals(201, post(app, client, WAIT_2S).status());
                FromAddress.Reply broken = post(app, client, Map.of("scenario", "task oops", "mode", "nope"));
                assertEquals(429, broken.status(), "the cap answers first, whatever the body: " + broken.body());
            }
        }
    }

    @Test
    void sixtyCountingRunsPostedInOneSecondAreAllAdmittedAndStartAtOnce() throws Exception {
        try (RunningApp app = RunningApp.start(Limits.defaults(), Duration.ofSeconds(10));
             ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FromAddress.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String mode = i % 2 == 0 ? "virtual-threads" : "sequential";
                Map<String, Object> body = Map.of("exercise", "counting", "mode", mode,
                        "params", Map.of("unit", "100ms"));
                String client = FromAddress.client(i);
                replies.add(posts.submit(() -> post(app, client, body)));
            }
            Http http = new Http(app);
            List<String> ids = new ArrayList<>();
            for (Future<FromAddress.Reply> reply : replies) {
                assertEquals(201, reply.get().status(), reply.get().body().toString());
                ids.add((String) reply.get().body().get("id"));
            }
            for (String id : ids) {
                Map<String, Object> run = http.awaitRun(id, Duration.ofSeconds(30));
                assertEquals("done", run.get("status"));
                double elapsed = ((Number) run.get("elapsedMs")).doubleValue();
                double ideal = ((Number) run.get("idealMs")).doubleValue();
                assertTrue(elapsed >= ideal && elapsed < ideal * 1.5 + 300,
                        "ran beside the others, not after them: " + elapsed + " ms against an ideal of " + ideal);
            }
        }
    }

    @Test
    void aWaitingRunKnowsItsPlaceAndACpuRunReportsTheCoresItWasGiven() throws Exception {
        try (RunningApp app = RunningApp.start()) {
            Http http = new Http(app);
            // platform threads, so that the server's own virtual threads can answer while it burns
            String cpu = http.startRun(Map.of("exercise", "cpu-vs-io", "mode", "platform-threads", "threads", 2,
                    "params", Map.of("kind", "cpu", "tasks", 2, "duration", "1s")));
            assertEquals("running", http.awaitStarted(cpu, Duration.ofSeconds(10)).get("status"));
            String waiting = http.startRun(WAIT_2S);
            Map<String, Object> queued = http.get("/api/runs/" + waiting).object();
            assertEquals("queued", queued.get("status"), "nothing starts beside a CPU run");
            assertEquals(1, queued.get("queuePosition"));
            Map<String, Object> done = http.awaitRun(cpu, Duration.ofSeconds(30));
            assertEquals(0, done.get("queuePosition"));
            for (String field : List.of("coresAssumed", "coresGiven", "coresGivenInWords", "idealForCoresGivenMs",
                    "coresNote")) {
                assertTrue(done.containsKey(field), field + " in " + done.keySet());
            }
            double given = ((Number) done.get("coresGiven")).doubleValue();
            double assumed = ((Number) done.get("coresAssumed")).doubleValue();
            assertTrue(given > 0 && given <= assumed, given + " of " + assumed);
            assertTrue(((Number) done.get("idealForCoresGivenMs")).doubleValue() >= (Double) done.get("idealMs"));
            Map<String, Object> waited = http.awaitRun(waiting, Duration.ofSeconds(30));
            assertTrue(!waited.containsKey("coresGiven"), "a run without cpu steps has no cores figure");
        }
    }

    private static FromAddress.Reply post(RunningApp app, String from, Map<String, ?> body) throws Exception {
        return FromAddress.post(from, app.port(), "/api/runs", body);
    }
}
