package dev.asyncplayground.web;

import dev.asyncplayground.scenario.Param;
import dev.asyncplayground.scenario.ParamType;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that each parameter in a JSON request has the JSON type PRODUCT.md section 5 gives it.
 *
 * <p>Whole numbers are JSON numbers, lists are arrays of numbers, durations are strings with a
 * unit and booleans are JSON booleans: {@code "count": "30"} is refused with a message naming
 * the field and the type expected, rather than quietly read as the form would read it. Values
 * of the right type are checked against their ranges later, by {@link Param#accept}.
 */
final class JsonParams {

    private JsonParams() {
    }

    /** The first parameter sent with the wrong JSON type, as a 400 naming it; empty if all fit. */
    static Optional<ApiException> mistyped(List<Param> declared, Map<String, ?> sent) {
        for (Param param : declared) {
            Object value = sent.get(param.name());
            if (value != null && !fits(param.type(), value)) {
                return Optional.of(new ApiException(400, param.name() + " must be " + expected(param)
                        + "; got " + described(param.type(), value),
                        Map.of("parameter", param.name())));
            }
        }
        return Optional.empty();
    }

    private static boolean fits(ParamType type, Object value) {
        return switch (type) {
            case INT -> isWhole(value);
            case INT_LIST -> value instanceof List<?> items && items.stream().allMatch(JsonParams::isWhole);
            case DURATION, CHOICE -> value instanceof String;
            case BOOL -> value instanceof Boolean;
        };
    }

    private static String expected(Param param) {
        return switch (param.type()) {
            case INT -> "a whole number as a JSON number, like 30 (not \"30\")";
            case INT_LIST -> "a JSON array of whole numbers, like [8, 12]";
            case DURATION -> "a duration with a unit as a JSON string, like \"100ms\"";
            case CHOICE -> "one of " + String.join(", ", param.choices()) + " as a JSON string";
            case BOOL -> "true or false as a JSON boolean (not \"true\")";
        };
    }

    /** The value as the message shows it; for a list, its first item that is not a whole number. */
    private static String described(ParamType type, Object value) {
        if (type == ParamType.INT_LIST && value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (!isWhole(items.get(i))) {
                    return describe(items.get(i)) + " as item " + (i + 1);
                }
            }
        }
        return describe(value);
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    /** The value's JSON type and a short form of it, e.g. {@code the string "30"}. */
    static String describe(Object value) {
        return switch (value) {
            case String s -> "the string \"" + shortened(s) + "\"";
            case Boolean b -> "the boolean " + b;
            case Number n -> "the number " + shortened(n.toString());
            case List<?> list -> "an array of " + list.size() + (list.size() == 1 ? " item" : " items");
            case Map<?, ?> map -> "an object";
            default -> "a value of another type";
        };
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
