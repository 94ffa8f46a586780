package dev.asyncplayground.scenario;

/** The kinds of token the scanner produces; reserved words know their spelling. */
enum TokenType {
    NEWLINE, INDENT, DEDENT, EOF, ERROR,
    IDENTIFIER, INT, DURATION, STRING,
    COLON, COMMA, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET,
    EQUAL, EQUAL_EQUAL, BANG_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL,
    PLUS, MINUS, STAR, SLASH, PERCENT, DOT_DOT,
    PARAM("param"), SHARED("shared"), TASK("task"), FOR("for"), IN("in"), IF("if"), ELSE("else"),
    WAIT("wait"), CPU("cpu"), PRINT("print"), LOCK("lock"), UPDATE("update"), AWAIT("await"),
    TIMEOUT("timeout"), FAIL("fail"), AND("and"), OR("or"), NOT("not"), TRUE("true"), FALSE("false");

    private final String word;

    TokenType() {
        this(null);
    }

    TokenType(String word) {
        this.word = word;
    }

    /** True for reserved words, which cannot be used as names. */
    boolean isKeyword() {
        return word != null;
    }

    /** The reserved word spelled {@code text}, or IDENTIFIER if it is not one. */
    static TokenType keywordOrName(String text) {
        for (TokenType type : values()) {
            if (text.equals(type.word)) {
                return type;
            }
        }
        return IDENTIFIER;
    }
}
