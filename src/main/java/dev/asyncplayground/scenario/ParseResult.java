package dev.asyncplayground.scenario;

import java.util.List;

/**
 * What {@link ScenarioParser#parse} found in a scenario text.
 *
 * @param scenario    the checked scenario, or null if there is any diagnostic
 * @param diagnostics every problem found, in text order (at most 50, plus one saying how many more)
 */
public record ParseResult(ScenarioDefinition scenario, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when the text had no problems and {@link #scenario()} is set. */
    public boolean ok() {
        return scenario != null;
    }
}
