package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.Limits;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs started from the page: cancelled when no page watches them for the grace period, kept
 * across a reload, never left running unseen when another mode of the comparison is refused,
 * and a queued run says how many runs are ahead of it.
 */
class PageRunsTest {

    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration HEARTBEAT = Duration.ofMillis(300);
    private static final Pattern RUN_ID = Pattern.compile("class=\"run\" data-run-id=\"(\\w+)\"");

    @Nested
    class AbandonedTabs {

        @Test
        void aRunNoPageWatchesIsCancelledAfterTheGrace() throws Exception {
            try (RunningApp app = RunningApp.start(Limits.defaults(), HEARTBEAT, GRACE)) {
                String id = runIds(postForm(app, "virtual-threads")).getFirst();
                Map<String, Object> run = new Http(app).awaitRun(id, Duration.ofSeconds(10));
                assertEquals("cancelled", run.get("status"));
                assertTrue(String.valueOf(run.get("message")).contains("no page has shown this run"), run.toString());
            }
        }

        @Test
        void aWatchedRunGoesOnAndIsCancelledOnceItsTabCloses() throws Exception {
            try (RunningApp app = RunningApp.start(Limits.defaults(), HEARTBEAT, GRACE)) {
                String id = runIds(postForm(app, "virtual-threads")).getFirst();
                Http http = new Http(app);
                try (SseReader tab = SseReader.open(app.url() + "/api/runs/" + id + "/events", null)) {
                    Thread.sleep(GRACE.toMillis() * 3);
                    assertEquals("running", http.get("/api/runs/" + id).object().get("status"), "watched, so kept");
                }
                assertEquals("cancelled", http.awaitRun(id, Duration.ofSeconds(10)).get("status"));
            }
        }

        @Test
        void aReloadWithinTheGraceKeepsTheRun() throws Exception {
            try (RunningApp app = RunningApp.start(Limits.defaults(), HEARTBEAT, GRACE)) {
                String id = runIds(postForm(app, "virtual-threads")).getFirst();
                String events = app.url() + "/api/runs/" + id + "/events";
                SseReader.open(events, null).close();
                try (SseReader reloaded = SseReader.open(events, null)) {
                    Thread.sleep(GRACE.toMillis() * 3);
                    assertEquals("running", new Http(app).get("/api/runs/" + id).object().get("status"));
                }
            }
        }

        @Test
        void runsStartedThroughTheApiAreNotTracked() throws Exception {
            try (RunningApp app = RunningApp.start(Limits.defaults(), HEARTBEAT, GRACE)) {
                Http http = new Http(app);
                String id = http.startRun(Map.of("exercise", "counting", "mode", "virtual-threads",
                        "params", Map.of("count", 3, "sleepers", List.of(1), "unit", "4s")));
                Thread.sleep(GRACE.toMillis() * 3);
                assertEquals("running", http.get("/api/runs/" + id).object().get("status"));
                http.delete("/api/runs/" + id);
            }
        }
    }

    @Nested
    class BusyServer {

        @Test
        void aRefusedModeCancelsTheModesOfTheComparisonAlreadyStarted() throws Exception {
            try (RunningApp app = RunningApp.start(Limits.defaults().withRuns(1, 0), HEARTBEAT, Duration.ofSeconds(30))) {
                String reply = postForm(app, "sequential", "virtual-threads");
                assertTrue(reply.contains("the server is busy"), reply);
                assertTrue(reply.contains("None of the modes runs: the one already started was cancelled."), reply);
                Http http = new Http(app);
                long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while ((int) http.get("/api/status").object().get("activeRuns") > 0 && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertEquals(0, http.get("/api/status").object().get("activeRuns"), "nothing left running unseen");
            }
        }

        @Test
        void aComparisonPastThePerClientCapSaysHowManyOfTheClientsRunsMustEndFirst() throws Exception {
            try (RunningApp app = RunningApp.start(Limits.defaults(), HEARTBEAT, Duration.ofSeconds(30))) {
                Http http = new Http(app);
                List<String> held = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    held.add(http.startRun(Map.of("exercise", "counting", "mode", "virtual-threads",
                            "params", Map.of("count", 3, "sleepers", List.of(1), "unit", "4s"))));
                }
                String reply = postForm(app, "sequential", "virtual-threads");
                assertTrue(reply.contains("you already have 3 runs running or waiting and this asks for 2 more, but one"
                        + " client may have at most 4 (MAX_RUNS_PER_CLIENT=4); wait for 1 of yours to end"), reply);
                assertTrue(reply.contains("None of the modes runs."), reply);
                assertFalse(RUN_ID.matcher(reply).find(), "no panel for a comparison that does not run: " + reply);
                held.forEach(id -> http.delete("/api/runs/" + id));
            }
        }

