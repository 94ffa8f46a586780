package dev.asyncplayground.scenario;

import java.util.List;

/** Walks a token list for the parsers and reports syntax errors at the token where they were seen. */
final class TokenCursor {

    /** Thrown to abandon the current statement after its error has been reported. */
    static final class ParseError extends RuntimeException {
        ParseError() {
            super(null, null, false, false);
        }
    }

    private final List<Token> tokens;
    private final SourceText source;
    private final Diagnostics diagnostics;
    private int current;

    TokenCursor(List<Token> tokens, SourceText source, Diagnostics diagnostics) {
        this.tokens = tokens;
        this.source = source;
        this.diagnostics = diagnostics;
    }

    Token peek() {
        return tokens.get(current);
    }

    Token peekNext() {
        return tokens.get(Math.min(current + 1, tokens.size() - 1));
    }

    Token previous() {
        return tokens.get(Math.max(current - 1, 0));
    }

    int position() {
        return current;
    }

    boolean check(TokenType type) {
        return peek().type() == type;
    }

    /** True if the next token is the (unreserved) word {@code word}, such as {@code after} or {@code by}. */
    boolean checkWord(String word) {
        return check(TokenType.IDENTIFIER) && peek().lexeme().equals(word);
    }

    boolean atLineEnd() {
        return check(TokenType.NEWLINE) || check(TokenType.EOF);
    }

    Token advance() {
        Token token = peek();
        if (token.type() != TokenType.EOF) {
            current++;
        }
        return token;
    }

    boolean match(TokenType type) {
        if (!check(type)) {
            return false;
        }
        advance();
        return true;
    }

    Token expect(TokenType type, String message) {
        if (check(type)) {
            return advance();
        }
        throw error(peek(), message);
    }

    /** Reads a name, explaining when the word found is reserved. */
    Token expectName(String message) {
        if (peek().type().isKeyword()) {
            throw error(peek(), "'" + peek().lexeme() + "' is a reserved word and cannot be used as a name");
        }
        return expect(TokenType.IDENTIFIER, message);
    }

    /** Ends a simple statement: nothing but the end of the line may follow. */
    void endOfLine(Token first) {
        if (!atLineEnd()) {
            throw error(peek(), "expected the end of the line after '" + echo(first) + "', but found "
                    + describe(peek()));
        }
        match(TokenType.NEWLINE);
    }

    /** Reports a problem and goes on; a problem at an ERROR token was reported by the scanner already. */
    void report(Token at, String message) {
        if (at.type() != TokenType.ERROR) {
            diagnostics.add(at.line(), at.column(), message);
        }
    }

    /** Reports a problem and returns the exception that abandons the statement. */
    ParseError error(Token at, String message) {
        report(at, message);
        return new ParseError();
    }

    /** Skips the rest of the current line, including its NEWLINE, but never into another line's layout. */
    void skipLine() {
        while (!atLineEnd() && !check(TokenType.INDENT) && !check(TokenType.DEDENT)) {
            advance();
        }
        match(TokenType.NEWLINE);
    }

    /** Skips a block whose INDENT was just read, up to and including its DEDENT. */
    void skipBlock() {
        int open = 1;
        while (open > 0 && !check(TokenType.EOF)) {
            TokenType type = advance().type();
            open += type == TokenType.INDENT ? 1 : type == TokenType.DEDENT ? -1 : 0;
        }
    }

    /** The text of the current line from {@code first} to the last token read, for quoting in a message. */
    String echo(Token first) {
        Token last = previous();
        int end = last.line() == first.line() ? last.endColumn() : first.endColumn();
        return source.slice(first.line(), first.column(), end);
    }

    /** How a message names a token it found. */
    static String describe(Token token) {
        return switch (token.type()) {
            case NEWLINE -> "the end of the line";
            case EOF -> token.lexeme().isEmpty() ? "the end of the text" : "the closing '}'";
            case INDENT -> "an indented line";
            case DEDENT -> "the end of the block";
            case STRING -> SourceText.shorten(token.lexeme());
            default -> "'" + SourceText.shorten(token.lexeme()) + "'";
        };
    }
}
