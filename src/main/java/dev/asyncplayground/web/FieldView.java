package dev.asyncplayground.web;

import dev.asyncplayground.scenario.Param;
import dev.asyncplayground.scenario.Value;
import java.util.List;

/**
 * One form field for a declared parameter, with the value to show and any error beside it.
 *
 * @param name        the parameter's name (the form field's name)
 * @param kind        {@code number}, {@code text}, {@code checkbox} or {@code select}
 * @param value       the text to show in the field
 * @param min         lower bound for number fields, else null
 * @param max         upper bound for number fields, else null
 * @param description what the parameter means
 * @param hint        what a valid value looks like
 * @param error       what is wrong with the submitted value, else null
 * @param checked     for checkboxes
 * @param choices     for selects
 */
public record FieldView(String name, String kind, String value, String min, String max, String description,
                 String hint, String error, boolean checked, List<String> choices) {

    /** The field for {@code param} showing {@code shown} (what the user typed, or the default). */
    static FieldView of(Param param, String shown, String error) {
        String kind = switch (param.type()) {
            case INT -> "number";
            case INT_LIST, DURATION -> "text";
            case BOOL -> "checkbox";
            case CHOICE -> "select";
        };
        boolean number = kind.equals("number");
        return new FieldView(param.name(), kind, shown, number ? bound(param.min()) : null,
                number ? bound(param.max()) : null, param.description(), hint(param), error,
                "true".equals(shown), param.choices());
    }

    private static String bound(Value value) {
        return value == null ? null : value.display();
    }

    private static String hint(Param param) {
        String range = param.min() != null && param.max() != null
                ? ", from " + param.min().display() + " to " + param.max().display() : "";
        return param.type().expected() + range;
    }
}
