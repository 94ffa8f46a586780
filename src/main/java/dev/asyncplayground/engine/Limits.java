package dev.asyncplayground.engine;

import java.time.Duration;

/**
 * The sandbox limits every run obeys.
 *
 * @param maxTasks       tasks a program may have after expanding loops
 * @param maxRunTime     real (wall-clock) time a run may take before it is stopped
 * @param maxOutputLines printed lines kept per run; more fails the run
 */
public record Limits(int maxTasks, Duration maxRunTime, int maxOutputLines) {

    /** The defaults from the product brief. */
    public static Limits defaults() {
        return new Limits(10_000, Duration.ofSeconds(30), 10_000);
    }
}
