package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON API of PRODUCT.md section 5, over real HTTP against the real app. */
class RunApiTest extends ApiTestSupport {


    private static Map<String, Object> counting(String mode, Map<String, Object> params) {
        return Map.of("exercise", "counting", "mode", mode, "params", params);
    }

    @Nested
    class Exercises {

        @Test
        void listsCountingWithTypedParametersAndDefaultModes() {
            Http.Reply reply = http.get("/api/exercises");
            assertEquals(200, reply.status());
            @SuppressWarnings("unchecked")
            Map<String, Object> counting = (Map<String, Object>) reply.array().getFirst();
            assertEquals("counting", counting.get("id"));
            assertEquals("Counting with naps", counting.get("title"));
            assertEquals(List.of("sequential", "virtual-threads"), counting.get("modes"));
            assertEquals(List.of(
                    Map.of("name", "count", "type", "int", "default", 30, "min", 1, "max", 200,
                            "description", "how far to count"),
                    Map.of("name", "sleepers", "type", "list of int", "default", List.of(8, 12), "min", 1, "max", 200,
                            "description", "numbers that nap before printing"),
                    Map.of("name", "unit", "type", "duration", "default", "1s", "min", "1ms", "max", "5s",
                            "description", "nap length per unit of the number")), counting.get("params"));
        }

        @Test
        void showsOneExerciseWithItsExplanation() {
            Map<String, Object> counting = http.get("/api/exercises/counting").object();
            assertTrue(((String) counting.get("explanation")).contains("nap"));
            assertNotNull(counting.get("question"));
        }

        @Test
        void answersAnUnknownExerciseWith404NamingTheKnownOnes() {
            Http.Reply reply = http.get("/api/exercises/nope");
            assertEquals(404, reply.status());
            assertTrue(((String) reply.object().get("error")).contains("counting"));
        }
    }

    @Nested
    class CreatingAndReadingRuns {

        @Test
        void sequentialPrintsInOrderAndTakesTheSumOfTheNaps() throws Exception {
            Http.Reply created = http.post("/api/runs", counting("sequential", Map.of("unit", "100ms")));
            assertEquals(201, created.status());
            String id = (String) created.object().get("id");
            assertEquals("/api/runs/" + id, created.header("Location"));

            Map<String, Object> run = http.awaitRun(id, Duration.ofSeconds(10));
            assertEquals("done", run.get("status"));
            assertEquals("sequential", run.get("mode"));
            assertEquals(2000.0, run.get("idealMs"));
            double elapsed = (Double) run.get("elapsedMs");
            assertTrue(elapsed >= 2000 && elapsed < 2400, "elapsed " + elapsed + " should be just over 2000 ms");
            assertEquals(IntStream.rangeClosed(1, 30).mapToObj(Integer::toString).toList(), texts(run));
            assertEquals(30, ((List<?>) run.get("tasks")).size());
        }

        @Test
        void virtualThreadsPrintTheSleepersLastAndTakeTheLongestNap() throws Exception {
            String id = http.startRun(counting("virtual-threads", Map.of("unit", "100ms")));
            Map<String, Object> run = http.awaitRun(id, Duration.ofSeconds(10));
            assertEquals("done", run.get("status"));
            assertEquals(1200.0, run.get("idealMs"));
            double elapsed = (Double) run.get("elapsedMs");
            assertTrue(elapsed >= 1200 && elapsed < 1600, "elapsed " + elapsed + " should be just over 1200 ms");
            List<String> output = texts(run);
            assertEquals(30, output.size());
            assertEquals(List.of("8", "12"), output.subList(28, 30));
        }

        @Test
        void speedScalesRealTimeButReportsScenarioTime() throws Exception {
            String id = http.startRun(Map.of("exercise", "counting", "mode", "sequential", "speed", 10,
                    "params", Map.of("count", 3, "sleepers", List.of(2), "unit", "1s")));
            long started = System.nanoTime();
            Map<String, Object> run = http.awaitRun(id, Duration.ofSeconds(10));
            assertTrue(System.nanoTime() - started < 1_500_000_000L, "a 2 s nap at speed 10 lasts 0.2 s");
            assertTrue((Double) run.get("elapsedMs") >= 2000, "times are reported in scenario milliseconds");
        }

