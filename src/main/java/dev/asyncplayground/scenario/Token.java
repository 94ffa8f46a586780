package dev.asyncplayground.scenario;

import java.util.List;

/**
 * One word, number, symbol or layout mark of scenario text.
 *
 * @param type    what kind of token it is
 * @param lexeme  the characters it was read from (empty for layout tokens)
 * @param line    1-based line of its first character
 * @param column  1-based column of its first character
 * @param literal the value of an INT or DURATION token, else null
 * @param chunks  the pieces of a STRING token, else empty
 */
record Token(TokenType type, String lexeme, int line, int column, Value literal, List<Chunk> chunks) {

    Token {
        chunks = List.copyOf(chunks);
    }

    static Token of(TokenType type, String lexeme, int line, int column) {
        return new Token(type, lexeme, line, column, null, List.of());
    }

    /** The column just after its last character. */
    int endColumn() {
        return column + lexeme.codePointCount(0, lexeme.length());
    }
}
