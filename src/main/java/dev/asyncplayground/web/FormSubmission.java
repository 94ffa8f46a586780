package dev.asyncplayground.web;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.exercise.Exercise;
import dev.asyncplayground.scenario.InvalidParameterException;
import dev.asyncplayground.scenario.Param;
import dev.asyncplayground.scenario.ParamType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What a form (or a shared link) submitted, checked field by field. */
record FormSubmission(Exercise exercise, Map<String, String> shown, Map<String, String> errors,
                      Map<String, Object> values, List<Mode> modes, double speed, String problem) {

    static FormSubmission read(Exercise exercise, Function<String, String> field, List<String> modeIds,
                               String speedText, boolean submitted) {
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param param : exercise.scenario().params()) {
            String raw = field.apply(param.name());
            if (raw == null && submitted && param.type() == ParamType.BOOL) {
                raw = "false";
            }
            shown.put(param.name(), raw == null ? param.defaultValue().display() : raw);
            if (raw != null) {
                try {
                    param.accept(raw);
                    values.put(param.name(), raw);
                } catch (InvalidParameterException e) {
                    errors.put(param.name(), e.getMessage());
                }
            }
        }
        List<String> ids = modeIds.isEmpty() && !submitted ? exercise.modes() : modeIds;
        List<Mode> modes = ids.stream().flatMap(id -> Mode.byId(id).stream()).toList();
        double speed = parseSpeed(speedText);
        String problem = !errors.isEmpty() ? "fix the values marked below"
                : modes.isEmpty() ? "tick at least one mode to run"
                : Double.isNaN(speed) ? "speed must be a number above 0 and at most 1000" : null;
        return new FormSubmission(exercise, shown, errors, values, modes, speed, problem);
    }

    private static double parseSpeed(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            double speed = Double.parseDouble(text.strip());
            return speed > 0 && speed <= RunRequest.MAX_SPEED ? speed : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    FormView form(String problem) {
        List<FieldView> fields = exercise.scenario().params().stream()
                .map(p -> FieldView.of(p, shown.get(p.name()), errors.get(p.name()))).toList();
        List<FormView.ModeChoice> choices = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            choices.add(new FormView.ModeChoice(mode.id(), mode.description(), modes.contains(mode)));
        }
        String speedShown = Double.isNaN(speed) || speed == 1 ? "1" : Double.toString(speed);
        return new FormView(exercise.id(), fields, choices, speedShown, problem);
    }
}
