package dev.asyncplayground.timeline;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A duration in scenario milliseconds written for reading, as the page writes it: seconds below ten
 * minutes ({@code 0.71 s}, {@code 440.4 s}), whole minutes from there ({@code 48 min}).
 *
 * <p>The page's {@code Timeline.seconds} in {@code static/timeline.js} follows the same rule; both
 * are tested against {@code src/test/resources/durations/golden.json}.
 */
public final class ReadableDuration {

    /** Minutes read better than seconds from here on (laundry's day lasts hours). */
    private static final double MINUTES_FROM_MS = 10 * 60_000;
    /** Below this, two decimals of a second; from here on, one. */
    private static final double ONE_DECIMAL_FROM_MS = 10_000;

    private ReadableDuration() {
    }

    /** The duration of {@code ms} scenario milliseconds, for reading. */
    public static String of(double ms) {
        if (Math.abs(ms) >= MINUTES_FROM_MS) {
            return Math.round(ms / 60_000) + " min";
        }
        int decimals = ms < ONE_DECIMAL_FROM_MS ? 2 : 1;
        // the exact value of the double, rounded half up, as JavaScript's toFixed rounds it
        return new BigDecimal(ms / 1000).setScale(decimals, RoundingMode.HALF_UP).toPlainString() + " s";
    }
}
