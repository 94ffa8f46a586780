package dev.asyncplayground.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns scenario text into tokens, marking blocks with INDENT and DEDENT the way Python does.
 *
 * <p>Line endings must already be {@code \n}. In indentation a tab advances to the next multiple
 * of four columns. Every problem becomes a diagnostic; where a token should have been, an ERROR
 * token stands in, so that the parser goes on without complaining twice.
 */
final class Scanner {

    static final int TAB_WIDTH = 4;

    private final CharCursor in;
    private final Diagnostics diagnostics;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Integer> indents = new ArrayList<>(List.of(0));
    private final Literals literals;
    private int lineEnd;

    Scanner(String source, Diagnostics diagnostics) {
        this(source, 1, 1, diagnostics);
    }

    /** A scanner for text that starts at the given place of a larger text. */
    Scanner(String source, int line, int column, Diagnostics diagnostics) {
        this.in = new CharCursor(source, line, column);
        this.diagnostics = diagnostics;
        this.literals = new Literals(this, in);
    }

    /** Scans a whole scenario: a NEWLINE ends each non-blank line, INDENT and DEDENT mark blocks, EOF ends all. */
    List<Token> scanProgram() {
        while (!in.isAtEnd()) {
            scanLine();
        }
        while (indents.size() > 1) {
            indents.removeLast();
            layout(TokenType.DEDENT, in.column());
        }
        layout(TokenType.EOF, in.column());
        return tokens;
    }

    /** Scans the expression between a string's braces: tokens, then an EOF that stands for the closing brace. */
    List<Token> scanInline() {
        while (!in.isAtEnd()) {
            scanToken();
        }
        tokens.add(Token.of(TokenType.EOF, "}", in.line(), in.column()));
        return tokens;
    }

    private void scanLine() {
        int width = 0;
        while (in.peek() == ' ' || in.peek() == '\t') {
            width = in.advance() == '\t' ? (width / TAB_WIDTH + 1) * TAB_WIDTH : width + 1;
        }
        lineEnd = in.column();
        if (in.isAtEnd() || in.peek() == '\n' || in.peek() == '#') {
            in.skipToLineEnd();
        } else {
            indent(width);
            while (!in.isAtEnd() && in.peek() != '\n') {
                scanToken();
            }
            layout(TokenType.NEWLINE, lineEnd);
        }
        if (!in.isAtEnd()) {
            in.advance();
        }
    }

    private void indent(int width) {
        if (width > indents.getLast()) {
            indents.add(width);
            layout(TokenType.INDENT, in.column());
            return;
        }
        List<Integer> levels = List.copyOf(indents);
        while (width < indents.getLast()) {
            indents.removeLast();
            layout(TokenType.DEDENT, in.column());
        }
        if (width != indents.getLast()) {
            report(in.column(), "this line is indented by " + width + " columns, which lines up with no block"
                    + " above (those are at " + joinLevels(levels) + " columns)");
        }
    }

    private static String joinLevels(List<Integer> levels) {
        List<Integer> shown = levels.subList(Math.max(0, levels.size() - 5), levels.size());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            text.append(i == 0 ? "" : i == shown.size() - 1 ? " or " : ", ").append(shown.get(i));
        }
        return text.toString();
    }

    private void scanToken() {
        in.begin();
        char c = in.advance();
        if (c == ' ' || c == '\t') {
            return;
        }
        Optional<TokenType> symbol = symbol(c);
        if (symbol.isPresent()) {
            emit(symbol.get());
        } else if (c == '#') {
            in.skipToLineEnd();
        } else if (c == '"' || c == '\'') {
            literals.string(c);
        } else if (CharCursor.isDigit(c)) {
            literals.number();
        } else if (CharCursor.isNameStart(c)) {
            name();
        } else {
            unexpected(c);
        }
    }

    private Optional<TokenType> symbol(char c) {
        return Optional.ofNullable(switch (c) {
            case ':' -> TokenType.COLON;
            case ',' -> TokenType.COMMA;
            case '(' -> TokenType.LEFT_PAREN;
            case ')' -> TokenType.RIGHT_PAREN;
            case '[' -> TokenType.LEFT_BRACKET;
            case ']' -> TokenType.RIGHT_BRACKET;
            case '+' -> TokenType.PLUS;
            case '-' -> TokenType.MINUS;
            case '*' -> TokenType.STAR;
            case '/' -> TokenType.SLASH;
            case '%' -> TokenType.PERCENT;
            case '=' -> in.match('=') ? TokenType.EQUAL_EQUAL : TokenType.EQUAL;
            case '<' -> in.match('=') ? TokenType.LESS_EQUAL : TokenType.LESS;
            case '>' -> in.match('=') ? TokenType.GREATER_EQUAL : TokenType.GREATER;
            case '!' -> in.match('=') ? TokenType.BANG_EQUAL : null;
            case '.' -> in.match('.') ? TokenType.DOT_DOT : null;
            default -> null;
        });
    }

    private void name() {
        while (CharCursor.isNamePart(in.peek())) {
            in.advance();
        }
        String text = in.lexeme();
        if (text.length() > ScenarioLimits.MAX_NAME_LENGTH) {
            report(in.startColumn(), "this name is " + text.length() + " characters long; the limit is "
                    + ScenarioLimits.MAX_NAME_LENGTH);
        }
        emit(TokenType.keywordOrName(text));
    }

    private void unexpected(char c) {
        int codePoint = Character.isHighSurrogate(c) && Character.isLowSurrogate((char) in.peek())
                ? Character.toCodePoint(c, in.advance()) : c;
        String hint = Characters.hint(codePoint, in.peek());
        if (codePoint == '&' || codePoint == '|') {
            in.match((char) codePoint);
        }
        report(in.startColumn(), "unexpected character " + Characters.show(codePoint) + hint);
        while (Characters.isJunk(in.peek())) {
            in.advance();
        }
        emit(TokenType.ERROR);
    }

    /** Adds a token made of the characters read since the token began. */
    void emit(TokenType type) {
        emit(Token.of(type, in.lexeme(), in.line(), in.startColumn()));
    }

    void emit(Token token) {
        tokens.add(token);
        lineEnd = in.column();
    }

    private void layout(TokenType type, int at) {
        tokens.add(Token.of(type, "", in.line(), at));
    }

    void report(int column, String message) {
        diagnostics.add(in.line(), column, message);
    }
}
