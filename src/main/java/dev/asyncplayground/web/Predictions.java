package dev.asyncplayground.web;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.scenario.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's guesses of each mode's elapsed time, typed before Run in fields named
 * {@code predict-MODE}: {@code 12}, {@code 12s}, {@code 1.5 min} or {@code 800ms} (a bare number
 * is seconds). Empty fields are no guess.
 *
 * @param ms      the guesses in milliseconds, by mode
 * @param problem what is wrong with a field, or null
 */
record Predictions(Map<Mode, Double> ms, String problem) {

    static final String PREFIX = "predict-";

    static Predictions read(Map<String, List<String>> form, List<Mode> modes) {
        Map<Mode, Double> ms = new LinkedHashMap<>();
        for (Mode mode : modes) {
            List<String> typed = form.getOrDefault(PREFIX + mode.id(), List.of());
            String text = typed.isEmpty() ? "" : typed.getFirst().strip();
            if (text.isEmpty()) {
                continue;
            }
            Optional<Duration> guess = Durations.parse(text.matches("\\d+(\\.\\d+)?") ? text + "s" : text);
            if (guess.isEmpty()) {
                return new Predictions(Map.of(), "your guess for " + mode.id() + ", '" + text
                        + "', is not a time: write it like 12, 12s, 800ms or 1.5min");
            }
            ms.put(mode, guess.get().toNanos() / 1e6);
        }
        return new Predictions(ms, null);
    }
}