        @Test
        void aModeRefusedForALimitCancelsTheModesStartedBeforeIt() throws Exception {
            Limits defaults = Limits.defaults();
            Limits twentySeconds = new Limits(defaults.maxTasks(), Duration.ofSeconds(20), defaults.maxOutputLines());
            try (RunningApp app = RunningApp.start(twentySeconds, HEARTBEAT, Duration.ofSeconds(30))) {
                List<String[]> twoNappersOneThread = List.of(new String[] {"sleepers", "2, 3"},
                        new String[] {"threads", "1"});
                String reply = postForm(app, twoNappersOneThread, "virtual-threads", "platform-threads");
                assertTrue(reply.contains("platform-threads: this run would take at least 25.0 s"),
                        "naps of 10 and 15 s take 15 s at once, 25 s on one thread: " + reply);
                assertTrue(reply.contains("None of the modes runs: the one already started was cancelled."), reply);
                assertFalse(RUN_ID.matcher(reply).find(), "no panel for a comparison that does not run: " + reply);
                Http http = new Http(app);
                long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while ((int) http.get("/api/status").object().get("activeRuns") > 0 && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertEquals(0, http.get("/api/status").object().get("activeRuns"),
                        "the virtual-threads run, started first, was cancelled");
            }
        }

        @Test
        void aQueuedRunSaysHowManyRunsAreAheadOfIt() throws Exception {
            try (RunningApp app = RunningApp.start(Limits.defaults().withRuns(1, 5), HEARTBEAT, GRACE)) {
                Http http = new Http(app);
                Map<String, Object> body = Map.of("exercise", "counting", "mode", "virtual-threads",
                        "params", Map.of("count", 3, "sleepers", List.of(1), "unit", "4s"));
                List<String> ids = List.of(http.startRun(body), http.startRun(body), http.startRun(body));
                assertEquals(0, http.get("/api/runs/" + ids.get(0)).object().get("queuePosition"), "running");
                assertEquals(1, http.get("/api/runs/" + ids.get(1)).object().get("queuePosition"));
                assertEquals(2, http.get("/api/runs/" + ids.get(2)).object().get("queuePosition"));
                ids.reversed().forEach(id -> http.delete("/api/runs/" + id));
            }
        }
    }

    @Nested
    class TheComparison {

        @Test
        void isTitledWithTheExerciseAndTheSettingsThatDifferFromTheDefaults() throws Exception {
            try (RunningApp app = RunningApp.start(Limits.defaults(), HEARTBEAT, GRACE)) {
                String html = postForm(app, List.of(), "sequential");
                assertTrue(html.contains("Counting with naps <span class=\"settings\">count = 3, sleepers = 2, unit = 5s</span>"),
                        html);
            }
        }

        @ParameterizedTest(name = "a guess of \"{0}\" is {1} ms")
        @CsvSource({"12, 12000.0", "12s, 12000.0", "800ms, 800.0", "1.5min, 90000.0", "' 2 s ', 2000.0"})
        void carriesEachGuessInMilliseconds(String guess, String ms) throws Exception {
            try (RunningApp app = RunningApp.start(Limits.defaults(), HEARTBEAT, GRACE)) {
                String html = postForm(app, List.<String[]>of(new String[] {"predict-sequential", guess}), "sequential");
                assertTrue(html.contains("data-predicted-ms=\"" + ms + "\""), html);
            }
        }

        @Test
        void refusesAGuessThatIsNotATimeAndRunsNothing() throws Exception {
            try (RunningApp app = RunningApp.start(Limits.defaults(), HEARTBEAT, GRACE)) {
                String html = postForm(app, List.<String[]>of(new String[] {"predict-sequential", "soon"}), "sequential");
                assertTrue(html.contains("your guess for sequential, 'soon', is not a time"), html);
                assertEquals(0, new Http(app).get("/api/status").object().get("activeRuns"));
            }
        }
    }

    /** Posts the counting form as the page does, naps of 10 s, with the given modes ticked. */
    private static String postForm(RunningApp app, String... modes) throws Exception {
        return postForm(app, List.of(), modes);
    }

    /** Posts the counting form with extra fields, which take the place of the usual ones of the same name. */
    private static String postForm(RunningApp app, List<String[]> extra, String... modes) throws Exception {
        String source = (String) new Http(app).get("/api/exercises/counting").object().get("source");
        List<String[]> fields = new ArrayList<>(List.of(new String[] {"source", source},
                new String[] {"exercise", "counting"}, new String[] {"count", "3"}, new String[] {"sleepers", "2"},
                new String[] {"unit", "5s"}));
        fields.removeIf(field -> extra.stream().anyMatch(replacing -> replacing[0].equals(field[0])));
        for (String mode : modes) {
            fields.add(new String[] {"modes", mode});
        }
        fields.addAll(extra);
        String body = fields.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url() + "/playground/runs"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<String> runIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = RUN_ID.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertTrue(!ids.isEmpty(), html);
        return ids;
    }
}
