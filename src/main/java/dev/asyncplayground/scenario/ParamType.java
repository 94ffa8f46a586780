package dev.asyncplayground.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of parameter a scenario can declare, and how each reads a submitted value.
 *
 * <p>Values arrive either from JSON (numbers, arrays, booleans, strings) or from an HTML form
 * (always strings); both are accepted where the meaning is unambiguous.
 */
public enum ParamType {
    INT("int", "a whole number, like 30"),
    INT_LIST("list of int", "whole numbers separated by commas, like 8, 12"),
    DURATION("duration", "a duration with a unit, like 100ms, 1s or 2min"),
    BOOL("bool", "true or false"),
    CHOICE("choice", "one of the listed options");

    private static final int MAX_LIST_ITEMS = 1000;

    private final String keyword;
    private final String expected;

    ParamType(String keyword, String expected) {
        this.keyword = keyword;
        this.expected = expected;
    }

    /** The name used in scenario text and in the JSON API ({@code "list of int"}). */
    public String keyword() {
        return keyword;
    }

    /** What a valid value looks like, for error messages. */
    public String expected() {
        return expected;
    }

    /** Converts a submitted JSON or form value; empty if it is not of this type. */
    public Optional<Value> read(Object raw) {
        return switch (this) {
            case INT -> readInt(raw).map(Value.Int::new);
            case INT_LIST -> readList(raw).map(Value.IntList::new);
            case DURATION -> raw instanceof String s ? Durations.parse(s).map(Value.Dur::new) : Optional.empty();
            case BOOL -> readBool(raw).map(Value.Bool::new);
            case CHOICE -> raw instanceof String s ? Optional.of(new Value.Text(s.strip())) : Optional.empty();
        };
    }

    private static Optional<Long> readInt(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return Optional.of(((Number) raw).longValue());
        }
        if (raw instanceof String s && s.strip().matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(s.strip()));
        }
        return Optional.empty();
    }

    private static Optional<List<Long>> readList(Object raw) {
        List<?> items;
        if (raw instanceof List<?> list) {
            items = list;
        } else if (raw instanceof String s) {
            items = s.isBlank() ? List.of() : List.of(s.replace('[', ' ').replace(']', ' ').split("[,\\s]+", -1))
                    .stream().filter(part -> !part.isEmpty()).toList();
        } else {
            return Optional.empty();
        }
        if (items.size() > MAX_LIST_ITEMS) {
            return Optional.empty();
        }
        List<Long> values = new ArrayList<>();
        for (Object item : items) {
            Optional<Long> value = readInt(item);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    private static Optional<Boolean> readBool(Object raw) {
        if (raw instanceof Boolean b) {
            return Optional.of(b);
        }
        if (raw instanceof String s && (s.equals("true") || s.equals("on"))) {
            return Optional.of(true);
        }
        if (raw instanceof String s && (s.equals("false") || s.equals("off") || s.isEmpty())) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
