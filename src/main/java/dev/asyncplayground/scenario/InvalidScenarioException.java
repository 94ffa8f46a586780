package dev.asyncplayground.scenario;

import java.util.List;

/**
 * A scenario that parsed but cannot be expanded with the given parameter values.
 *
 * <p>Examples: two tasks end up with the same name, an {@code await} names a task that does
 * not exist, a division by zero, a negative duration. Each problem carries the line and column
 * of the construct that caused it.
 */
public final class InvalidScenarioException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public InvalidScenarioException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The problems, in text order; never empty. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first problem, for APIs that report one line and column. */
    public Diagnostic first() {
        return diagnostics.getFirst();
    }

    private static String summary(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("an invalid scenario needs at least one diagnostic");
        }
        String first = diagnostics.getFirst().format();
        return diagnostics.size() == 1 ? first : first + " (and " + (diagnostics.size() - 1) + " more)";
    }
}
