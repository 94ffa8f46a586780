package dev.asyncplayground.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders what the scenario language makes of a text: its diagnostics, or its programs for some parameter sets. */
final class Golden {

    static final int MAX_TASKS = 10_000;

    private Golden() {
    }

    /**
     * The outcome as golden-file text.
     *
     * @param text      the scenario
     * @param paramSets parameter values (as form strings) to expand with, after the defaults
     */
    static String render(String text, List<Map<String, String>> paramSets) {
        ParseResult result = ScenarioParser.parse(text);
        StringBuilder out = new StringBuilder();
        if (!result.ok()) {
            out.append("# parse errors\n");
            result.diagnostics().forEach(d -> out.append(d.format()).append('\n'));
            return out.toString();
        }
        out.append(ProgramPrinter.params(result.scenario().params()));
        out.append(expansion("at the defaults", result.scenario(), Map.of()));
        for (Map<String, String> values : paramSets) {
            out.append(expansion("with " + ProgramPrinter.describe(values), result.scenario(), values));
        }
        return out.toString();
    }

    private static String expansion(String title, ScenarioDefinition scenario, Map<String, String> values) {
        String header = "# " + title + ": ";
        try {
            Map<String, Value> bound = Parameters.bind(scenario.params(), values);
            return header + "program\n" + ProgramPrinter.program(scenario.instantiate(bound, MAX_TASKS));
        } catch (InvalidScenarioException problem) {
            StringBuilder out = new StringBuilder(header + "expansion errors\n");
            problem.diagnostics().forEach(d -> out.append(d.format()).append('\n'));
            return out.toString();
        } catch (LimitExceededException limit) {
            return header + "limit " + limit.limit() + "\n" + limit.getMessage() + "\n";
        } catch (InvalidParameterException parameter) {
            return header + "invalid parameter " + parameter.parameter() + "\n" + parameter.getMessage() + "\n";
        }
    }

    /** Reads parameter sets: one per line, assignments separated by ';', like {@code count=5; unit=10ms}. */
    static List<Map<String, String>> paramSets(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(Golden::assignments).toList();
    }

    private static Map<String, String> assignments(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String assignment : line.split(";")) {
            int equals = assignment.indexOf('=');
            values.put(assignment.substring(0, equals).strip(), assignment.substring(equals + 1).strip());
        }
        return values;
    }
}
