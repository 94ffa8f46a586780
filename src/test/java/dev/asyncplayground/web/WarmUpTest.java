package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.exercise.Catalogue;
import io.javalin.Javalin;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The warm-up follows a run in every mode to its end, practises through the API and the form, and
 * is skipped only when asked.
 */
class WarmUpTest {

    @Test
    void followsARunToItsDoneEventInEveryMode() throws InterruptedException {
        WarmUp.Result result = WarmUp.run(Catalogue.builtIn());

        assertEquals(Mode.values().length, result.modesFollowed());
        assertTrue(result.complete());
        assertTrue(result.took().isPositive());
    }

    @Test
    void practisesThroughTheApiAndTheFormFollowingEveryRunItStartsToItsEnd() throws InterruptedException {
        Catalogue catalogue = Catalogue.builtIn();
        try (RunRegistry registry = WarmUp.throwawayRegistry()) {
            Javalin app = App.create(catalogue, registry).start("127.0.0.1", 0);
            try {
                int followed = Practice.rounds(app.port(), catalogue);

                assertEquals(Practice.ROUNDS * Mode.values().length, followed);
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void practisesOnlyExercisesTheCatalogueHas() {
        Catalogue catalogue = Catalogue.builtIn();

        for (Practice.Drill drill : Practice.DRILLS) {
            assertTrue(catalogue.find(drill.exercise()).isPresent(), drill.exercise());
        }
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
