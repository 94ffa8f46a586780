package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import java.util.Optional;

/**
 * A run's options at the speed it goes, its ideal at that speed, and the speed asked for.
 *
 * @param options the options the run goes with
 * @param ideal   its ideal run, simulated with those options
 * @param speed   the speed asked for and the one in {@code options}, with why they differ
 */
record Paced(RunOptions options, IdealTime.Result ideal, SpeedChoice speed) {

    /** At the speed asked, with an ideal already simulated. */
    static Paced asAsked(RunOptions options, IdealTime.Result ideal) {
        return new Paced(options, ideal, SpeedChoice.asAsked(options.speed()));
    }

    /** At the speed asked, however short the steps: for runs nobody times. */
    static Paced asAsked(Program program, RunOptions options, int cores) {
        return asAsked(options, IdealTime.simulate(program, options, cores));
    }

    /**
     * Slower than asked when the shortest step, or the whole run, would be too short to time
     * faithfully ({@link SpeedChoice}). If going that slow would break a limit, as slow as the limits
     * allow, with a note that says its times may run long. The ideal is simulated once, and again at
     * a slower speed only for a run with the global interpreter lock, whose switch interval is real
     * time.
     */
    static Paced faithfully(Program program, RunOptions asked, int cores, Limits limits) {
        IdealTime.Result ideal = IdealTime.simulate(program, asked, cores);
        if (asked.speed() <= 1) {
            return atMostRealTime(asked, ideal);
        }
        SpeedChoice.Bound bound = SpeedChoice.Bound.ofStep(ShortestStep.nanos(program));
        if (ideal.finishes()) {
            bound = bound.tighter(SpeedChoice.Bound.ofRun(ideal.elapsedNanos(), ideal.chain(), asked.mode()));
        }
        double faithful = bound.speed(asked.speed());
        return faithful >= asked.speed() ? asAsked(asked, ideal)
                : slower(program, asked, ideal, bound, faithful, cores, limits);
    }

    /**
     * As asked, for a run asked to go at real time or slower, which is never slowed further; with a
     * note when its bar's slack would not hold its start, its end and the late starts along its
     * longest chain, so that its times may run long.
     */
    private static Paced atMostRealTime(RunOptions asked, IdealTime.Result ideal) {
        if (!ideal.finishes()) {
            return asAsked(asked, ideal);
        }
        SpeedChoice.Bound bound = SpeedChoice.Bound.ofRun(ideal.elapsedNanos(), ideal.chain(), asked.mode());
        return new Paced(asked, ideal, bound.fastest() >= asked.speed() ? SpeedChoice.asAsked(asked.speed())
                : SpeedChoice.tooShortAtRealTime(asked.speed(), bound));
    }

    /** At {@code faithful}, or as close to it as the limits allow, or, if they allow no slower speed, as asked. */
    private static Paced slower(Program program, RunOptions asked, IdealTime.Result ideal, SpeedChoice.Bound bound,
                                double faithful, int cores, Limits limits) {
        LimitChecks.Slowest slowest = LimitChecks.slowest(ideal, limits);
        double used = Math.min(asked.speed(), Math.max(faithful, slowest.speed()));
        RunOptions slower = asked.withSpeed(used);
        IdealTime.Result slowerIdeal = asked.gil() ? IdealTime.simulate(program, slower, cores) : ideal;
        Optional<Start.OverLimit> over = LimitChecks.check(slowerIdeal, slower, limits);
        if (used >= asked.speed() || over.isPresent()) {
            return new Paced(asked, ideal, SpeedChoice.tooFastToTime(asked.speed(), faithful, bound,
                    over.map(Start.OverLimit::limit).orElse(slowest.limit())));
        }
        return new Paced(slower, slowerIdeal, used == faithful ? SpeedChoice.slowed(asked.speed(), used, bound)
                : SpeedChoice.asSlowAsLimitsAllow(asked.speed(), used, faithful, bound, slowest.limit()));
    }
}
