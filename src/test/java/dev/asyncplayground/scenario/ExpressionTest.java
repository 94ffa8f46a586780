package dev.asyncplayground.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expressions evaluated through the language itself: {@code print "{expression}"}. */
class ExpressionTest {

    private static final String PARAMS = """
            param n = 7 int -100..100
            param unit = 250ms duration
            param list = [2, 4, 8] list of int
            param flag = true bool
            param kind = io choice cpu, io
            param zero = 0 int 0..1
            """;

    private static String value(String expression) {
        return run("task \"t\":\n  print \"{" + expression + "}\"\n", expression);
    }

    private static String truth(String condition) {
        return run("task \"t\":\n  if " + condition + ":\n    print \"true\"\n  else:\n    print \"false\"\n",
                condition);
    }

    private static String run(String task, String expression) {
        ParseResult result = ScenarioParser.parse(PARAMS + task);
        assertTrue(result.ok(), () -> expression + ": " + result.diagnostics());
        Program program = result.scenario().instantiate(Parameters.bind(result.scenario().params(), Map.of()), 10);
        return ((Step.Print) program.tasks().getFirst().steps().getFirst()).text();
    }

    @Nested
    class Numbers {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', value = {
            "1 + 2 * 3|7", "(1 + 2) * 3|9", "10 - 4 - 3|3", "-n|-7", "- -n|7", "2 * -3|-6",
            "n / 2|3", "-n / 2|-4", "n % 3|1", "-n % 3|2", "n * n - n|42", "999999999999999999 + 0|999999999999999999"})
        void wholeNumberArithmeticRoundsDown(String expression, String expected) {
            assertEquals(expected, value(expression));
        }
    }

    @Nested
    class Durations {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', value = {
            "unit|250ms", "n * unit|1.75s", "unit * n|1.75s", "unit + 1s|1.25s", "unit - 1s|-750ms",
            "unit / 2|125ms", "1s / unit|4", "1min / 7s|8", "-unit|-250ms", "1.5s + 0.5ms|1.5005s", "60 * 1s|1min"})
        void durationsScaleAddAndDivide(String expression, String expected) {
            assertEquals(expected, value(expression));
        }
    }

    @Nested
    class Conditions {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(delimiter = '|', value = {
            "n > 5 and n < 10|true", "n < 5 or flag|true", "not flag|false", "not n == 7|false",
            "4 in list|true", "n in list|false", "n not in list|true", "kind == \"io\"|true",
            "kind != \"cpu\"|true", "unit >= 250ms|true", "unit < 1s and 1s <= 1000ms|true",
            "list == [2, 4, 8]|true", "flag == false|false", "false and 1 / zero == 1|false",
            "true or 1 / zero == 1|true"})
        void conditionsAreTrueOrFalse(String expression, String expected) {
            assertEquals(expected, truth(expression));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {"1 < 2 < 3", "1 == 1 == true"})
        void comparisonsDoNotChain(String expression) {
            List<Diagnostic> found = ScenarioParser.parse("task \"t\":\n  print \"{" + expression + "}\"\n")
                    .diagnostics();
            assertEquals("comparisons cannot be chained; join them with 'and', like 1 < i and i < 9",
                    found.getFirst().message());
        }
    }
}
