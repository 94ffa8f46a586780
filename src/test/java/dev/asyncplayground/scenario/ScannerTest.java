package dev.asyncplayground.scenario;

import static dev.asyncplayground.scenario.TokenType.COLON;
import static dev.asyncplayground.scenario.TokenType.DEDENT;
import static dev.asyncplayground.scenario.TokenType.DURATION;
import static dev.asyncplayground.scenario.TokenType.EOF;
import static dev.asyncplayground.scenario.TokenType.ERROR;
import static dev.asyncplayground.scenario.TokenType.IDENTIFIER;
import static dev.asyncplayground.scenario.TokenType.INDENT;
import static dev.asyncplayground.scenario.TokenType.INT;
import static dev.asyncplayground.scenario.TokenType.NEWLINE;
import static dev.asyncplayground.scenario.TokenType.PRINT;
import static dev.asyncplayground.scenario.TokenType.STRING;
import static dev.asyncplayground.scenario.TokenType.TASK;
import static dev.asyncplayground.scenario.TokenType.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScannerTest {

    private static List<Token> scan(String text, Diagnostics diagnostics) {
        return new Scanner(text, diagnostics).scanProgram();
    }

    private static List<TokenType> types(String text) {
        return scan(text, new Diagnostics()).stream().map(Token::type).toList();
    }

    @Nested
    class Layout {

        @Test
        void indentedLinesOpenAndCloseBlocks() {
            assertEquals(List.of(TASK, STRING, COLON, NEWLINE, INDENT, PRINT, STRING, NEWLINE, DEDENT, EOF),
                    types("task \"a\":\n  print \"x\"\n"));
        }

        @Test
        void blankLinesAndCommentsDoNotChangeTheBlocks() {
            assertEquals(types("task \"a\":\n  print \"x\"\n  print \"y\"\n"),
                    types("task \"a\":   # c\n\n      # deeper comment\n  print \"x\"\n\n# left\n  print \"y\"\n"));
        }

        @Test
        void oneLineCanCloseSeveralBlocks() {
            List<TokenType> types = types("a\n b\n  c\nd\n");
            assertEquals(2, types.stream().filter(t -> t == DEDENT).count());
            assertEquals(List.of(DEDENT, DEDENT, IDENTIFIER, NEWLINE), types.subList(8, 12));
        }

        @Test
        void theEndOfTheTextClosesEveryOpenBlock() {
            assertEquals(List.of(IDENTIFIER, NEWLINE, INDENT, IDENTIFIER, NEWLINE, INDENT, IDENTIFIER, NEWLINE,
                    DEDENT, DEDENT, EOF), types("a\n b\n  c"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "a tab is four columns|'\t'|'    '",
            "a tab after two spaces reaches column four|'  \t'|'    '",
            "two tabs are eight columns|'\t\t'|'        '",
            "a tab after four spaces reaches column eight|'    \t'|'        '"})
        void tabsAdvanceToTheNextMultipleOfFour(String name, String tabs, String spaces) {
            String body = "a\n    b\n" + tabs + "c\n";
            Diagnostics diagnostics = new Diagnostics();
            assertEquals(types("a\n    b\n" + spaces + "c\n"), types(body));
            scan(body, diagnostics);
            assertTrue(diagnostics.isEmpty());
        }

        @Test
        void aDedentToNoOpenLevelIsReported() {
            Diagnostics diagnostics = new Diagnostics();
            scan("a\n    b\n  c\n", diagnostics);
            assertEquals("3:3: this line is indented by 2 columns, which lines up with no block above (those are"
                    + " at 0 or 4 columns)", diagnostics.report().getFirst().format());
        }
    }

    @Nested
    class Literals {

        @ParameterizedTest(name = "{0} is {1} ms")
        @CsvSource({"100ms, 100", "1s, 1000", "1.5s, 1500", "2min, 120000", "0.5ms, 0.5", "0ms, 0", "007s, 7000"})
        void durationsCarryTheirValue(String text, double millis) {
            Token token = scan(text, new Diagnostics()).getFirst();
            assertEquals(DURATION, token.type());
            assertEquals(Duration.ofNanos(Math.round(millis * 1_000_000)), ((Value.Dur) token.literal()).value());
        }

        @Test
        void aRangeIsTwoNumbersAroundTwoDots() {
            assertEquals(List.of(INT, TokenType.DOT_DOT, IDENTIFIER, NEWLINE, EOF), types("1..count"));
        }

        @Test
        void stringsSplitIntoTextAndCode() {
            Token token = scan("\"n{i} {{x}} \\\"q\\\"\"", new Diagnostics()).getFirst();
            assertEquals(List.of(new Chunk.Literal("n"), new Chunk.Code("i", 1, 4), new Chunk.Literal(" {x} \"q\"")),
                    token.chunks());
        }

        @Test
        void columnsCountCharactersNotBytesOrUtf16Units() {
            List<Token> tokens = scan("\"🎉é\" wait", new Diagnostics());
            assertEquals(WAIT, tokens.get(1).type());
            assertEquals(6, tokens.get(1).column());
        }
    }

    @Nested
    class Junk {

        @Test
        void aRunOfControlCharactersIsOneErrorToken() {
            Diagnostics diagnostics = new Diagnostics();
            List<Token> tokens = scan("wait \u0000\u0001\u0002 1s", diagnostics);
            assertEquals(List.of(WAIT, ERROR, DURATION, NEWLINE, EOF), tokens.stream().map(Token::type).toList());
            assertEquals(List.of("1:6: unexpected character U+0000"),
                    diagnostics.report().stream().map(Diagnostic::format).toList());
        }

        @Test
        void everySingleCharacterScansWithoutThrowing() {
            for (int c = 0; c <= 0xFFFF; c++) {
                String text = "task \"a\":\n  wait 1s " + (char) c + "x\n";
                assertFalse(scan(text, new Diagnostics()).isEmpty());
            }
        }
    }
}
