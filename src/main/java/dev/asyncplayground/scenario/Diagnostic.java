package dev.asyncplayground.scenario;

/**
 * One problem found in a scenario, with the place it was found.
 *
 * @param line    1-based line number
 * @param column  1-based column, counting characters (a tab counts as one)
 * @param message plain English: what is wrong and, where possible, what would be right
 */
public record Diagnostic(int line, int column, String message) {

    /** The problem as {@code line:column: message}. */
    public String format() {
        return line + ":" + column + ": " + message;
    }
}
