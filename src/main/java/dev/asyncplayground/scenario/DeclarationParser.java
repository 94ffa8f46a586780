package dev.asyncplayground.scenario;

import dev.asyncplayground.timeline.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code param} and {@code shared} lines.
 *
 * <p>A param line is {@code param NAME = DEFAULT TYPE ["description"]}; its default and bounds are
 * literals, checked here against the type so that the declared {@link Param} is always valid.
 */
final class DeclarationParser {

    /** The word that starts a measure line; it is no reserved word, so it can still be a name. */
    static final String MEASURE = "measure";
    private static final List<String> KIND_WORDS = Arrays.stream(Measure.Kind.values()).map(Measure.Kind::word)
            .toList();

    private final TokenCursor in;
    private final ExpressionParser expressions;
    private final Set<String> broken;
    private final ParamTypeParser types;

    DeclarationParser(TokenCursor in, ExpressionParser expressions, Set<String> broken) {
        this.in = in;
        this.expressions = expressions;
        this.broken = broken;
        this.types = new ParamTypeParser(in);
    }

    /** Parses a declaration; if it fails after its name, the name is remembered so uses of it stay quiet. */
    Stmt declaration() {
        Token keyword = in.advance();
        Token name = in.expectName("expected a name after '" + keyword.lexeme() + "', like "
                + (keyword.type() == TokenType.PARAM ? "param count = 30 int 1..200" : "shared balance = 100"));
        try {
            return keyword.type() == TokenType.PARAM ? param(keyword, name) : shared(keyword, name);
        } catch (TokenCursor.ParseError error) {
            broken.add(name.lexeme());
            throw error;
        }
    }

    /**
     * Parses {@code measure NAME = KIND [SUBJECT]}: a shared value's name for the kinds about a
     * shared value, a quoted text for the kinds about printed lines, nothing for the others.
     */
    Stmt measure() {
        Token keyword = in.advance();
        Token name = in.expectName("expected a name after 'measure', like measure lostUpdates = lost balance");
        in.expect(TokenType.EQUAL, "expected '=' after 'measure " + name.lexeme() + "', then what to measure,"
                + " like measure " + name.lexeme() + " = mostWaits");
        Token word = in.peek();
        if (word.type() != TokenType.IDENTIFIER) {
            throw in.error(word, "expected what to measure after '=', one of: " + Measure.Kind.words());
        }
        Measure.Kind kind = Measure.Kind.byWord(word.lexeme()).orElseThrow(() -> in.error(word,
                "unknown measure '" + word.lexeme() + "'" + Suggestions.closest(word.lexeme(), KIND_WORDS)
                        .map(m -> "; did you mean '" + m + "'?").orElse("; the measures are " + Measure.Kind.words())));
        in.advance();
        Token subject = in.peek();
        String text = switch (kind.subject()) {
            case NONE -> "";
            case SHARED -> in.expectName("'" + kind.word() + "' needs the name of a shared value, like "
                    + kind.word() + " balance").lexeme();
            case TEXT -> measuredText(kind);
        };
        in.endOfLine(keyword);
        return new Stmt.MeasureDecl(new Measure(name.lexeme(), kind, text), Pos.of(keyword),
                kind.subject() == Measure.Subject.NONE ? Pos.of(word) : Pos.of(subject));
    }

    private String measuredText(Measure.Kind kind) {
        Token string = in.peek();
        if (string.type() != TokenType.STRING) {
            throw in.error(string, "'" + kind.word() + "' needs the start of the printed lines in quotes, like "
                    + kind.word() + " \"tick\"");
        }
        return fixedText(in.advance(), "the text of a measure");
    }

    private Stmt shared(Token keyword, Token name) {
        in.expect(TokenType.EQUAL, "expected '=' after 'shared " + name.lexeme() + "', then its starting value,"
                + " like shared " + name.lexeme() + " = 100");
        Expr initial = expressions.expression();
        in.endOfLine(keyword);
        return new Stmt.Shared(name.lexeme(), initial, Pos.of(name));
    }

