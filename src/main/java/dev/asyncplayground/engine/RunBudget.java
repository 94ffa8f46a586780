package dev.asyncplayground.engine;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Counts what one run spends against its limits: events, printed lines and bytes, CPU burnt by
 * {@code cpu} steps, and the engine's own time.
 *
 * <p>Past a limit it stops the whole run as failed with a message naming the limit, once: a run
 * that is already stopping is not failed again.
 */
final class RunBudget {

    private final Limits limits;
    private final Consumer<String> fail;
    private final LongSupplier parkedNanos;
    private final AtomicInteger printed = new AtomicInteger();
    private final AtomicLong printedBytes = new AtomicLong();
    private final AtomicLong cpuBurnt = new AtomicLong();
    private final AtomicLong engineNanos = new AtomicLong();

    /**
     * @param fail        stops the whole run as failed with the given reason
     * @param parkedNanos time the run's threads spent parked waiting for each other inside the
     *                    engine (on the log's lock), which is not work
     */
    RunBudget(Limits limits, Consumer<String> fail, LongSupplier parkedNanos) {
        this.limits = limits;
        this.fail = fail;
        this.parkedNanos = parkedNanos;
    }

    /** Checks the event just recorded, number {@code seq}, against the event limit. */
    void countEvent(long seq, boolean stopping) {
        if (seq > limits.maxEvents() && !stopping) {
            fail.accept("stopped at the event limit of " + thousands(limits.maxEvents())
                    + " timeline events per run (MAX_EVENTS)");
        }
    }

    /** Counts a printed line and its bytes; false (and the run failed) past an output limit. */
    boolean countPrint(String text) {
        if (printed.incrementAndGet() > limits.maxOutputLines()) {
            fail.accept("stopped at the output limit of " + limits.maxOutputLines()
                    + " lines per run (MAX_OUTPUT_LINES)");
            return false;
        }
        if (printedBytes.addAndGet(text.getBytes(StandardCharsets.UTF_8).length) > limits.maxOutputBytes()) {
            fail.accept("stopped at the output limit of " + thousands(limits.maxOutputBytes())
                    + " printed bytes per run (MAX_OUTPUT_BYTES)");
            return false;
        }
        return true;
    }

    /** Adds CPU time burnt by a cpu step; false (and the run failed) past the CPU limit. */
    boolean chargeCpu(long nanos) {
        if (cpuBurnt.addAndGet(nanos) <= limits.maxCpuTime().toNanos()) {
            return true;
        }
        fail.accept("stopped at the CPU limit of " + Seconds.format(limits.maxCpuTime())
                + " CPU-seconds of cpu steps per run (MAX_CPU_SECONDS)");
        return false;
    }

    /** CPU time the run's cpu steps have burnt so far. */
    long cpuBurnt() {
        return cpuBurnt.get();
    }

    /**
     * Adds time the engine spent taking a task's steps; past the engine limit, the run fails. A
     * virtual thread's CPU time cannot be read, so the engine's work is the time its threads spent
     * in the engine's code less the time they were parked there.
     */
    void chargeEngine(long nanos, boolean stopping) {
        long work = engineNanos.addAndGet(nanos) - parkedNanos.getAsLong();
        if (work > limits.maxEngineTime().toNanos() && !stopping) {
            fail.accept("stopped at the engine limit of " + Seconds.format(limits.maxEngineTime())
                    + " s of the engine's own time per run (MAX_ENGINE_CPU_SECONDS): its steps cost the server"
                    + " too much work");
        }
    }

    private static String thousands(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
