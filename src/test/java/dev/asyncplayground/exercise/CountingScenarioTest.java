package dev.asyncplayground.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.LimitExceededException;
import dev.asyncplayground.scenario.ParseResult;
import dev.asyncplayground.scenario.Parameters;
import dev.asyncplayground.scenario.ScenarioDefinition;
import dev.asyncplayground.scenario.ScenarioParser;
import dev.asyncplayground.scenario.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The counting exercise in the scenario language must behave exactly like the hand-written {@link Counting}. */
class CountingScenarioTest {

    private static final Counting JAVA = new Counting();
    private static ScenarioDefinition text;

    @BeforeAll
    static void parseTheShippedScenario() throws IOException {
        ParseResult result = ScenarioParser.parse(read("/exercises/counting.scn"));
        assertTrue(result.ok(), () -> "counting.scn should parse, but: " + result.diagnostics());
        text = result.scenario();
    }

    static String read(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(CountingScenarioTest.class.getResourceAsStream(resource),
                resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<Map<String, Object>> parameterSets() {
        return Stream.of(
                Map.of(),
                Map.of("count", 12, "sleepers", List.of(3, 12), "unit", "10ms"),
                Map.of("count", 200, "sleepers", List.of(1, 100, 200, 100), "unit", "5s"),
                Map.of("count", 1, "sleepers", List.of(), "unit", "1ms"),
                Map.of("count", "7", "sleepers", "7, 8", "unit", "1.5s"),
                Map.of("count", 5, "sleepers", List.of(200), "unit", "250ms"));
    }

    @Test
    void declaresTheSameParametersInTheSameOrder() {
        assertEquals(JAVA.params(), text.params());
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void expandsToTheSameProgram(Map<String, Object> submitted) {
        Map<String, Value> values = Parameters.bind(JAVA.params(), submitted);
        assertEquals(JAVA.instantiate(values, 10_000), text.instantiate(values, 10_000));
    }

    @Test
    void refusesTooManyTasksLikeTheJavaVersion() {
        Map<String, Value> values = Parameters.bind(JAVA.params(), Map.of("count", 200));
        assertThrows(LimitExceededException.class, () -> JAVA.instantiate(values, 100));
        LimitExceededException limit = assertThrows(LimitExceededException.class,
                () -> text.instantiate(values, 100));
        assertEquals("MAX_TASKS", limit.limit());
    }

    @Test
    void goldenCopyIsTheShippedFile() throws IOException {
        assertEquals(read("/exercises/counting.scn"), read("/scenarios/exercises/counting.scn"));
    }
}
