package dev.asyncplayground.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** String and duration literals as Python and Java write them. */
final class Literals {

    private Literals() {
    }

    /** A double-quoted string literal; quotes, backslashes and anything outside printable ASCII escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c >= 32 && c < 127) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Real seconds for a scenario duration at a speed, e.g. {@code 0.2}, {@code 8}, {@code 0.000125}. */
    static String seconds(Duration scenario, double speed) {
        long micros = Math.round(scenario.toNanos() / speed / 1000.0);
        return BigDecimal.valueOf(micros, 6).setScale(6, RoundingMode.UNNECESSARY).stripTrailingZeros()
                .toPlainString();
    }

    /** A Java {@code Duration} expression for a scenario duration at a speed. */
    static String javaDuration(Duration scenario, double speed) {
        long nanos = Math.round(scenario.toNanos() / speed);
        if (nanos % 1_000_000_000L == 0) {
            return "Duration.ofSeconds(" + nanos / 1_000_000_000L + ")";
        }
        if (nanos % 1_000_000L == 0) {
            return "Duration.ofMillis(" + nanos / 1_000_000L + ")";
        }
        return "Duration.ofNanos(" + nanos + ")";
    }

    /** A duration as the scenario language writes it, e.g. {@code 250ms}, {@code 1.5s}, {@code 2min}. */
    static String scenario(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "min";
        }
        if (ms % 1000 == 0 && ms > 0 || ms >= 10_000) {
            return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
        }
        return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString() + "ms";
    }
}
