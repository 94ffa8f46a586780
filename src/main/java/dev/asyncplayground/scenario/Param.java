package dev.asyncplayground.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A declared parameter of a scenario: it becomes one field of the exercise's form.
 *
 * @param name         identifier used in the scenario and in the API
 * @param type         what kind of value it takes
 * @param defaultValue the value used when none is submitted
 * @param min          smallest allowed value (for lists: of each item), or null for no bound
 * @param max          largest allowed value (for lists: of each item), or null for no bound
 * @param choices      the options of a {@link ParamType#CHOICE} parameter, else empty
 * @param description  one line saying what it means, shown beside the field
 */
public record Param(String name, ParamType type, Value defaultValue, Value min, Value max,
                    List<String> choices, String description) {

    public Param {
        choices = List.copyOf(choices);
    }

    /** A whole-number parameter between {@code min} and {@code max} inclusive. */
    public static Param ofInt(String name, long defaultValue, long min, long max, String description) {
        return new Param(name, ParamType.INT, new Value.Int(defaultValue), new Value.Int(min), new Value.Int(max),
                List.of(), description);
    }

    /** A list-of-numbers parameter whose items lie between {@code min} and {@code max}. */
    public static Param ofIntList(String name, List<Long> defaultValue, long min, long max, String description) {
        return new Param(name, ParamType.INT_LIST, new Value.IntList(defaultValue), new Value.Int(min),
                new Value.Int(max), List.of(), description);
    }

    /** A duration parameter between {@code min} and {@code max}. */
    public static Param ofDuration(String name, Duration defaultValue, Duration min, Duration max,
                                   String description) {
        return new Param(name, ParamType.DURATION, new Value.Dur(defaultValue), new Value.Dur(min),
                new Value.Dur(max), List.of(), description);
    }

    /** Reads a submitted value and checks it against the declared range or options. */
    public Value accept(Object raw) throws InvalidParameterException {
        Optional<Value> value = type.read(raw);
        problemWith(raw, value).ifPresent(problem -> {
            throw new InvalidParameterException(name, problem);
        });
        return value.orElseThrow();
    }

    /** What is wrong with a submitted value (its type, range or options), naming the parameter; empty if nothing. */
    public Optional<String> problemWith(Object raw) {
        return problemWith(raw, type.read(raw));
    }

    private Optional<String> problemWith(Object raw, Optional<Value> value) {
        if (value.isEmpty()) {
            return Optional.of(name + " must be " + type.expected() + " (got " + quote(raw) + ")");
        }
        return outOfRange(value.get()).map(problem -> name + " " + problem);
    }

    private Optional<String> outOfRange(Value value) {
        return switch (value) {
            case Value.Int i -> outsideBounds(i.value()).map(range -> "must be " + range);
            case Value.IntList list -> list.values().stream().map(this::outsideBounds)
                    .flatMap(Optional::stream).findFirst().map(range -> "items must be " + range);
            case Value.Dur d -> checkDuration(d.value());
            case Value.Text t -> choices.contains(t.value()) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", choices) + " (got \"" + t.value() + "\")");
            case Value.Bool b -> Optional.empty();
        };
    }

    private Optional<String> outsideBounds(long n) {
        long lo = min instanceof Value.Int i ? i.value() : Long.MIN_VALUE;
        long hi = max instanceof Value.Int i ? i.value() : Long.MAX_VALUE;
        return n < lo || n > hi
                ? Optional.of("between " + lo + " and " + hi + " (got " + n + ")")
                : Optional.empty();
    }

    private Optional<String> checkDuration(Duration d) {
        boolean tooShort = min instanceof Value.Dur lo && d.compareTo(lo.value()) < 0;
        boolean tooLong = max instanceof Value.Dur hi && d.compareTo(hi.value()) > 0;
        return tooShort || tooLong
                ? Optional.of("must be between " + min.display() + " and " + max.display()
                        + " (got " + Durations.format(d) + ")")
                : Optional.empty();
    }

    private static String quote(Object raw) {
        String text = raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
