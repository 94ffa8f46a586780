package dev.asyncplayground.engine;

import java.time.Duration;

/**
 * How to run a program.
 *
 * @param mode  the execution model
 * @param speed time scale: a scenario second lasts 1/speed real seconds
 */
public record RunOptions(Mode mode, double speed) {

    /** Real nanoseconds for a scenario duration. */
    long realNanos(Duration scenario) {
        return Math.round(scenario.toNanos() / speed);
    }
}
