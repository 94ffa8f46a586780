package dev.asyncplayground.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes durations the way learners type them: {@code 100ms}, {@code 1.5s}, {@code 2min}. */
public final class Durations {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9}(?:\\.\\d{1,6})?)\\s*(ms|s|min)\\s*");

    private Durations() {
    }

    /** Parses a number followed by a unit; empty if the text is not such a duration. */
    public static Optional<Duration> parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (m.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            default -> 60_000_000_000L;
        });
        return Optional.of(Duration.ofNanos(amount.multiply(nanosPerUnit).longValue()));
    }

    /** Formats in the largest unit that keeps the number short: {@code 250ms}, {@code 1.5s}, {@code 40min}. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos != 0 && nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + "min";
        }
        if (nanos >= 1_000_000_000L) {
            return strip(BigDecimal.valueOf(nanos, 9)) + "s";
        }
        return strip(BigDecimal.valueOf(nanos, 6)) + "ms";
    }

    private static String strip(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