    private Stmt param(Token keyword, Token name) {
        String n = name.lexeme();
        in.expect(TokenType.EQUAL, "expected '=' after 'param " + n + "', then its default value, like param "
                + n + " = 30 int 1..200");
        Token at = in.peek();
        Value value = literal(n);
        ParamTypeParser.Spec spec = types.spec(n);
        String description = description(keyword);
        Param param = new Param(n, spec.type(), value, spec.min(), spec.max(), spec.choices(), description);
        checkDefault(param, at);
        in.endOfLine(keyword);
        return new Stmt.ParamDecl(param, Pos.of(name));
    }

    private Value literal(String name) {
        Token token = in.peek();
        if (ParamTypeParser.isWord(token)) {
            in.advance();
            return new Value.Text(token.lexeme());
        }
        switch (token.type()) {
            case INT, DURATION, MINUS -> {
                return types.bound();
            }
            case TRUE, FALSE -> {
                in.advance();
                return new Value.Bool(token.type() == TokenType.TRUE);
            }
            case LEFT_BRACKET -> {
                return list();
            }
            case STRING -> {
                return new Value.Text(fixedText(in.advance(), "a choice"));
            }
            default -> throw in.error(token, "expected the default value of '" + name + "' after '=', like 30, 1s,"
                    + " true, [8, 12] or one of its choices");
        }
    }

    private Value list() {
        Token open = in.advance();
        List<Long> items = new ArrayList<>();
        while (!in.check(TokenType.RIGHT_BRACKET)) {
            if (items.size() == ScenarioLimits.MAX_LIST_ITEMS) {
                throw in.error(in.peek(), "a list can have at most " + ScenarioLimits.MAX_LIST_ITEMS + " items");
            }
            if (!(types.bound() instanceof Value.Int item)) {
                throw in.error(in.previous(), "list items must be whole numbers, like [8, 12]");
            }
            items.add(item.value());
            if (!in.match(TokenType.COMMA) && !in.check(TokenType.RIGHT_BRACKET)) {
                throw in.error(in.peek(), "expected ',' or ']' in the list that starts at column " + open.column()
                        + ", but found " + TokenCursor.describe(in.peek()));
            }
        }
        in.advance();
        return new Value.IntList(items);
    }

    private String description(Token keyword) {
        if (in.check(TokenType.IDENTIFIER)) {
            throw in.error(in.peek(), "a description goes in quotes, like \"how far to count\"");
        }
        return in.check(TokenType.STRING) ? fixedText(in.advance(), "a description") : "";
    }

    private String fixedText(Token string, String what) {
        return ParamTypeParser.fixedText(string).orElseThrow(() -> in.error(string, what
                + " cannot contain {…}; to write a brace, double it: {{"));
    }

    private void checkDefault(Param param, Token at) {
        if (!fits(param.type(), param.defaultValue())) {
            throw in.error(at, "the default of '" + param.name() + "' must be " + expected(param.type()));
        }
        try {
            if (param.defaultValue() instanceof Value.IntList list) {
                for (long item : list.values()) {
                    new Param(param.name(), ParamType.INT, new Value.Int(item), param.min(), param.max(), List.of(),
                            "").accept(item);
                }
            } else {
                param.accept(raw(param.defaultValue()));
            }
        } catch (InvalidParameterException problem) {
            String whose = param.type() == ParamType.INT_LIST ? "every item of " : "";
            throw in.error(at, "the default value is not allowed: " + whose + problem.getMessage());
        }
    }

    /** True if a value has the shape a parameter type takes. */
    static boolean fits(ParamType type, Value value) {
        return switch (type) {
            case INT -> value instanceof Value.Int;
            case INT_LIST -> value instanceof Value.IntList;
            case DURATION -> value instanceof Value.Dur;
            case BOOL -> value instanceof Value.Bool;
            case CHOICE -> value instanceof Value.Text;
        };
    }

    private static String expected(ParamType type) {
        return switch (type) {
            case INT -> "a whole number, like 30";
            case INT_LIST -> "a list of whole numbers in brackets, like [8, 12]";
            case DURATION -> "a duration with a unit, like 100ms, 1s or 2min";
            case BOOL -> "true or false";
            case CHOICE -> "one of its choices, written as a word, like io";
        };
    }

    private static Object raw(Value value) {
        return switch (value) {
            case Value.Int i -> i.value();
            case Value.IntList list -> list.values();
            case Value.Dur d -> Durations.format(d.value());
            case Value.Bool b -> b.value();
            case Value.Text t -> t.value();
        };
    }
}
