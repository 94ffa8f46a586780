package dev.asyncplayground.web;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.SpeedChoice;
import dev.asyncplayground.scenario.Diagnostic;
import dev.asyncplayground.scenario.Param;
import dev.asyncplayground.scenario.ParamType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the run form (or a shared link) submitted, checked field by field against the parameters
 * the scenario declares.
 *
 * @param params      the declared parameters (empty while the text has errors)
 * @param raw         every submitted parameter value, by field name
 * @param diagnostics problems in the scenario text
 * @param errors      per-field messages
 * @param values      accepted values, by parameter name
 * @param modes       the ticked modes
 * @param speed       the time scale, or NaN if unusable
 * @param pool        the {@code threads} and {@code limit} fields as typed
 */
record FormSubmission(List<Param> params, Map<String, String> raw, List<Diagnostic> diagnostics,
                      Map<String, String> errors, Map<String, Object> values, List<Mode> modes, double speed,
                      PoolFields pool) {

    /**
     * The pool size for platform-threads and the in-flight limit for virtual threads, as typed, and
     * whether platform-threads takes the global interpreter lock.
     */
    record PoolFields(String threads, String limit, boolean gil) {

        static final PoolFields DEFAULTS = new PoolFields(Integer.toString(RunOptions.DEFAULT_THREADS), "", false);
        private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

        /** Why these fields cannot run {@code mode} at {@code speed}, or empty if they can. */
        Optional<String> problem(Mode mode, double speed) {
            if (!isWhole(threads)) {
                return Optional.of("threads must be a whole number, got '" + threads + "'");
            }
            if (!isWhole(limit)) {
                return Optional.of("the virtual-threads in-flight limit must be a whole number, got '" + limit + "'");
            }
            return RunRequest.optionsProblem(mode, speed, poolSize(), inFlight(mode));
        }

        /** The options for one mode; for fields whose {@link #problem} is empty. */
        RunOptions options(Mode mode, double speed) {
            return new RunOptions(mode, speed, poolSize(), inFlight(mode), gil && mode == Mode.PLATFORM_THREADS);
        }

        private int poolSize() {
            return whole(threads, RunOptions.DEFAULT_THREADS);
        }

        private int inFlight(Mode mode) {
            return mode == Mode.VIRTUAL_THREADS ? whole(limit, RunOptions.NO_LIMIT) : RunOptions.NO_LIMIT;
        }

        private static boolean isWhole(String text) {
            return text == null || text.isBlank() || WHOLE.matcher(text.strip()).matches();
        }

        private static int whole(String text, int fallback) {
            return text == null || text.isBlank() ? fallback : Integer.parseInt(text.strip());
        }
    }

    /**
     * Checks a submission.
     *
     * @param submitted true for a posted form (an unticked checkbox then means false), false
     *                  for a page opened from a link (missing values mean defaults)
     */
    static FormSubmission read(List<Param> params, List<Diagnostic> diagnostics, Map<String, String> raw,
                               List<String> modeIds, String speedText, PoolFields pool, boolean submitted) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param param : params) {
            String value = raw.get(param.name());
            if (value == null && submitted && param.type() == ParamType.BOOL) {
                value = "false";
            }
            if (value != null) {
                Optional<String> problem = param.problemWith(value);
                if (problem.isPresent()) {
                    errors.put(param.name(), problem.get());
                } else {
                    values.put(param.name(), value);
                }
            }
        }
        List<Mode> modes = modeIds.stream().flatMap(id -> Mode.byId(id).stream()).toList();
        return new FormSubmission(params, raw, diagnostics, errors, values, modes, parseSpeed(speedText), pool);
    }

    /** Why the form cannot run as it is, or null if it can. */
    String problem() {
        return problem(modes, "fix the values marked above");
    }

    /** Why the form cannot be exported under a mode as it is (no mode need be ticked), or null if it can. */
    String exportProblem(Mode mode) {
        return problem(List.of(mode), "fix the values marked in the form: " + String.join("; ", errors.values()));
    }

    private String problem(List<Mode> runAs, String fieldsMessage) {
        if (!diagnostics.isEmpty()) {
            return "fix the scenario's errors first";
        }
        if (!errors.isEmpty()) {
            return fieldsMessage;
        }
        if (runAs.isEmpty()) {
            return "tick at least one mode to run";
        }
        if (Double.isNaN(speed)) {
            return RunRequest.SPEED_RULE;
        }
        return runAs.stream().flatMap(mode -> pool.problem(mode, speed).stream()).findFirst().orElse(null);
    }

    /** The diagnostics and fields, with {@code error} as the form-wide message. */
    ParamsView paramsView(String error) {
        List<FieldView> fields = params.stream().map(p -> FieldView.of(p,
                raw.getOrDefault(p.name(), p.defaultValue().display()), errors.get(p.name()))).toList();
        List<ParamsView.KeptValue> kept = new ArrayList<>();
        if (params.isEmpty() && !diagnostics.isEmpty()) {
            raw.forEach((name, value) -> kept.add(new ParamsView.KeptValue(name, value)));
        }
        return new ParamsView(diagnostics, fields, kept, error);
    }

    /** The mode checkboxes, ticked as submitted. */
    List<FormView.ModeChoice> modeChoices() {
        List<FormView.ModeChoice> choices = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            choices.add(new FormView.ModeChoice(mode.id(), mode.description(), modes.contains(mode)));
        }
        return choices;
    }

    /** The speed as the field shows it. */
    String speedText() {
        return Double.isNaN(speed) ? "1" : SpeedChoice.text(speed);
    }

    private static double parseSpeed(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            double speed = Double.parseDouble(text.strip());
            return speed >= RunRequest.MIN_SPEED && speed <= RunRequest.MAX_SPEED ? speed : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
