package dev.asyncplayground.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.IdealEstimate;
import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.scenario.Param;
import dev.asyncplayground.scenario.ParamType;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Value;
import dev.asyncplayground.scenario.Parameters;
import dev.asyncplayground.timeline.Measure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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

    /**
     * Every parameter at its largest (each true/false both ways) still runs within the default
     * wall-clock limit in every mode at the exercise's speed, so no in-range value is refused.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"laundry", "chess-simul", "page-load", "api-calls", "bank-update", "responsive-ui"})
    void theLargestValuesInRangeStillFitTheWallClockLimit(String id) {
        Exercise exercise = exercise(id);
        double limit = Limits.defaults().maxRunTime().toMillis() / 1000.0;
        List<Param> bools = exercise.scenario().params().stream().filter(p -> p.type() == ParamType.BOOL).toList();
        for (int mask = 0; mask < 1 << bools.size(); mask++) {
            Map<String, Value> values = new HashMap<>();
            for (Param param : exercise.scenario().params()) {
                values.put(param.name(), param.type() == ParamType.BOOL
                        ? new Value.Bool((mask >> bools.indexOf(param) & 1) == 1)
                        : param.max() != null ? param.max() : param.defaultValue());
            }
            Program program = exercise.scenario().instantiate(values, 10_000);
            for (Mode mode : Mode.values()) {
                double seconds = IdealEstimate.realSeconds(program, mode, exercise.speed());
                assertTrue(seconds <= limit, id + " " + values + " under " + mode.id() + " takes " + seconds + " s");
            }
        }
    }

    @Test
    void everyExerciseHasItsWordsAModeAndASpeedTheApiAccepts() {
        for (Exercise exercise : CATALOGUE.all()) {
            assertTrue(!exercise.see().isBlank() && !exercise.modes().isEmpty(), exercise.id());
            assertTrue(exercise.speed() > 0 && exercise.speed() <= 3600, exercise.id() + " speed " + exercise.speed());
        }
    }
}
