package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Learner-written scenarios through {@code POST /api/runs}: clear answers for every input, never a 500. */
class ScenarioApiTest extends ApiTestSupport {


    private static Http.Reply submit(String scenario) {
        return http.post("/api/runs", Map.of("scenario", scenario, "mode", "virtual-threads", "speed", 100));
    }

    @Nested
    class TheCountingSource {

        @SuppressWarnings("unchecked")
        @Test
        void behavesExactlyLikeTheBuiltInExercise() throws Exception {
            String source = (String) http.get("/api/exercises/counting").object().get("source");
            Map<String, Object> params = Map.of("count", 12, "sleepers", List.of(3, 7), "unit", "50ms");
            for (String mode : List.of("sequential", "virtual-threads")) {
                Map<String, Object> builtIn = http.awaitRun(http.startRun(
                        Map.of("exercise", "counting", "mode", mode, "params", params)), Duration.ofSeconds(10));
                Map<String, Object> typed = http.awaitRun(http.startRun(
                        Map.of("scenario", source, "mode", mode, "params", params)), Duration.ofSeconds(10));
                assertEquals(builtIn.get("idealMs"), typed.get("idealMs"), mode);
                assertEquals(builtIn.get("taskCount"), typed.get("taskCount"), mode);
                List<String> builtInOutput = texts(builtIn);
                List<String> typedOutput = texts(typed);
                if (mode.equals("sequential")) {
                    assertEquals(builtInOutput, typedOutput);
                } else {
                    assertEquals(builtInOutput.subList(10, 12), typedOutput.subList(10, 12), "3 then 7 last");
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static List<String> texts(Map<String, Object> run) {
            return ((List<Map<String, Object>>) run.get("output")).stream().map(o -> (String) o.get("text")).toList();
        }
    }

    @Nested
    class SharedValues {

        private static final String BANK = String.join("\n",
                "param useLock = true  bool  \"clerks take the vault lock\"",
                "shared balance = 100",
                "for c in 1..5:",
                "  task \"clerk {c}\":",
                "    if useLock:",
                "      lock \"vault\":",
                "        update balance by 10 thinking 100ms",
                "    else:",
                "      update balance by 10 thinking 100ms");

        private long finalBalance(boolean useLock) throws InterruptedException {
            Map<String, Object> run = http.awaitRun(http.startRun(Map.of("scenario", BANK, "mode", "virtual-threads",
                    "params", Map.of("useLock", useLock))), Duration.ofSeconds(10));
            assertEquals("done", run.get("status"));
            return ((Number) ((Map<?, ?>) run.get("shared")).get("balance")).longValue();
        }

        @Test
        void withoutTheLockUpdatesAreLostAndTheFinalValueShowsIt() throws Exception {
            assertTrue(finalBalance(false) < 150, "concurrent clerks read the same old balance");
        }

        @Test
        void withTheLockNoUpdateIsLost() throws Exception {
            assertEquals(150, finalBalance(true));
        }
    }

    @Nested
    class BadScenarios {

        @Test
        void anErrorIsA400WithLineColumnAndEveryDiagnostic() {
            Http.Reply reply = submit("task \"a\":\n  wiat 1s\ntask \"b\":\n  print 42 43\n");
            assertEquals(400, reply.status(), reply.text());
            assertEquals(2, reply.object().get("line"));
            assertEquals(3, reply.object().get("column"));
            assertTrue(((String) reply.object().get("error")).contains("wiat"), reply.text());
            assertTrue(((List<?>) reply.object().get("diagnostics")).size() >= 2, "both errors at once");
        }

        @Test
        void aScenarioPastTheTaskLimitIsA422NamingIt() {
            Http.Reply reply = submit("for i in 1..1000000000:\n  task \"t{i}\":\n    wait 1ms\n");
            assertEquals(422, reply.status(), reply.text());
            assertEquals("MAX_TASKS", reply.object().get("limit"));
        }

        @Test
        void aScenarioOver64KiBIsA413() {
            Http.Reply reply = submit("# " + "x".repeat(70 * 1024) + "\ntask \"a\":\n  wait 1ms\n");
            assertEquals(413, reply.status(), reply.text());
            assertTrue(((String) reply.object().get("error")).contains("64 KiB"));
        }

        @Test
        void aOneMegabyteBodyIsRefusedWithoutA500() {
            Http.Reply reply = http.postLarge("/api/runs", "{\"scenario\":\"" + "x".repeat(1024 * 1024) + "\"}");
            assertEquals(413, reply.status(), reply.text());
        }
    }

    static Stream<Arguments> awkwardInputs() {
        Random random = new Random(42);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            noise.append((char) random.nextInt(0x3000));
        }
        return Stream.of(
                Arguments.of("CRLF line endings", "task \"a\":\r\n  wait 10ms\r\n  print \"ok\"\r\n"),
                Arguments.of("tabs", "task \"a\":\n\twait 10ms\n\tprint \"ok\"\n"),
                Arguments.of("non-ASCII", "task \"café ☕\":\n  print \"naïve — 東京\"\n"),
                Arguments.of("deep nesting", nested(200)),
                Arguments.of("random characters", noise.toString()),
                Arguments.of("NUL bytes", "task \"a\":\u0000\n  wait 1ms\n"),
                Arguments.of("empty", ""),
                Arguments.of("a loop over a billion steps", "task \"a\":\n  for i in 1..1000000000:\n    print \"{i}\"\n"));
    }

    private static String nested(int depth) {
        StringBuilder text = new StringBuilder("task \"deep\":\n");
        for (int i = 1; i <= depth; i++) {
            text.append("  ".repeat(i)).append("if true:\n");
        }
        return text.append("  ".repeat(depth + 1)).append("print \"bottom\"\n").toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardInputs")
    void awkwardInputGets201OrAClearError(String name, String scenario) {
        Http.Reply reply = submit(scenario);
        assertNotEquals(500, reply.status(), reply.text());
        assertTrue(List.of(201, 400, 413, 422).contains(reply.status()), name + ": " + reply.text());
        if (reply.status() != 201) {
            assertTrue(((String) reply.object().get("error")).length() > 10, "a message that says what: " + reply.text());
        }
    }
}
