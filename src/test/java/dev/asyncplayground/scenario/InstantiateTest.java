package dev.asyncplayground.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InstantiateTest {

    private static final Duration INSTANTLY = Duration.ofMillis(500);

    private static ScenarioDefinition parse(String text) {
        ParseResult result = ScenarioParser.parse(text);
        assertTrue(result.ok(), () -> result.diagnostics().toString());
        return result.scenario();
    }

    private static Program defaults(ScenarioDefinition scenario, int maxTasks) {
        return scenario.instantiate(Parameters.bind(scenario.params(), Map.of()), maxTasks);
    }

    @Nested
    class TaskLimit {

        @Test
        void aBillionTasksAreRefusedInstantlyWithTheirCount() {
            ScenarioDefinition scenario = parse("for i in 1..1000000000:\n  task \"n{i}\":\n    print \"{i}\"\n");
            LimitExceededException limit = assertTimeoutPreemptively(INSTANTLY,
                    () -> assertThrows(LimitExceededException.class, () -> defaults(scenario, 10_000)));
            assertEquals("MAX_TASKS", limit.limit());
            assertEquals("this scenario would create 1000000000 tasks; the limit is 10000 (MAX_TASKS)",
                    limit.getMessage());
        }

        @Test
        void exactlyTheLimitIsAllowedAndOneMoreIsNot() {
            ScenarioDefinition scenario = parse("param n = 3 int 1..100000\nfor i in 1..n:\n  task \"n{i}\":\n"
                    + "    wait 1s\n");
            assertEquals(10_000, scenario.instantiate(Map.of("n", new Value.Int(10_000)), 10_000).tasks().size());
            LimitExceededException limit = assertThrows(LimitExceededException.class,
                    () -> scenario.instantiate(Map.of("n", new Value.Int(10_001)), 10_000));
            assertEquals("this scenario would create 10001 tasks; the limit is 10000 (MAX_TASKS)", limit.getMessage());
        }

        @Test
        void aRaisedTaskLimitAllowsAMillionTasksForScaleDemos() {
            ScenarioDefinition scenario = parse("for i in 1..1000000:\n  task \"t{i}\":\n    wait 1s\n");
            Program program = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> defaults(scenario, 1_000_000));
            assertEquals(1_000_000, program.tasks().size());
        }
    }

    @Nested
    class StepAndWorkLimits {

        @Test
        void aBillionStepsAreRefusedInstantly() {
            ScenarioDefinition scenario = parse("task \"a\":\n  for k in 1..1000000000:\n    wait 1ms\n");
            LimitExceededException limit = assertTimeoutPreemptively(INSTANTLY,
                    () -> assertThrows(LimitExceededException.class, () -> defaults(scenario, 10_000)));
            assertEquals("MAX_STEPS", limit.limit());
        }

        @Test
        void theStepLimitCanBeChosen() {
            ScenarioDefinition scenario = parse("task \"a\":\n  for k in 1..11:\n    wait 1ms\n");
            assertEquals(11, scenario.instantiate(Map.of(), 10, 11).tasks().getFirst().steps().size());
            assertEquals("this scenario would create 11 steps; the limit is 10 (MAX_STEPS)",
                    assertThrows(LimitExceededException.class, () -> scenario.instantiate(Map.of(), 10, 10))
                            .getMessage());
        }

        @Test
        void aHugeLoopThatMakesNothingIsRefusedInstantly() {
            ScenarioDefinition scenario = parse("task \"a\":\n  for k in 1..1000000000:\n    if k < 0:\n"
                    + "      wait 1ms\n");
            LimitExceededException limit = assertTimeoutPreemptively(INSTANTLY,
                    () -> assertThrows(LimitExceededException.class, () -> defaults(scenario, 10_000)));
            assertEquals("MAX_WORK", limit.limit());
        }
    }

    @Nested
    class ParameterValues {

        private final ScenarioDefinition scenario = parse("param n = 2 int 1..5\nparam unit = 1s duration\n"
                + "task \"a\":\n  wait n * unit\n");

        @Test
        void missingValuesTakeTheirDefaults() {
            assertEquals(Duration.ofSeconds(6), wait(scenario.instantiate(Map.of("n", new Value.Int(6)), 10)));
            assertEquals(Duration.ofSeconds(2), wait(scenario.instantiate(Map.of(), 10)));
            assertEquals(Duration.ofSeconds(2), wait(scenario.instantiate(null, 10)));
        }

        @Test
        void aValueOfTheWrongTypeNamesTheParameter() {
            InvalidParameterException problem = assertThrows(InvalidParameterException.class,
                    () -> scenario.instantiate(Map.of("unit", new Value.Int(3)), 10));
            assertEquals("unit", problem.parameter());
            assertEquals("unit must be a duration with a unit, like 100ms, 1s or 2min", problem.getMessage());
        }

        private static Duration wait(Program program) {
            return ((Step.Wait) program.tasks().getFirst().steps().getFirst()).duration();
        }
    }

    @Nested
    class Sharing {

        @Test
        void oneScenarioExpandsTheSameOnManyThreadsAtOnce() throws Exception {
            ScenarioDefinition scenario = parse("param n = 50 int 1..100\nfor i in 1..n:\n  task \"t{i}\":\n"
                    + "    for k in 1..i:\n      wait k * 1ms \"{k}\"\n");
            Program expected = defaults(scenario, 10_000);
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<Program>> results = pool.invokeAll(Collections.nCopies(16,
                        () -> defaults(scenario, 10_000)));
                for (Future<Program> result : results) {
                    assertEquals(expected, result.get());
                }
            }
        }

        @Test
        void theProgramCannotBeChangedAfterwards() {
            Program program = defaults(parse("task \"a\":\n  print \"x\"\n"), 10);
            assertThrows(UnsupportedOperationException.class, () -> program.tasks().clear());
            assertThrows(UnsupportedOperationException.class, () -> program.tasks().getFirst().steps().clear());
        }
    }

    @Nested
    class AnswersAsValues {

        private final ScenarioDefinition scenario = parse("param n = 2 int 0..5\nparam unit = 1s duration\n"
                + "task \"first\":\n  wait unit / n\nfor i in 1..n:\n  task \"t{i}\":\n    wait unit\n");

        @Test
        void goodValuesGiveTheSameProgramAsInstantiating() {
            Expansion expansion = Expansion.of(scenario, Map.of("n", "3"), 10);
            assertEquals(new Expansion.Expanded(scenario.instantiate(Map.of("n", new Value.Int(3)), 10)), expansion);
        }

        @Test
        void aValueOutOfRangeNamesItsParameter() {
            assertEquals(new Expansion.BadValue("n", "n must be between 0 and 5 (got 9)"),
                    Expansion.of(scenario, Map.of("n", "9"), 10));
        }

        @Test
        void anUnknownParameterIsABadValueListingTheKnownOnes() {
            Expansion.BadValue bad = assertInstanceOf(Expansion.BadValue.class,
                    Expansion.of(scenario, Map.of("m", "1"), 10));
            assertEquals("m", bad.parameter());
            assertEquals("unknown parameter 'm'; known: n, unit", bad.message());
        }

        @Test
        void aProblemOnlyTheseValuesCauseComesWithItsLineAndColumn() {
            Expansion.Invalid invalid = assertInstanceOf(Expansion.Invalid.class,
                    Expansion.of(scenario, Map.of("n", "0"), 10));
            assertEquals(4, invalid.diagnostics().getFirst().line(), () -> invalid.diagnostics().toString());
        }

        @Test
        void tooManyTasksNameTheLimit() {
            Expansion.OverLimit over = assertInstanceOf(Expansion.OverLimit.class,
                    Expansion.of(scenario, Map.of("n", "5"), 4));
            assertEquals("MAX_TASKS", over.limit());
        }
    }
}
