package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Durations;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Locale;

/**
 * The speed a run goes at: the one asked for, or slower when its steps, or the whole run, would
 * otherwise last too short a real time to be timed faithfully.
 *
 * <p>Every step costs a little real time besides its own: stamping its events, a wake-up, a lock
 * handed over. On the 2-core VM measured that was 0.05-0.1 ms a step, so a chess simul whose moves
 * took 100 ms at speed 1000 (0.1 ms of real time each) took twice its ideal under virtual threads,
 * and met the fidelity bar in every mode once each move lasted 5 ms. Starting and ending a run
 * costs up to 3 ms more, which the bar's slack must hold: a count to 30 at 10 ms a unit lasts 1.2 ms
 * at speed 100, and took twice its ideal; at speed 8 it lasts 15 ms, and with threads still ended
 * 1.8-2.7 ms late (docs/benchmarks.md, 2026-11-29 22:00-22:40 UTC). A run therefore goes just slow
 * enough that its shortest step lasts {@link #SHORTEST_REAL_STEP_NANOS} and its bar's slack {@link
 * #RUN_OVERHEAD_REAL_NANOS}, at a whole speed, never slower than real time nor than the speed asked.
 * The registry keeps the speed asked when going slower would break a limit of the sandbox, and the
 * note then says the times may run long. Computed only from the numbers given, so its tests are
 * exact.
 *
 * @param asked the speed asked for
 * @param used  the speed the run goes at
 * @param note  in plain words, why the run goes slower than asked, or why its times may run long;
 *              empty when neither
 */
public record SpeedChoice(double asked, double used, String note) {

    /** The shortest real time a step may last and still be timed within the fidelity bar. */
    static final long SHORTEST_REAL_STEP_NANOS = 5_000_000;
    /** The real time starting and ending a run may cost, which the bar's slack must hold. */
    static final long RUN_OVERHEAD_REAL_NANOS = 3_000_000;

    /**
     * What holds a run's speed back, as a note words it.
     *
     * @param fastest the fastest speed it allows (may be below 1 or above the speed asked)
     * @param what    "its shortest step, 100 ms," or "the whole run"
     * @param nanos   how long that lasts, in scenario nanoseconds
     */
    record Bound(double fastest, String what, double nanos) {

        /** The bound of the shortest step, {@code shortestNanos} long ({@link Long#MAX_VALUE} for none). */
        static Bound ofStep(long shortestNanos) {
            return new Bound((double) shortestNanos / SHORTEST_REAL_STEP_NANOS,
                    "its shortest step, " + scenario(shortestNanos) + ",", shortestNanos);
        }

        /** The bound of a whole run whose ideal lasts {@code idealNanos}: its bar's slack must hold the run's overhead. */
        static Bound ofRun(double idealNanos) {
            double slackNanos = (FidelityBar.of(idealNanos / 1e6) * 1e6) - idealNanos;
            return new Bound(slackNanos / RUN_OVERHEAD_REAL_NANOS, "the whole run", idealNanos);
        }

        /** The tighter of two bounds. */
        Bound tighter(Bound other) {
            return other.fastest < fastest ? other : this;
        }

        /** The fastest whole speed up to {@code asked} it allows; never below 1 (real time) unless asked. */
        double speed(double asked) {
            return asked <= 1 ? asked : Math.min(asked, Math.max(1, Math.floor(fastest)));
        }
    }

    /** The speed asked for, with nothing to say. */
    static SpeedChoice asAsked(double speed) {
        return new SpeedChoice(speed, speed, "");
    }

    /** The run goes at {@code used} instead of {@code asked}, so that what {@code bound} names lasts long enough. */
    static SpeedChoice slowed(double asked, double used, Bound bound) {
        return new SpeedChoice(asked, used, String.format(Locale.ROOT, "this run went at speed %s instead of %s:"
                + " at %s %s would last %s of real time, too short for this machine to time faithfully; at %s it"
                + " lasts %s", text(used), text(asked), text(asked), bound.what(), real(bound.nanos(), asked),
                text(used), real(bound.nanos(), used)));
    }

    /** The run goes at {@code asked} although {@code bound} asks for {@code faithful}: going slower would break {@code limit}. */
    static SpeedChoice tooFastToTime(double asked, double faithful, Bound bound, String limit) {
        return new SpeedChoice(asked, asked, String.format(Locale.ROOT, "at speed %s %s lasts %s of real time, too"
                + " short for this machine to time faithfully, so this run's times may run long; at speed %s it"
                + " would last %s, but the run would pass its limit (%s)", text(asked), bound.what(),
                real(bound.nanos(), asked), text(faithful), real(bound.nanos(), faithful), limit));
    }

    /** True if the run goes slower than asked. */
    public boolean slowed() {
        return used < asked;
    }

    /** A speed as the form shows it: {@code 1000}, {@code 2.5}. */
    public static String text(double speed) {
        return NumberText.of(speed);
    }

    /** "100 ms", "2 s": scenario time as the learner wrote it, with a space. */
    private static String scenario(long nanos) {
        return Durations.format(Duration.ofNanos(nanos)).replaceAll("(ms|s|min)$", " $1");
    }

    /** Real milliseconds to two significant digits: "0.1 ms", "0.028 ms", "5 ms". */
    private static String real(double scenarioNanos, double speed) {
        BigDecimal ms = BigDecimal.valueOf(scenarioNanos / speed / 1e6).round(new MathContext(2));
        return ms.stripTrailingZeros().toPlainString() + " ms";
    }
}
