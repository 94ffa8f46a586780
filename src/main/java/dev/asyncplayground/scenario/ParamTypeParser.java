package dev.asyncplayground.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the type of a param line: {@code int LO..HI}, {@code list of int [LO..HI]},
 * {@code duration [LO..HI]}, {@code bool} or {@code choice A, B}.
 */
final class ParamTypeParser {

    /** A parsed type: what kind, its bounds (null for none) and its options. */
    record Spec(ParamType type, Value min, Value max, List<String> choices) {}

    private static final List<String> TYPES = List.of("int", "list", "duration", "bool", "choice");
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("integer", "int"), Map.entry("number", "int"), Map.entry("long", "int"),
            Map.entry("boolean", "bool"), Map.entry("time", "duration"), Map.entry("string", "choice"),
            Map.entry("text", "choice"), Map.entry("enum", "choice"), Map.entry("option", "choice"),
            Map.entry("array", "list"));
    private static final Set<TokenType> OPERATORS = Set.of(TokenType.PLUS, TokenType.MINUS, TokenType.STAR,
            TokenType.SLASH, TokenType.PERCENT);

    private final TokenCursor in;

    ParamTypeParser(TokenCursor in) {
        this.in = in;
    }

    Spec spec(String name) {
        Token word = in.peek();
        if (OPERATORS.contains(word.type())) {
            throw in.error(word, "a param's default must be a single value, like 30, without arithmetic");
        }
        if (!in.check(TokenType.IDENTIFIER)) {
            throw in.error(word, "expected the type of '" + name + "' after its default value: int, list of int,"
                    + " duration, bool or choice");
        }
        in.advance();
        return switch (word.lexeme()) {
            case "int" -> range(ParamType.INT, true);
            case "list" -> listOfInt();
            case "duration" -> range(ParamType.DURATION, false);
            case "bool" -> new Spec(ParamType.BOOL, null, null, List.of());
            case "choice" -> choice();
            default -> throw in.error(word, "unknown type '" + word.lexeme() + "'"
                    + Suggestions.meant(word.lexeme(), SYNONYMS, TYPES).map(t -> "; did you mean '" + t + "'?")
                            .orElse("; the types are int, list of int, duration, bool and choice"));
        };
    }

    private Spec listOfInt() {
        for (String word : List.of("of", "int")) {
            if (!in.checkWord(word)) {
                throw in.error(in.peek(), "expected 'list of int' (the only kind of list), but found "
                        + TokenCursor.describe(in.peek()));
            }
            in.advance();
        }
        return range(ParamType.INT_LIST, false);
    }

    private Spec range(ParamType type, boolean required) {
        if (!in.check(TokenType.INT) && !in.check(TokenType.DURATION) && !in.check(TokenType.MINUS)) {
            if (required) {
                throw in.error(in.peek(), "'int' needs the range of allowed values after it, like int 1..200");
            }
            return new Spec(type, null, null, List.of());
        }
        Token first = in.peek();
        Value low = bound();
        in.expect(TokenType.DOT_DOT, "expected '..' between the lowest and the highest allowed value, like 1..200");
        Value high = bound();
        checkRange(type, low, high, first);
        return new Spec(type, low, high, List.of());
    }

    private void checkRange(ParamType type, Value low, Value high, Token at) {
        boolean durations = type == ParamType.DURATION;
        if (durations && !(low instanceof Value.Dur && high instanceof Value.Dur)) {
            throw in.error(at, "the range of a duration needs units on both ends, like 1ms..5s");
        }
        if (!durations && !(low instanceof Value.Int && high instanceof Value.Int)) {
            throw in.error(at, "the range of '" + type.keyword() + "' must be whole numbers, like 1..200");
        }
        boolean empty = low instanceof Value.Int l && high instanceof Value.Int h ? l.value() > h.value()
                : ((Value.Dur) low).value().compareTo(((Value.Dur) high).value()) > 0;
        if (empty) {
            throw in.error(at, "the range " + low.display() + ".." + high.display() + " is empty; write the lowest"
                    + " value first, like " + high.display() + ".." + low.display());
        }
        if (high instanceof Value.Dur d && d.value().compareTo(ScenarioLimits.MAX_DURATION) > 0) {
            throw in.error(at, "a duration can be at most 24 hours (1440min), but the range goes up to "
                    + d.display());
        }
    }

    /** Reads a whole number (perhaps negative) or a duration, as a default or a range bound. */
    Value bound() {
        boolean negative = in.match(TokenType.MINUS);
        Token token = in.peek();
        if (token.type() == TokenType.INT) {
            in.advance();
            long value = ((Value.Int) token.literal()).value();
            return new Value.Int(negative ? -value : value);
        }
        if (token.type() == TokenType.DURATION) {
            in.advance();
            if (negative) {
                throw in.error(token, "a duration cannot be negative");
            }
            return token.literal();
        }
        throw in.error(token, "expected a number, like 30 or 1s, but found " + TokenCursor.describe(token));
    }

    private Spec choice() {
        List<String> options = new ArrayList<>();
        do {
            Token token = in.peek();
            String option = option(token);
            if (option.isBlank() || options.contains(option)) {
                throw in.error(token, option.isBlank() ? "a choice cannot be empty"
                        : "the choice '" + option + "' is listed twice");
            }
            in.advance();
            options.add(option);
        } while (in.match(TokenType.COMMA));
        return new Spec(ParamType.CHOICE, null, null, options);
    }

    private String option(Token token) {
        if (isWord(token)) {
            return token.lexeme();
        }
        return switch (token.type()) {
            case STRING -> fixedText(token).orElseThrow(() -> in.error(token, "a choice cannot contain {…}")).strip();
            default -> throw in.error(token, "expected the options of the choice, like choice cpu, io, but found "
                    + TokenCursor.describe(token));
        };
    }

    /** True for a bare word: a name or a reserved word other than true and false, which are values. */
    static boolean isWord(Token token) {
        return token.type() == TokenType.IDENTIFIER || token.type().isKeyword() && token.type() != TokenType.TRUE
                && token.type() != TokenType.FALSE;
    }

    /** The text of a string token without holes, or empty if it has any. */
    static Optional<String> fixedText(Token string) {
        List<Chunk> chunks = string.chunks();
        if (chunks.isEmpty()) {
            return Optional.of("");
        }
        return chunks.size() == 1 && chunks.getFirst() instanceof Chunk.Literal literal
                ? Optional.of(literal.text()) : Optional.empty();
    }
}