        @Test
        void cancellingARunningRunStopsItsTasks() throws Exception {
            String id = http.startRun(counting("virtual-threads", Map.of("unit", "1s")));
            Thread.sleep(200);
            assertEquals(202, http.delete("/api/runs/" + id).status());
            Map<String, Object> run = http.awaitRun(id, Duration.ofSeconds(5));
            assertEquals("cancelled", run.get("status"));
            assertTrue(((String) run.get("message")).contains("cancelled"));
            assertTrue(statuses(run).contains("cancelled"), "the napping tasks end cancelled");
        }

        @Test
        void answersAnUnknownRunWith404() {
            assertEquals(404, http.get("/api/runs/doesnotexist").status());
            assertEquals(404, http.delete("/api/runs/doesnotexist").status());
        }

        @SuppressWarnings("unchecked")
        private static List<String> texts(Map<String, Object> run) {
            return ((List<Map<String, Object>>) run.get("output")).stream().map(o -> (String) o.get("text")).toList();
        }

        @SuppressWarnings("unchecked")
        private static List<Object> statuses(Map<String, Object> run) {
            return ((List<Map<String, Object>>) run.get("tasks")).stream().map(t -> t.get("status")).toList();
        }
    }

    @Nested
    class BadInput {

        @ParameterizedTest(name = "{0} = {1} → 400 naming {0}")
        @CsvSource(delimiter = '|', textBlock = """
                count    | "thirty"  | count must be a whole number
                count    | 500       | count must be between 1 and 200 (got 500)
                count    | 0         | count must be between 1 and 200 (got 0)
                sleepers | "eight"   | sleepers must be a JSON array of whole numbers
                sleepers | [8, 900]  | sleepers items must be between 1 and 200 (got 900)
                unit     | 100       | unit must be a duration with a unit
                unit     | "100"     | unit must be a duration with a unit
                unit     | "10min"   | unit must be between 1ms and 5s (got 10min)
                colour   | "red"     | unknown parameter 'colour'; known: count, sleepers, unit
                """)
        void aBadParameterIsA400ThatNamesIt(String name, String json, String message) {
            Http.Reply reply = http.post("/api/runs",
                    "{\"exercise\":\"counting\",\"mode\":\"sequential\",\"params\":{\"" + name + "\":" + json + "}}");
            assertEquals(400, reply.status(), reply.text());
            assertEquals(name, reply.object().get("parameter"));
            assertTrue(((String) reply.object().get("error")).startsWith(message), reply.text());
        }

        @ParameterizedTest(name = "{0} → 400: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                {"exercise":"counting"}                                   | "mode" is required
                {"exercise":"counting","mode":"green-threads"}            | unknown mode 'green-threads'
                {"exercise":"chess","mode":"sequential"}                  | unknown exercise 'chess'
                {"mode":"sequential"}                                     | say what to run
                {"exercise":"counting","mode":"sequential","speed":0}     | speed must be a number from 0.001 to 3600
                {"exercise":"counting","mode":"sequential","params":[1]}  | "params" must be an object
                {"exercise":"counting","mode":"sequential","colour":1}    | unknown field 'colour'
                [1, 2]                                                    | the body must be a JSON object
                {"exercise":                                              | the body is not valid JSON
                """)
        void aBadRequestIsA400ThatSaysWhatIsWrong(String body, String message) {
            Http.Reply reply = http.post("/api/runs", body);
            assertEquals(400, reply.status(), reply.text());
            assertTrue(((String) reply.object().get("error")).contains(message), reply.text());
        }

        @Test
        void invalidJsonReportsLineAndColumn() {
            Http.Reply reply = http.post("/api/runs", "{\n  \"exercise\": counting\n}");
            assertEquals(400, reply.status());
            assertEquals(2, reply.object().get("line"));
            assertNotNull(reply.object().get("column"));
        }

        @Test
        void aRunThatCouldNotFinishWithinTheWallClockLimitIsA422NamingTheLimit() {
            Http.Reply reply = http.post("/api/runs", counting("sequential",
                    Map.of("count", 200, "sleepers", List.of(100, 200), "unit", "5s")));
            assertEquals(422, reply.status(), reply.text());
            assertEquals("MAX_RUN_SECONDS", reply.object().get("limit"));
            assertTrue(((String) reply.object().get("error")).contains("1500.0 s"), reply.text());
        }
    }
}
