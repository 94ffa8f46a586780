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
        assertEquals(new Limits(10_000, Duration.ofSeconds(30), 10_000, 256, 8, Duration.ofSeconds(5)), limits);
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
    void theRunCostVariablesOverrideTheirLimits() {
        Limits limits = Limits.fromEnvironment(Map.of("MAX_EVENTS", "2000", "MAX_ENGINE_CPU_SECONDS", "0.5",
                "MAX_OUTPUT_BYTES", "4096"));
        assertEquals(Limits.defaults().withCosts(2_000, Duration.ofMillis(500), 4_096), limits);
    }

    @Test
    void theRunCostDefaultsFitTheTaskLimit() {
        Limits defaults = Limits.defaults();
        assertEquals(1_000_000, defaults.maxEvents());
        assertEquals(Duration.ofSeconds(5), defaults.maxEngineTime());
        assertEquals(1 << 20, defaults.maxOutputBytes());
        Limits scale = Limits.fromEnvironment(Map.of("MAX_TASKS", "1000000"));
        assertEquals(5_000_000, scale.maxEvents(), "room for a million tasks to start, wait once and end");
        assertEquals(Duration.ofSeconds(10), scale.maxEngineTime());
    }

    @Test
    void theRunStoreBudgetIsAQuarterOfTheHeapUnlessRunStoreMbSaysOtherwise() {
        assertEquals(Runtime.getRuntime().maxMemory() / 4, StoreBudget.fromEnvironment(Map.of()));
        assertEquals(64L << 20, StoreBudget.fromEnvironment(Map.of("RUN_STORE_MB", "64")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> StoreBudget.fromEnvironment(Map.of("RUN_STORE_MB", "0")));
        assertTrue(bad.getMessage().startsWith("RUN_STORE_MB must be"), bad.getMessage());
    }

    @Test
    void blankValuesKeepTheDefault() {
        assertEquals(Limits.defaults(), Limits.fromEnvironment(Map.of("MAX_TASKS", " ", "MAX_CPU_SECONDS", "")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"MAX_TASKS, lots", "MAX_TASKS, 0", "MAX_TASKS, 1000001", "MAX_RUN_SECONDS, -1",
        "MAX_RUN_SECONDS, 30s", "MAX_OUTPUT_LINES, 1.5", "MAX_CONCURRENT_RUNS, 0", "MAX_QUEUED_RUNS, -2",
        "MAX_CPU_SECONDS, 0", "MAX_CPU_SECONDS, 999999", "MAX_EVENTS, 10", "MAX_EVENTS, many",
        "MAX_ENGINE_CPU_SECONDS, 0", "MAX_OUTPUT_BYTES, 1e6"})
    void aBadValueIsRefusedNamingItsVariable(String name, String value) {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Limits.fromEnvironment(Map.of(name, value)));
        assertTrue(bad.getMessage().startsWith(name + " must be"), bad.getMessage());
        assertTrue(bad.getMessage().contains("'" + value + "'"), bad.getMessage());
    }
}
