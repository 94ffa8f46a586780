package dev.asyncplayground.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioParserTest {

    private static final String SMALL = "task \"a\":\n  print \"x\"\n";

    private static List<String> messages(String text) {
        return ScenarioParser.parse(text).diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Nested
    class Results {

        @Test
        void aValidTextGivesAScenarioAndNoDiagnostics() {
            ParseResult result = ScenarioParser.parse(SMALL);
            assertTrue(result.ok());
            assertEquals(List.of(), result.diagnostics());
        }

        @Test
        void anInvalidTextGivesDiagnosticsAndNoScenario() {
            String text = "task \"a\"\n  wait 5sec\ntask \"b\":\n  wait 100\n";
            ParseResult result = ScenarioParser.parse(text);
            assertFalse(result.ok());
            assertNull(result.scenario());
            assertEquals(List.of("1:9: expected ':' at the end of 'task \"a\"'",
                    "2:8: unknown unit 'sec' in '5sec'; did you mean 5s? durations use ms, s or min, like 100ms, 1s"
                            + " or 2min",
                    "4:8: 'wait' needs a duration with a unit, like 100ms, 1s or 2min"), messages(text));
        }

        @Test
        void nullIsTreatedAsAnEmptyText() {
            assertEquals(messages(""), messages(null));
        }

        @Test
        void diagnosticsComeInTextOrderWhateverFoundThem() {
            List<String> found = messages("task \"a\":\n  wait coutn\n  wait 1x\nparam count = 3 int 1..5\n");
            assertEquals(List.of("2:8: unknown name 'coutn'; did you mean 'count'?",
                    "3:8: unknown unit 'x' in '1x'; durations use ms, s or min, like 100ms, 1s or 2min"), found);
        }

        @Test
        void atMostFiftyDiagnosticsAreReportedPlusOneThatCountsTheRest() {
            String text = "task \"a\":\n" + "  wait 1\n".repeat(80);
            List<String> found = messages(text);
            assertEquals(51, found.size());
            assertEquals("52:8: and 30 more problems (only the first 50 are shown)", found.getLast());
        }
    }

    @Nested
    class LineEndings {

        @ParameterizedTest
        @ValueSource(strings = {"\r\n", "\r"})
        void crlfAndCrReadLikeLf(String ending) {
            String text = "param n = 2 int 1..3\nfor i in 1..n:\n  task \"t{i}\":\n    print \"{i}\"\n  # c\n";
            Program lf = expand(text);
            assertEquals(lf, expand(text.replace("\n", ending)));
        }

        @Test
        void errorPositionsAreTheSameWithCrlf() {
            String text = "task \"a\":\n  wait 1\n  wait 2\n";
            assertEquals(messages(text), messages(text.replace("\n", "\r\n")));
        }

        private static Program expand(String text) {
            ScenarioDefinition scenario = ScenarioParser.parse(text).scenario();
            return scenario.instantiate(Parameters.bind(scenario.params(), Map.of()), 100);
        }
    }

    @Nested
    class TextSize {

        @Test
        void exactly64KiBIsAccepted() {
            String text = SMALL + "#".repeat(ScenarioLimits.MAX_TEXT_BYTES - SMALL.length());
            assertTrue(ScenarioParser.parse(text).ok());
        }

        @Test
        void oneByteMoreIsRefusedAt1x1NamingTheLimit() {
            String text = SMALL + "#".repeat(ScenarioLimits.MAX_TEXT_BYTES - SMALL.length() + 1);
            assertEquals(List.of("1:1: scenario text is 65 KiB; the limit is 64 KiB"), messages(text));
        }

        @Test
        void theSizeIsCountedInUtf8Bytes() {
            String text = SMALL + "#" + "é".repeat(ScenarioLimits.MAX_TEXT_BYTES / 2);
            assertEquals(List.of("1:1: scenario text is 65 KiB; the limit is 64 KiB"), messages(text));
        }

        @Test
        void aMegabyteIsRefusedWithoutBeingRead() {
            assertEquals(List.of("1:1: scenario text is 1024 KiB; the limit is 64 KiB"),
                    messages("x".repeat(1024 * 1024)));
        }
    }
}
