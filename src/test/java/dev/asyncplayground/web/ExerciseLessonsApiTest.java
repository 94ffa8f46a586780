package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each built-in exercise teaches its lesson at its defaults, shown by the {@code metrics} its
 * scenario measures, through the real API. Some runs go faster than the exercise's own speed to
 * keep the suite short; every figure is in scenario time, so the lesson is the same. Margins are
 * generous: the machine is shared, and the tests are about semantics, not speed.
 */
class ExerciseLessonsApiTest extends ApiTestSupport {

    private static Map<String, Object> run(String exercise, String mode, Map<String, Object> params, Double speed)
            throws InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("exercise", exercise, "mode", mode, "params", params));
        if (speed != null) {
            body.put("speed", speed);
        }
        Map<String, Object> run = http.awaitRun(http.startRun(body), Duration.ofSeconds(40));
        assertEquals("done", run.get("status"), run.toString());
        return run;
    }

    private static double metric(Map<String, Object> run, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) run.get("metrics");
        assertTrue(metrics.containsKey(name), "metrics of " + run.get("mode") + " lack " + name + ": " + metrics);
        return ((Number) metrics.get(name)).doubleValue();
    }

    private static double elapsed(Map<String, Object> run) {
        return ((Number) run.get("elapsedMs")).doubleValue();
    }

    /** The run's ideal time: exact, so ratios of it hold on a busy machine too. */
    private static double ideal(Map<String, Object> run) {
        return ((Number) run.get("idealMs")).doubleValue();
    }

    @Nested
    class BankUpdate {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"virtual-threads", "event-loop"})
        void withoutTheLockUpdatesAreLostEvenOnOneThread(String mode) throws Exception {
            Map<String, Object> run = run("bank-update", mode, Map.of(), null);
            assertEquals(150, metric(run, "expectedBalance"), run.toString());
            assertTrue(metric(run, "lostUpdates") > 0, "concurrent clerks overwrite each other: " + run.get("metrics"));
            assertEquals(metric(run, "expectedBalance") - 10 * metric(run, "lostUpdates"), metric(run, "finalBalance"),
                    "every lost update is 10 missing from the balance");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"sequential", "virtual-threads", "event-loop"})
        void withTheLockNothingIsLostAndTheClerksGoOneAtATime(String mode) throws Exception {
            Map<String, Object> run = run("bank-update", mode, Map.of("useLock", true), null);
            assertEquals(0, metric(run, "lostUpdates"));
            assertEquals(150, metric(run, "finalBalance"));
            assertTrue(elapsed(run) >= 5 * 200 * 0.95, "five thinking clerks, one at a time: " + elapsed(run));
            List<double[]> thinking = spans(run, "waiting");
            for (int i = 1; i < thinking.size(); i++) {
                assertTrue(thinking.get(i)[0] >= thinking.get(i - 1)[1] - 1, "critical sections overlap: "
                        + thinking.get(i - 1)[1] + " > " + thinking.get(i)[0]);
            }
        }
    }

    @Nested
    class Speeds {

        @Test
        void anExerciseRunsAtItsOwnSpeedUnlessTheRequestSaysOtherwise() throws Exception {
            String laundry = http.startRun(Map.of("exercise", "laundry", "mode", "event-loop"));
            assertEquals(3600.0, http.get("/api/runs/" + laundry).object().get("speed"));
            http.delete("/api/runs/" + laundry);
            String slower = http.startRun(Map.of("exercise", "laundry", "mode", "event-loop", "speed", 2000));
            assertEquals(2000.0, http.get("/api/runs/" + slower).object().get("speed"));
            http.delete("/api/runs/" + slower);
            assertEquals(3600.0, http.get("/api/exercises").array().stream()
                    .filter(e -> "laundry".equals(((Map<?, ?>) e).get("id"))).map(e -> ((Map<?, ?>) e).get("speed"))
                    .findFirst().orElseThrow());
        }
    }

    @Nested
    class TheDoneEvent {

        @Test
        void carriesTheSameMetricsAsTheRun() throws Exception {
            String id = http.startRun(Map.of("exercise", "bank-update", "mode", "event-loop"));
            try (SseReader stream = SseReader.open(app.url() + "/api/runs/" + id + "/events", null)) {
                SseReader.Event done = stream.untilDone().getLast();
                assertEquals("done", done.type());
                Map<String, Object> run = http.awaitRun(id, Duration.ofSeconds(10));
                assertEquals(run.get("metrics"), done.data().get("metrics"));
                assertEquals(List.of("expectedBalance", "finalBalance", "lostUpdates"),
                        List.copyOf(((Map<?, ?>) done.data().get("metrics")).keySet()));
            }
        }
    }

    @Nested
    class ResponsiveUi {

        @Test
        void handledOneAfterAnotherTheScreenFreezesForTheLongestAction() throws Exception {
            Map<String, Object> run = run("responsive-ui", "sequential", Map.of(), 2.0);
            assertEquals(20, metric(run, "uiTicks"));
            assertTrue(metric(run, "largestUiGapMs") >= 400 + 2000, "the upload (400 ms of CPU, 2 s of sending)"
                    + " blocks the next tick: " + metric(run, "largestUiGapMs"));
        }

        @Test
        void onVirtualThreadsTheTicksGoOn() throws Exception {
            Map<String, Object> run = run("responsive-ui", "virtual-threads", Map.of(), 2.0);
            assertEquals(20, metric(run, "uiTicks"));
            assertTrue(metric(run, "largestUiGapMs") < 100 + 300, "ticks every 100 ms, give or take: "
                    + metric(run, "largestUiGapMs"));
        }

        @Test
        void theEventLoopStaysResponsiveWhileWaitingButFreezesWhileComputing() throws Exception {
            Map<String, Object> run = run("responsive-ui", "event-loop", Map.of(), 2.0);
            double gap = metric(run, "largestUiGapMs");
            assertTrue(gap >= 400 * 0.95 && gap < 2000, "frozen for the 400 ms compress step, never for the 2 s"
                    + " send: " + gap);
            Map<String, Object> noCpu = run("responsive-ui", "event-loop", Map.of("compress", "0ms"), 2.0);
            assertTrue(metric(noCpu, "largestUiGapMs") < 100 + 300, "without CPU work on the loop, awaiting blocks"
                    + " nobody: " + metric(noCpu, "largestUiGapMs"));
        }
    }

    @Nested
    class ApiCalls {

        @Test
        void atMostLimitCallsAreServedAndThroughputIsLimitOverLatency() throws Exception {
            Map<String, Object> run = run("api-calls", "virtual-threads", Map.of(), 2.0);
            assertEquals(4, metric(run, "maxInFlight"));
            double perSecond = metric(run, "requestsPerSecond");
            assertTrue(perSecond > 20 * 0.6 && perSecond <= 20 * 1.05, "4 calls per 200 ms is 20 a second: " + perSecond);
            assertTrue(metric(run, "meanQueueWaitMs") > 200, "the calls beyond the first four wait in line: "
                    + metric(run, "meanQueueWaitMs"));
        }

        @Test
        void oneCallAtATimeGetsOnePerLatency() throws Exception {
            Map<String, Object> run = run("api-calls", "sequential", Map.of("requests", 8), 2.0);
            assertEquals(1, metric(run, "maxInFlight"));
            double perSecond = metric(run, "requestsPerSecond");
            assertTrue(perSecond > 5 * 0.6 && perSecond <= 5 * 1.05, "one call per 200 ms is 5 a second: " + perSecond);
        }

        @Test
        void aSmallPoolDoesAsWellAsAnUnboundedCrowd() throws Exception {
            Map<String, Object> run = run("api-calls", "platform-threads", Map.of(), 2.0);
            assertEquals(4, metric(run, "maxInFlight"));
            assertTrue(metric(run, "requestsPerSecond") > 20 * 0.6, "four threads fill four slots");
        }
    }

    @Nested
    class PageLoad {

        @Test
        void concurrentlyThePageIsUsableLongBeforeTheTimeout() throws Exception {
            for (String mode : List.of("virtual-threads", "event-loop")) {
                Map<String, Object> run = run("page-load", mode, Map.of(), 2.0);
                assertTrue(metric(run, "usableAtMs") < 2000 / 2.0, mode + ": usable at " + metric(run, "usableAtMs"));
                assertEquals(1, metric(run, "cancelledRequests"), "the hung image is given up, not delivered");
            }
        }

        @Test
        void sequentiallyThePageWaitsForTheHungRequest() throws Exception {
            Map<String, Object> run = run("page-load", "sequential", Map.of(), 2.0);
            assertTrue(metric(run, "usableAtMs") >= 2000, "usable only after the 2 s timeout: "
                    + metric(run, "usableAtMs"));
            assertEquals(1, metric(run, "cancelledRequests"));
        }
    }

    @Nested
    class ChessSimul {

        @Test
        void walkingFromBoardToBoardIsManyTimesFasterAndKeepsTheMasterBusy() throws Exception {
            Map<String, Object> sequential = run("chess-simul", "sequential", Map.of(), null);
            Map<String, Object> walking = run("chess-simul", "event-loop", Map.of(), null);
            assertTrue(ideal(sequential) / ideal(walking) > 4, "10 boards: sequential " + ideal(sequential)
                    + " vs " + ideal(walking) + " ideally");
            assertTrue(elapsed(walking) < elapsed(sequential), "measured: sequential " + elapsed(sequential)
                    + " vs " + elapsed(walking));
            assertTrue(metric(sequential, "masterBusyPercent") < 15, "the master mostly watches");
            assertTrue(metric(walking, "masterBusyPercent") > 3 * metric(sequential, "masterBusyPercent"),
                    "the master mostly plays: " + metric(walking, "masterBusyPercent"));
        }
    }

    @Nested
    class Laundry {

        @Test
        void theMachinesOverlapAndTheDayIsShorterWithTheSameOneParent() throws Exception {
            Map<String, Object> sequential = run("laundry", "sequential", Map.of(), null);
            Map<String, Object> loop = run("laundry", "event-loop", Map.of(), null);
            assertTrue(ideal(sequential) / ideal(loop) > 1.3, "278 min against about 170 ideally: "
                    + ideal(sequential) + " vs " + ideal(loop));
            assertTrue(elapsed(loop) < elapsed(sequential), "measured: " + elapsed(sequential) + " vs " + elapsed(loop));
            assertEquals(0, metric(sequential, "machinesOverlapMs"));
            assertTrue(metric(loop, "machinesOverlapMs") > 40 * 60_000, "washer and dryer run together for more"
                    + " than one cycle: " + metric(loop, "machinesOverlapMs"));
            assertTrue(metric(loop, "personBusyPercent") < 50, "the parent mostly waits: "
                    + metric(loop, "personBusyPercent"));
        }
    }

    @Nested
    class CpuVsIo {

        @Test
        void cpuWorkOnTheEventLoopGetsNoSpeedup() throws Exception {
            Map<String, Object> run = run("cpu-vs-io", "event-loop", Map.of("kind", "cpu", "tasks", 4,
                    "duration", "150ms"), null);
            assertTrue(metric(run, "cpuSpeedup") <= 1.02, "one thread, one core: " + metric(run, "cpuSpeedup"));
        }

        @Test
        void waitingTasksHaveNoCpuToSpeedUp() throws Exception {
            Map<String, Object> run = run("cpu-vs-io", "virtual-threads", Map.of("tasks", 4, "duration", "100ms"),
                    null);
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) run.get("metrics");
            assertTrue(metrics.isEmpty(), "no cpu steps, so no cpu speedup: " + metrics);
        }
    }

    /** Every segment in the given state, over all tasks, sorted by start. */
    @SuppressWarnings("unchecked")
    private static List<double[]> spans(Map<String, Object> run, String state) {
        List<double[]> spans = new ArrayList<>();
        for (Map<String, Object> task : (List<Map<String, Object>>) run.get("tasks")) {
            for (Map<String, Object> segment : (List<Map<String, Object>>) task.get("segments")) {
                if (state.equals(segment.get("state"))) {
                    spans.add(new double[] {((Number) segment.get("startMs")).doubleValue(),
                            ((Number) segment.get("endMs")).doubleValue()});
                }
            }
        }
        spans.sort((a, b) -> Double.compare(a[0], b[0]));
        return spans;
    }
}
