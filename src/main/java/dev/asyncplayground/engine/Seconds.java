package dev.asyncplayground.engine;

import java.time.Duration;

/** Formats durations as seconds for messages: {@code 30}, {@code 0.5}. */
final class Seconds {

    private Seconds() {
    }

    static String format(Duration duration) {
        return format(duration.toNanos() / 1e9);
    }

    static String format(double seconds) {
        return NumberText.of(seconds);
    }
}
