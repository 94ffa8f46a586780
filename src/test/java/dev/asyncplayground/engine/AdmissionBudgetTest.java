package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdmissionBudgetTest {

    @Test
    void unsetVariablesKeepTheDefaults() {
        assertEquals(AdmissionBudget.DEFAULTS, AdmissionBudget.fromEnvironment(Map.of()));
    }

    @Test
    void eachVariableSetsItsPart() {
        AdmissionBudget budget = AdmissionBudget.fromEnvironment(Map.of("MAX_LIVE_TASKS", "500",
                "MAX_WAKEUPS_PER_SECOND", "1_000", "MAX_RUNS_PER_CLIENT", " 2 "));
        assertEquals(new AdmissionBudget(500, 1000, 2), budget);
    }

    @ParameterizedTest(name = "{0}={1} is refused, naming the variable")
    @CsvSource({"MAX_LIVE_TASKS, 0", "MAX_WAKEUPS_PER_SECOND, lots", "MAX_RUNS_PER_CLIENT, -1",
        "MAX_RUNS_PER_CLIENT, 2.5"})
    void aBadValueNamesTheVariable(String name, String value) {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> AdmissionBudget.fromEnvironment(Map.of(name, value)));
        assertTrue(bad.getMessage().startsWith(name + " must be"), bad.getMessage());
    }
}
