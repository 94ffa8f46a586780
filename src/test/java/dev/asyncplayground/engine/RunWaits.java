package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waits, with a bound, for what runs do in real time. */
final class RunWaits {

    private RunWaits() {
    }

    /** Waits until the run's status is final and returns it. */
    static RunStatus awaitEnd(Run run) {
        until(() -> run.status().isFinal(), Duration.ofSeconds(20), "run " + run.id() + " to end");
        return run.status();
    }

    /** Waits until no engine thread is alive (a supervisor may take a moment to return). */
    static void awaitNoThreads(RunRegistry registry) {
        until(() -> registry.liveEngineThreads() == 0, Duration.ofSeconds(5), "engine threads to be gone");
        assertEquals(0, registry.liveEngineThreads());
    }

    static void until(BooleanSupplier condition, Duration max, String what) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    /** The run's events of one type, in order. */
    static <T extends TimelineEvent> List<T> events(Run run, Class<T> type) {
        return run.log().snapshot().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Real milliseconds of an event's time stamp. */
    static double realMs(TimelineEvent event) {
        return event.atNanos() / 1e6;
    }
}
