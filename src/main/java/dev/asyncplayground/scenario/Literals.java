package dev.asyncplayground.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the literals of scenario text for the scanner: whole numbers, durations and strings. */
final class Literals {

    private static final int MAX_DIGITS = 18;
    private static final Set<String> UNITS = Set.of("ms", "s", "min");
    private static final Map<String, String> UNIT_MISTAKES = Map.ofEntries(
            Map.entry("sec", "s"), Map.entry("secs", "s"), Map.entry("second", "s"), Map.entry("seconds", "s"),
            Map.entry("m", "min"), Map.entry("mins", "min"), Map.entry("minute", "min"),
            Map.entry("minutes", "min"), Map.entry("msec", "ms"), Map.entry("millis", "ms"),
            Map.entry("milliseconds", "ms"), Map.entry("S", "s"), Map.entry("MS", "ms"), Map.entry("Min", "min"));
    private static final Set<String> HOURS = Set.of("h", "hr", "hrs", "hour", "hours");

    private final Scanner scanner;
    private final CharCursor in;

    Literals(Scanner scanner, CharCursor in) {
        this.scanner = scanner;
        this.in = in;
    }

    /** Reads a number whose first digit was just read: a whole number, or a duration if a unit follows. */
    void number() {
        digits();
        boolean fraction = in.peek() == '.' && CharCursor.isDigit(in.peekNext());
        if (fraction) {
            in.advance();
            digits();
        }
        String number = in.lexeme();
        while (CharCursor.isNamePart(in.peek())) {
            in.advance();
        }
        String unit = in.lexeme().substring(number.length());
        if (!unit.isEmpty()) {
            duration(number, unit);
        } else if (fraction) {
            scanner.report(in.startColumn(), "'" + number + "' is not a whole number; only a duration may"
                    + " have a decimal point, like " + number + "s");
            scanner.emit(TokenType.ERROR);
        } else {
            whole(number);
        }
    }

    private void digits() {
        while (CharCursor.isDigit(in.peek())) {
            in.advance();
        }
    }

    private void duration(String number, String unit) {
        String text = SourceText.shorten(in.lexeme());
        Optional<Duration> value = UNITS.contains(unit) ? Durations.parse(in.lexeme()) : Optional.empty();
        if (value.isPresent()) {
            literal(TokenType.DURATION, new Value.Dur(value.get()));
            return;
        }
        scanner.report(in.startColumn(), UNITS.contains(unit)
                ? "the duration '" + text + "' has too many digits; use at most 9 before the point and 6 after"
                : "unknown unit '" + SourceText.shorten(unit) + "' in '" + text + "'; " + unitHint(number, unit)
                        + "durations use ms, s or min, like 100ms, 1s or 2min");
        scanner.emit(TokenType.ERROR);
    }

    private static String unitHint(String number, String unit) {
        if (HOURS.contains(unit)) {
            return "there is no unit for hours (1 hour is 60min); ";
        }
        String right = UNIT_MISTAKES.get(unit);
        return right == null ? "" : "did you mean " + number + right + "? ";
    }

    private void whole(String number) {
        if (number.length() > MAX_DIGITS) {
            scanner.report(in.startColumn(), "the number " + SourceText.shorten(number)
                    + " is too large; whole numbers have at most " + MAX_DIGITS + " digits");
            scanner.emit(TokenType.ERROR);
        } else {
            literal(TokenType.INT, new Value.Int(Long.parseLong(number)));
        }
    }

    private void literal(TokenType type, Value value) {
        scanner.emit(new Token(type, in.lexeme(), in.line(), in.startColumn(), value, List.of()));
    }

    /** Reads a string whose opening quote was just read, splitting it into text and {@code {code}} chunks. */
    void string(char quote) {
        if (quote == '\'') {
            scanner.report(in.startColumn(), "strings use double quotes, like \"hello\"");
        }
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean closed = false;
        while (!closed && !in.isAtEnd() && in.peek() != '\n') {
            int at = in.column();
            char c = in.advance();
            closed = c == quote;
            if (!closed) {
                character(c, at, quote, chunks, text);
            }
        }
        if (!closed) {
            scanner.report(in.startColumn(), "this string has no closing quote (\") on its line");
            scanner.emit(TokenType.ERROR);
            return;
        }
        flush(text, chunks);
        int length = in.lexeme().length() - 2;
        if (length > ScenarioLimits.MAX_STRING_LENGTH) {
            scanner.report(in.startColumn(), "this string is " + length + " characters long; the limit is "
                    + ScenarioLimits.MAX_STRING_LENGTH);
        }
        scanner.emit(new Token(TokenType.STRING, in.lexeme(), in.line(), in.startColumn(), null,
                chunks));
    }

    private void character(char c, int at, char quote, List<Chunk> chunks, StringBuilder text) {
        if (c == '\\') {
            escape(at, text);
        } else if (c == '{' && !in.match('{')) {
            code(at, quote, chunks, text);
        } else if (c == '}' && !in.match('}')) {
            scanner.report(at, "a '}' in a string must be doubled to be written: }}");
        } else if (c < ' ' && c != '\t' || c == 0x7F) {
            scanner.report(at, "a string cannot contain the invisible character " + Characters.show(c));
        } else {
            text.append(c);
        }
    }

    private void escape(int at, StringBuilder text) {
        int next = in.peek();
        if (next == '"' || next == '\\' || next == '\'') {
            text.append(in.advance());
        } else if (next != -1 && next != '\n') {
            char other = in.advance();
            scanner.report(at, "unknown escape '\\" + other + "'; in strings only \\\" and \\\\ have a meaning");
        }
    }

    private void code(int braceColumn, char quote, List<Chunk> chunks, StringBuilder text) {
        int line = in.line();
        int column = in.column();
        int from = in.position();
        while (!in.isAtEnd() && in.peek() != '}' && in.peek() != quote && in.peek() != '\n') {
            in.advance();
        }
        if (in.peek() != '}') {
            scanner.report(braceColumn, "this '{' is never closed with '}'; to write a brace itself, double it: {{");
            return;
        }
        String code = in.text(from, in.position());
        in.advance();
        if (code.isBlank()) {
            scanner.report(braceColumn, "empty {} in a string; put a name inside, like {i}, or double the braces"
                    + " to write them: {{}}");
            return;
        }
        flush(text, chunks);
        chunks.add(new Chunk.Code(code, line, column));
    }

    private static void flush(StringBuilder text, List<Chunk> chunks) {
        if (!text.isEmpty()) {
            chunks.add(new Chunk.Literal(text.toString()));
            text.setLength(0);
        }
    }
}
