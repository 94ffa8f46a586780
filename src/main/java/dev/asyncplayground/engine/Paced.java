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
     * faithfully ({@link SpeedChoice}), unless going slower would break a limit: then at the speed
     * asked, with a note that says so. The ideal is simulated once, and again at the slower speed
     * only for a run with the global interpreter lock, whose switch interval is real time.
     */
    static Paced faithfully(Program program, RunOptions asked, int cores, Limits limits) {
        IdealTime.Result ideal = IdealTime.simulate(program, asked, cores);
        if (asked.speed() <= 1) {
            return asAsked(asked, ideal);
        }
        SpeedChoice.Bound bound = SpeedChoice.Bound.ofStep(ShortestStep.nanos(program));
        if (ideal.finishes()) {
            bound = bound.tighter(SpeedChoice.Bound.ofRun(ideal.elapsedNanos()));
        }
        double faithful = bound.speed(asked.speed());
        if (faithful >= asked.speed()) {
            return asAsked(asked, ideal);
        }
        RunOptions slower = asked.withSpeed(faithful);
        IdealTime.Result slowerIdeal = asked.gil() ? IdealTime.simulate(program, slower, cores) : ideal;
        Optional<Start.OverLimit> over = LimitChecks.check(slowerIdeal, slower, limits);
        return over.isEmpty() ? new Paced(slower, slowerIdeal, SpeedChoice.slowed(asked.speed(), faithful, bound))
                : new Paced(asked, ideal, SpeedChoice.tooFastToTime(asked.speed(), faithful, bound, over.get().limit()));
    }
}
