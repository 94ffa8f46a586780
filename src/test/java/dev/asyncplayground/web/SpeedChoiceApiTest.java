package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run whose shortest step, or whose chain of steps in a row, would be too short to time at the
 * speed asked goes slower, and the API says which speed it went at, which was asked, and why.
 */
class SpeedChoiceApiTest extends ApiTestSupport {

    private static Map<String, Object> chess(String mode, Map<String, Object> params) throws InterruptedException {
        Map<String, Object> run = http.awaitRun(http.startRun(Map.of("exercise", "chess-simul",
                "mode", mode, "params", params)), Duration.ofSeconds(30));
        assertEquals("done", run.get("status"), run.toString());
        return run;
    }

    @Test
    void aChessSimulWithQuickMovesGoesSlowerThanTheExercisesSpeedAndSaysWhy() throws Exception {
        Map<String, Object> run = chess("sequential", Map.of("moves", 2, "think", "100ms", "reply", "1s"));

        assertEquals(20.0, run.get("speed"), "100 ms moves last 5 ms of real time at speed 20");
        assertEquals(1000.0, run.get("speedAsked"));
        String note = (String) run.get("speedNote");
        assertTrue(note.startsWith("this run went at speed 20 instead of 1000: at 1000 its shortest step, 100 ms,"
                + " would last 0.1 ms of real time"), note);
        assertEquals(22_000.0, ((Number) run.get("idealMs")).doubleValue(), 0.001,
                "times stay in scenario milliseconds, whatever the speed");
    }

    @Test
    void aChessSimulAtItsDefaultsGoesAtTheExercisesSpeedWithNothingToSay() throws Exception {
        Map<String, Object> run = chess("sequential", Map.of());

        assertEquals(1000.0, run.get("speed"), "5 s moves last 5 ms of real time at speed 1000");
        assertEquals(1000.0, run.get("speedAsked"));
        assertEquals("", run.get("speedNote"));
    }

    @Test
    void aChessSimulWhoseMasterHandsItsMovesOnInALongChainGoesSlowerAndSaysWhy() throws Exception {
        Map<String, Object> run = chess("virtual-threads", Map.of());

        assertEquals(377.0, run.get("speed"), "the bar's 6.41 s of slack must hold 3 ms and 28 late wake-ups of 0.5 ms");
        assertEquals(1000.0, run.get("speedAsked"));
        String note = (String) run.get("speedNote");
        assertTrue(note.startsWith("this run went at speed 377 instead of 1000: at 1000 the 6.41 s its fidelity bar"
                + " allows over the ideal, for starting and ending it and going on after 28 steps in a row, would"
                + " last 6.4 ms of real time"), note);
    }

    @Test
    void aComputingRunWithTheInterpreterLockKeepsItsSpeedAndSaysItsTurnsMayMakeItsTimesRunLong() throws Exception {
        String id = http.startRun(Map.of("exercise", "cpu-vs-io", "mode", "platform-threads", "gil", true,
                "params", Map.of("kind", "cpu")));
        try {
            Map<String, Object> run = http.get("/api/runs/" + id).object();

            assertEquals(1.0, run.get("speed"), "a run asked to go at real time is never slowed further");
            assertEquals(1.0, run.get("speedAsked"));
            String note = (String) run.get("speedNote");
            assertTrue(note.startsWith("at speed 1 the 90 ms its fidelity bar allows over the ideal, for starting and"
                    + " ending it and going on after "), note);
            assertTrue(note.contains("so this run's times may run long"), note);
        } finally {
            http.delete("/api/runs/" + id);
        }
    }
}
