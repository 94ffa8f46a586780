package dev.asyncplayground.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Param;
import dev.asyncplayground.scenario.Parameters;
import dev.asyncplayground.timeline.Measure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in catalogue: the eight exercises of the product brief, their parameters and what they measure. */
class CatalogueTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();

    private static Exercise exercise(String id) {
        return CATALOGUE.find(id).orElseThrow();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = CatalogueTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theEightExercisesComeInTheOrderOfTheProductBrief() {
        assertEquals(List.of("counting", "laundry", "chess-simul", "page-load", "api-calls", "bank-update", "cpu-vs-io",
                "responsive-ui"), CATALOGUE.ids());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"laundry", "chess-simul", "page-load", "api-calls", "bank-update", "responsive-ui"})
    void theShippedScenarioIsItsGoldenTestScenario(String id) throws IOException {
        assertEquals(read("/exercises/" + id + ".scn"), read("/scenarios/exercises/" + id + ".scn"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "chess-simul; boards moves think reply",
        "api-calls; requests limit latency",
        "bank-update; clerks amount think useLock",
        "page-load; images latency useTimeout giveUpAfter",
        "laundry; loads washing drying move chores",
        "responsive-ui; ticks tick compress"})
    void parametersCarryTheNamesOfTheBrief(String id, String names) {
        assertEquals(List.of(names.split(" ")), exercise(id).scenario().params().stream().map(Param::name).toList());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "bank-update; expectedBalance finalBalance lostUpdates",
        "responsive-ui; largestUiGapMs uiTicks",
        "api-calls; requestsPerSecond maxInFlight meanQueueWaitMs",
        "page-load; usableAtMs cancelledRequests",
        "chess-simul; masterBusyPercent",
        "laundry; personBusyPercent machinesOverlapMs",
        "cpu-vs-io; cpuSpeedup"})
    void eachLessonMeasuresTheFiguresOfTheBrief(String id, String names) {
        Exercise exercise = exercise(id);
        List<Measure> measures = exercise.scenario().instantiate(
                Parameters.bind(exercise.scenario().params(), Map.of()), 10_000).measures();
        assertEquals(List.of(names.split(" ")), measures.stream().map(Measure::name).toList());
    }

    @Test
    void everyExerciseHasItsWordsAModeAndASpeedTheApiAccepts() {
        for (Exercise exercise : CATALOGUE.all()) {
            assertTrue(!exercise.see().isBlank() && !exercise.modes().isEmpty(), exercise.id());
            assertTrue(exercise.speed() > 0 && exercise.speed() <= 3600, exercise.id() + " speed " + exercise.speed());
        }
    }
}
