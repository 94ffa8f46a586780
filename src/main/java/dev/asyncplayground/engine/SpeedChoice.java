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
 * handed over. On the 2-core VM measured that was 0.05-0.1 ms of engine work a step, so a chess
 * simul whose moves took 100 ms at speed 1000 (0.1 ms of real time each) took twice its ideal under
 * virtual threads, and met the fidelity bar in every mode once each move lasted 5 ms. Starting and
 * ending a run costs up to 3 ms more. And a task that goes on after a wait, a lock or another task
 * does so late, by 0.15-0.5 ms of real time on that VM depending on the mode, whatever the speed:
 * along a chain of steps one after another ({@link StepChains}) the late starts add up. The {@code
 * virtual-threads} chess simul at its defaults, 28 steps in a row, ended 7-17 ms of real time late
 * at speed 1000 and 7-12 ms at speed 640, where the bar's slack was 6.4 and 10 ms; at 377, 6-10 ms
 * with 17 ms of slack (docs/benchmarks.md, 2026-11-30 00:00-01:00 UTC). A run therefore goes just
 * slow enough that its shortest step lasts {@link #SHORTEST_REAL_STEP_NANOS} and its bar's slack
 * holds {@link #RUN_OVERHEAD_REAL_NANOS} plus {@link #resumptionRealNanos} for every step of its
 * longest chain, at a whole speed, never slower than real time nor than the speed asked. When going
 * that slow would break a limit of the sandbox, the run goes as slow as the limits allow, and the
 * note then says its times may run long; so it does when the bar's slack would not hold the late
 * starts even at real time (a run with the global interpreter lock, whose every 5 ms turn is a
 * step of its chain). Computed only from the numbers given, so its tests are exact.
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
    /** What every note says of a time too short to time, in one wording. */
    private static final String TOO_SHORT_TO_TIME = "too short for this machine to time faithfully";
    /** What every note says of a run that cannot go slow enough, in one wording. */
    private static final String MAY_RUN_LONG = "so this run's times may run long";
    /** Ends the note of a run slowed to real time whose bound would have it slower still. */
    private static final String STILL_TOO_SHORT = ", still too short, " + MAY_RUN_LONG
            + " (no run is slowed below real time)";

    /**
     * The real time a task may lose going on after a step of a chain (a late wake-up), which the
     * bar's slack must hold. Measured on the 2-core VM (docs/benchmarks.md, 2026-11-30): the event
     * loop's one thread wakes from its timer; a platform thread is woken by the OS; a virtual thread
     * by the JDK's timer thread, and then waits for a carrier.
     */
    static long resumptionRealNanos(Mode mode) {
        return switch (mode) {
            case EVENT_LOOP -> 150_000;
            case SEQUENTIAL, PLATFORM_THREADS -> 300_000;
            case VIRTUAL_THREADS -> 500_000;
        };
    }

    /**
     * What holds a run's speed back, as a note words it.
     *
     * @param fastest the fastest speed it allows (may be below 1 or above the speed asked)
     * @param what    "its shortest step, 100 ms," or "the 6.41 s its fidelity bar allows over the
     *                ideal, for starting and ending it and going on after 28 steps in a row,"
     * @param nanos   how long that lasts, in scenario nanoseconds
     */
    record Bound(double fastest, String what, double nanos) {

        /** The bound of the shortest step, {@code shortestNanos} long ({@link Long#MAX_VALUE} for none). */
        static Bound ofStep(long shortestNanos) {
            return new Bound((double) shortestNanos / SHORTEST_REAL_STEP_NANOS,
                    "its shortest step, " + scenario(shortestNanos) + ",", shortestNanos);
        }

        /**
         * The bound of a whole run in {@code mode} whose ideal lasts {@code idealNanos} and whose
         * longest chain has {@code chain} steps one after another: its bar's slack must hold the
         * run's overhead and a late wake-up after every step of the chain.
         */
        static Bound ofRun(double idealNanos, long chain, Mode mode) {
            double slackNanos = (FidelityBar.of(idealNanos / 1e6) * 1e6) - idealNanos;
            double costNanos = RUN_OVERHEAD_REAL_NANOS + (double) chain * resumptionRealNanos(mode);
            return new Bound(slackNanos / costNanos, "the " + scenario(Math.round(slackNanos / 1e3) * 1000)
                    + " its fidelity bar allows over the ideal, for starting and ending it" + goingOn(chain) + ",",
                    slackNanos);
        }

        private static String goingOn(long chain) {
            return chain == 0 ? "" : chain == 1 ? " and going on after a step"
                    : " and going on after " + chain + " steps in a row";
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

    /**
     * The run goes at {@code used} instead of {@code asked}, so that what {@code bound} names lasts
     * long enough; or, slowed to real time, as long as it can, which the note then says may not be
     * enough.
     */
    static SpeedChoice slowed(double asked, double used, Bound bound) {
        String note = String.format(Locale.ROOT, "this run went at speed %s instead of %s: at %s %s would last %s"
                + " of real time, %s; at %s it lasts %s", text(used), text(asked), text(asked), bound.what(),
                real(bound.nanos(), asked), TOO_SHORT_TO_TIME, text(used), real(bound.nanos(), used));
        return new SpeedChoice(asked, used, bound.fastest() < used ? note + STILL_TOO_SHORT : note);
    }

    /** The run goes at {@code asked} although {@code bound} asks for {@code faithful}: going slower would break {@code limit}. */
    static SpeedChoice tooFastToTime(double asked, double faithful, Bound bound, String limit) {
        return new SpeedChoice(asked, asked, String.format(Locale.ROOT, "%s; at speed %s it would last %s, but the"
                + " run would pass its limit (%s)", mayRunLong(asked, bound), text(faithful),
                real(bound.nanos(), faithful), limit));
    }

    /**
     * The run goes at {@code asked}, real time or slower, although what {@code bound} names would
     * then last too short a real time to be timed faithfully: a run asked to go that slow is never
     * slowed further.
     */
    static SpeedChoice tooShortAtRealTime(double asked, Bound bound) {
        return new SpeedChoice(asked, asked, mayRunLong(asked, bound)
                + " (a run asked to go at real time or slower is never slowed further)");
    }

    /**
     * The run goes at {@code used}, as slow as its limits allow, instead of {@code asked}, although
     * {@code bound} asks for {@code faithful}: going that slow would break {@code limit}.
     */
    static SpeedChoice asSlowAsLimitsAllow(double asked, double used, double faithful, Bound bound, String limit) {
        return new SpeedChoice(asked, used, String.format(Locale.ROOT, "this run went at speed %s instead of %s, as"
                + " slow as its limit (%s) allows: at %s %s lasts %s of real time, %s, %s; at speed %s it would last"
                + " %s", text(used), text(asked), limit, text(used), bound.what(), real(bound.nanos(), used),
                TOO_SHORT_TO_TIME, MAY_RUN_LONG, text(faithful), real(bound.nanos(), faithful)));
    }

    /**
     * "at speed 1000 its shortest step, 150 ms, lasts 0.15 ms of real time, too short for this
     * machine to time faithfully, so this run's times may run long".
     */
    private static String mayRunLong(double speed, Bound bound) {
        return String.format(Locale.ROOT, "at speed %s %s lasts %s of real time, %s, %s", text(speed), bound.what(),
                real(bound.nanos(), speed), TOO_SHORT_TO_TIME, MAY_RUN_LONG);
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
