package dev.asyncplayground.scenario;

import java.time.Duration;
import java.util.List;

/** Checks on values that the checker applies to constants and the expander to everything else. */
final class Rules {

    private static final long FORMATTABLE_SECONDS = 9_000_000_000L;

    private Rules() {
    }

    /** A step's duration: not negative and not longer than {@link ScenarioLimits#MAX_DURATION}. */
    static Duration duration(String keyword, Duration duration, Pos pos) {
        if (duration.isNegative()) {
            throw invalid(pos, "'" + keyword + "' needs a duration of 0 or more, but this one is "
                    + show(duration));
        }
        if (duration.compareTo(ScenarioLimits.MAX_DURATION) > 0) {
            throw invalid(pos, "'" + keyword + "' of " + show(duration) + " is longer than the limit of 24 hours"
                    + " (1440min)");
        }
        return duration;
    }

    /** A name of a task or a lock: not empty or blank. */
    static String name(String what, String text, Pos pos) {
        if (text.isBlank()) {
            throw invalid(pos, what + " cannot be empty");
        }
        return text;
    }

    /** A duration the way a learner writes it, negative and enormous ones included. */
    static String show(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds > FORMATTABLE_SECONDS || seconds < -FORMATTABLE_SECONDS) {
            return seconds + "s";
        }
        return duration.isNegative() ? "-" + Durations.format(duration.negated()) : Durations.format(duration);
    }

    static InvalidScenarioException invalid(Pos pos, String message) {
        return new InvalidScenarioException(List.of(new Diagnostic(pos.line(), pos.column(), message)));
    }
}
