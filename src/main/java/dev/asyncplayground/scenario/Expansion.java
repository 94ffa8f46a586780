package dev.asyncplayground.scenario;

import java.util.List;
import java.util.Map;

/**
 * What came of expanding a scenario with a learner's values: its program, or why there is none.
 *
 * <p>This is the package's answer to the outside. Inside, binding and expanding stop at the first
 * problem by throwing ({@link InvalidParameterException}, {@link InvalidScenarioException},
 * {@link LimitExceededException}), as jlox's interpreter stops at a runtime error; {@link #of}
 * catches them in this one place, so the web's form and API paths switch over values.
 */
public sealed interface Expansion {

    /**
     * Binds the submitted values to the scenario's parameters and expands it within the task limit.
     *
     * @param submitted the learner's values by parameter name; missing ones take their defaults
     * @param maxTasks  the sandbox's task limit
     */
    static Expansion of(Scenario scenario, Map<String, ?> submitted, int maxTasks) {
        try {
            return new Expanded(scenario.instantiate(Parameters.bind(scenario.params(), submitted), maxTasks));
        } catch (InvalidParameterException bad) {
            return new BadValue(bad.parameter(), bad.getMessage());
        } catch (InvalidScenarioException invalid) {
            return new Invalid(invalid.diagnostics());
        } catch (LimitExceededException tooMuch) {
            return new OverLimit(tooMuch.limit(), tooMuch.getMessage());
        }
    }

    /** The tasks and steps the scenario stands for with those values. */
    record Expanded(Program program) implements Expansion {}

    /** Why there is no program: a bad value, a scenario error or a sandbox limit. */
    sealed interface Rejected extends Expansion {}

    /** A value of the wrong type, out of its range, or for a parameter the scenario does not declare. */
    record BadValue(String parameter, String message) implements Rejected {}

    /** The scenario cannot be expanded with these values; each problem has its line and column. */
    record Invalid(List<Diagnostic> diagnostics) implements Rejected {

        public Invalid {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The expansion would pass a sandbox limit, named as configured (e.g. {@code MAX_TASKS}). */
    record OverLimit(String limit, String message) implements Rejected {}
}
