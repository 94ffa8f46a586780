package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsFromEnvironmentTest {

    @Test
    void anEmptyEnvironmentGivesTheBriefsDefaults() {
        Limits limits = Limits.fromEnvironment(Map.of());
        assertEquals(new Limits(10_000, Duration.ofSeconds(30), 10_000, 64, 8, Duration.ofSeconds(5)), limits);
        assertEquals(limits, Limits.defaults());
        assertEquals(limits, new Limits(10_000, Duration.ofSeconds(30), 10_000));
    }

    @Test
    void everyVariableOverridesItsLimit() {
        Limits limits = Limits.fromEnvironment(Map.of("MAX_TASKS", "1000000", "MAX_RUN_SECONDS", "2.5",
                "MAX_OUTPUT_LINES", "50", "MAX_CONCURRENT_RUNS", "4", "MAX_QUEUED_RUNS", "0", "MAX_CPU_SECONDS", "12"));
        assertEquals(new Limits(1_000_000, Duration.ofMillis(2_500), 50, 4, 0, Duration.ofSeconds(12)), limits);
    }

    @Test
    void blankValuesKeepTheDefault() {
        assertEquals(Limits.defaults(), Limits.fromEnvironment(Map.of("MAX_TASKS", " ", "MAX_CPU_SECONDS", "")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"MAX_TASKS, lots", "MAX_TASKS, 0", "MAX_TASKS, 1000001", "MAX_RUN_SECONDS, -1",
        "MAX_RUN_SECONDS, 30s", "MAX_OUTPUT_LINES, 1.5", "MAX_CONCURRENT_RUNS, 0", "MAX_QUEUED_RUNS, -2",
        "MAX_CPU_SECONDS, 0", "MAX_CPU_SECONDS, 999999"})
    void aBadValueIsRefusedNamingItsVariable(String name, String value) {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Limits.fromEnvironment(Map.of(name, value)));
        assertTrue(bad.getMessage().startsWith(name + " must be"), bad.getMessage());
        assertTrue(bad.getMessage().contains("'" + value + "'"), bad.getMessage());
    }
}
