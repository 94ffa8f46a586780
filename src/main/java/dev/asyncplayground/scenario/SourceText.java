package dev.asyncplayground.scenario;

/** The lines of a scenario, for quoting a piece of one in a message. */
final class SourceText {

    private static final int MAX_QUOTE = 48;

    private final String[] lines;

    SourceText(String normalized) {
        this.lines = normalized.split("\n", -1);
    }

    /** The text of a line from column {@code from} up to, not including, column {@code to}; shortened if long. */
    String slice(int line, int from, int to) {
        if (line < 1 || line > lines.length || to <= from) {
            return "";
        }
        String text = lines[line - 1];
        int length = text.codePointCount(0, text.length());
        int start = Math.min(from - 1, length);
        int end = Math.min(to - 1, length);
        String piece = text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end)).strip();
        return shorten(piece);
    }

    /** Text cut to a readable length, ending in an ellipsis when something was cut. */
    static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_QUOTE) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_QUOTE - 1)) + "…";
    }
}
