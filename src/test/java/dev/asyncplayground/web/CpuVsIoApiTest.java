package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The textbook results of the cpu-vs-io exercise, through the API: semantics with generous
 * margins, never speed.
 */
class CpuVsIoApiTest extends ApiTestSupport {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static Map<String, Object> run(String mode, String kind, int tasks, String duration, Integer threads)
            throws InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("exercise", "cpu-vs-io", "mode", mode,
                "params", Map.of("tasks", tasks, "kind", kind, "duration", duration)));
        if (threads != null) {
            body.put("threads", threads);
        }
        Map<String, Object> run = http.awaitRun(http.startRun(body), Duration.ofSeconds(30));
        assertEquals("done", run.get("status"), run.toString());
        return run;
    }

    private static double elapsed(Map<String, Object> run) {
        return ((Number) run.get("elapsedMs")).doubleValue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"virtual-threads", "event-loop", "platform-threads"})
    void ioTasksOverlapInEveryConcurrentMode(String mode) throws Exception {
        Map<String, Object> run = run(mode, "io", 4, "400ms", mode.equals("platform-threads") ? 4 : null);
        assertTrue(elapsed(run) < 2 * 400, "4 waits of 400 ms overlap: " + elapsed(run));
        assertEquals(4, run.get("peakConcurrency"));
    }

    @Test
    void cpuTasksDoNotBeatTheCoreCount() throws Exception {
        int tasks = CORES * 2;
        Map<String, Object> run = run("virtual-threads", "cpu", tasks, "200ms", null);
        double floor = (double) tasks * 200 / CORES;
        assertTrue(elapsed(run) >= floor * 0.95, tasks + " × 200 ms of CPU on " + CORES + " cores cannot take less than "
                + floor + " ms: " + elapsed(run));
        List<Double> starts = taskTimes(run, "startMs");
        List<Double> ends = taskTimes(run, "endMs");
        for (int i = CORES; i < tasks; i++) {
            assertTrue(starts.get(i) >= ends.get(i - CORES) - 5, "no more tasks compute at once than there are cores, "
                    + "as on plain carriers (the server's spare carrier is not theirs): " + starts + " " + ends);
        }
        assertTrue(((Number) run.get("threadsUsed")).intValue() <= CORES + 1,
                "virtual threads run on the carriers: one per core and the server's spare");
    }

    @Test
    void theEventLoopIsBlockedByCpuWork() throws Exception {
        Map<String, Object> run = run("event-loop", "cpu", 3, "200ms", null);
        assertTrue(elapsed(run) >= 3 * 200 * 0.95, "one thread computes one task after another: " + elapsed(run));
        assertEquals(1, run.get("threadsUsed"), "an event loop is one thread");
        List<Double> ends = taskTimes(run, "endMs");
        for (int i = 1; i < ends.size(); i++) {
            assertTrue(ends.get(i) - ends.get(i - 1) >= 150, "each task ends a CPU step after the previous: " + ends);
        }
    }

    @Test
    void aPoolOfTwoThreadsRunsEightIoTasksInFourWaves() throws Exception {
        Map<String, Object> run = run("platform-threads", "io", 8, "300ms", 2);
        List<Double> starts = taskTimes(run, "startMs");
        List<Double> ends = taskTimes(run, "endMs");
        for (int i = 2; i < 8; i++) {
            assertTrue(starts.get(i) >= ends.get(i - 2),
                    "the task started " + (i + 1) + "th waits until a thread is freed: " + starts + " " + ends);
        }
        assertTrue(elapsed(run) >= 4 * 300, "four waves of 300 ms: " + elapsed(run));
        assertEquals(2, run.get("peakConcurrency"), "never more than the pool's two threads at once");
        assertEquals(2, run.get("threadsUsed"));
    }

    @SuppressWarnings("unchecked")
    private static List<Double> taskTimes(Map<String, Object> run, String field) {
        return ((List<Map<String, Object>>) run.get("tasks")).stream()
                .map(task -> ((Number) task.get(field)).doubleValue())
                .sorted(Comparator.naturalOrder()).toList();
    }
}
