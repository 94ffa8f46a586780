package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server keeps answering while a virtual-threads run computes on every core.
 *
 * <p>Requests run on virtual threads too. A run's tasks have carriers of their own
 * ({@code engine/CarrierPool}) when the JVM opens {@code java.lang}, as the app's start commands
 * do; without that they share the server's, which then keeps one carrier more than it lets tasks
 * use. Either way a run with one cpu task per core must not leave requests (pages, polls, its own
 * events) waiting until a step ends. The server runs in its own JVM, as {@code Main} starts it,
 * since carriers must be settled before the JVM's first virtual thread. The tolerance is
 * generous: a step here lasts 3 s, and the answer must come in well under half of it.
 */
class ServerDuringCpuRunsTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void withCarriersOfItsOwnARunComputingOnEveryCoreLeavesTheServerAnswering() throws Exception {
        assertAnswersDuringARun(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED"), false);
    }

    @Test
    void onTheServersCarriersARunComputingOnEveryCoreLeavesTheServerAnswering() throws Exception {
        assertAnswersDuringARun(List.of(), true);
    }

    /** Starts the server with these JVM options, which say whether it notes that runs share its carriers. */
    private static void assertAnswersDuringARun(List<String> jvmOptions, boolean sharing) throws Exception {
        String scenario = "for t in 1.." + CORES + ":\n  task \"t{t}\":\n    cpu 3s\n";
        try (AppProcess app = AppProcess.start(jvmOptions, Map.of("MAX_CPU_SECONDS", "60"))) {
            assertEquals(sharing, app.output().contains("share the web server's carriers"), app.output());
            Http http = new Http(app.url());
            String id = http.startRun(Map.of("scenario", scenario, "mode", "virtual-threads"));
            awaitRunning(http, id);
            long asked = System.nanoTime();
            Http.Reply status = http.get("/api/status");
            Duration took = Duration.ofNanos(System.nanoTime() - asked);
            assertEquals(200, status.status());
            assertTrue(took.compareTo(Duration.ofMillis(1200)) < 0, "GET /api/status took " + took.toMillis()
                    + " ms while the run computed");
            Map<String, Object> run = http.awaitRun(id, Duration.ofSeconds(60));
            assertEquals("done", run.get("status"), run.toString());
        }
    }

    /**
     * Waits until every task of the run is computing (each has started its cpu step); a server
     * that cannot answer while they compute answers only after the run, which fails here.
     */
    private static void awaitRunning(Http http, String id) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Map<String, Object> run = http.get("/api/runs/" + id).object();
            List<?> tasks = (List<?>) run.get("tasks");
            long computing = tasks.stream().filter(t -> String.valueOf(t).contains("detail=3s")).count();
            if (!List.of("queued", "running").contains(run.get("status"))) {
                throw new AssertionError("the server answered only once the run had ended: " + run);
            }
            if (computing == CORES) {
                Thread.sleep(200);
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run's tasks never all started computing");
    }
}
