package dev.asyncplayground.scenario;

/** Walks the characters of a text for the scanner, keeping line and column (in code points) as it goes. */
final class CharCursor {

    private final String source;
    private int current;
    private int line;
    private int column;
    private int start;
    private int startColumn;

    CharCursor(String source, int line, int column) {
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** Marks the current character as the first of a new token. */
    void begin() {
        start = current;
        startColumn = column;
    }

    /** The characters read since {@link #begin()}. */
    String lexeme() {
        return source.substring(start, current);
    }

    int startColumn() {
        return startColumn;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    int position() {
        return current;
    }

    String text(int from, int to) {
        return source.substring(from, to);
    }

    boolean isAtEnd() {
        return current >= source.length();
    }

    /** The next character, or -1 at the end of the text. */
    int peek() {
        return isAtEnd() ? -1 : source.charAt(current);
    }

    int peekNext() {
        return current + 1 >= source.length() ? -1 : source.charAt(current + 1);
    }

    char advance() {
        char c = source.charAt(current++);
        if (c == '\n') {
            line++;
            column = 1;
        } else if (!Character.isLowSurrogate(c)) {
            column++;
        }
        return c;
    }

    boolean match(char expected) {
        if (peek() != expected) {
            return false;
        }
        advance();
        return true;
    }

    void skipToLineEnd() {
        while (!isAtEnd() && peek() != '\n') {
            advance();
        }
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    static boolean isNamePart(int c) {
        return isNameStart(c) || isDigit(c);
    }
}
