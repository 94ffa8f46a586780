package dev.asyncplayground.web;

import dev.asyncplayground.scenario.Diagnostic;
import dev.asyncplayground.scenario.ParseResult;
import dev.asyncplayground.scenario.ScenarioParser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses scenario text sent by a learner, refusing text over the size limit before reading it. */
final class ScenarioTexts {

    static final int MAX_BYTES = 64 * 1024;

    private ScenarioTexts() {
    }

    /**
     * Parses the text; diagnostics are returned, not thrown.
     *
     * @throws ApiException 413 if the text is larger than 64 KiB
     */
    static ParseResult parse(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new ApiException(413, "the scenario is " + (bytes + 1023) / 1024
                    + " KiB; the limit is 64 KiB", Map.of("limit", "MAX_SCENARIO_BYTES"));
        }
        return ScenarioParser.parse(text);
    }

    /** A 400 for scenario errors: the first one's message, line and column, and the whole list. */
    static ApiException invalid(List<Diagnostic> diagnostics) {
        Diagnostic first = diagnostics.getFirst();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("line", first.line());
        details.put("column", first.column());
        details.put("diagnostics", diagnostics);
        String more = diagnostics.size() > 1 ? " (and " + (diagnostics.size() - 1) + " more)" : "";
        return new ApiException(400, "line " + first.line() + ", column " + first.column() + ": "
                + first.message() + more, details);
    }
}
