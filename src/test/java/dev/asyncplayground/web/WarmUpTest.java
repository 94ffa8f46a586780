package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.exercise.Catalogue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The warm-up follows a run in every mode to its end, and is skipped only when asked. */
class WarmUpTest {

    @Test
    void followsARunToItsDoneEventInEveryMode() throws InterruptedException {
        WarmUp.Result result = WarmUp.run(Catalogue.builtIn());

        assertEquals(Mode.values().length, result.modesFollowed());
        assertTrue(result.complete());
        assertTrue(result.took().isPositive());
    }

    @ParameterizedTest(name = "WARM_UP=''{0}'' -> wanted {1}")
    @CsvSource({"'', true", "on, true", "off, false", "OFF, false", "' off ', false", "no, true"})
    void isSkippedOnlyWhenTheEnvironmentSaysOff(String value, boolean wanted) {
        assertEquals(wanted, WarmUp.wanted(Map.of("WARM_UP", value)));
    }

    @Test
    void isWantedWhenTheEnvironmentSaysNothing() {
        assertTrue(WarmUp.wanted(Map.of()));
    }
}
