package dev.asyncplayground.timeline;

import java.util.List;

/**
 * Figures that tell how a run used its time, computed from its events alone.
 *
 * @param workMs          scenario milliseconds the waits and CPU steps took, added up: what running
 *                        the same work one step after another would take. Each step counts for the
 *                        shorter of its declared and its measured length, so a timeout's cut counts
 *                        and a late wake-up does not.
 * @param cpuBusyPercent  time spent in CPU steps (counted the same way) as a share of
 *                        elapsed × cores, 0 to 100, to one decimal
 * @param peakConcurrency the most tasks started and not yet ended at one moment
 * @param threadsUsed     distinct OS threads that ran steps (for virtual threads, their carriers)
 */
public record RunFigures(double workMs, double cpuBusyPercent, int peakConcurrency, int threadsUsed) {

    /** The figures of a run with no events. */
    public static final RunFigures NONE = new RunFigures(0, 0, 0, 0);

    /**
     * Computes the figures.
     *
     * @param events       the run's events, starting with {@link TimelineEvent.RunStarted}
     * @param speed        the run's time scale: scenario time = real time × speed
     * @param elapsedNanos real nanoseconds the run took (or has taken so far); steps still open are
     *                     cut there
     * @param cores        CPUs of the machine that ran it
     */
    public static RunFigures of(List<TimelineEvent> events, double speed, long elapsedNanos, int cores) {
        if (events.isEmpty() || !(events.getFirst() instanceof TimelineEvent.RunStarted started)) {
            return NONE;
        }
        FigureTally tally = new FigureTally(started.tasks().size());
        events.forEach(tally::add);
        return of(tally, speed, elapsedNanos, cores);
    }

    /** The figures of a tally that has seen all the events of a run. */
    static RunFigures of(FigureTally tally, double speed, long elapsedNanos, int cores) {
        tally.closeAll(elapsedNanos);
        double capacity = (double) elapsedNanos * Math.max(1, cores);
        double cpuShare = elapsedNanos <= 0 ? 0 : tally.cpuNanos() * 100.0 / capacity;
        return new RunFigures(TimelineSummary.ms(tally.waitNanos() + tally.cpuNanos(), speed),
                Math.round(Math.min(100, cpuShare) * 10) / 10.0, tally.peak(), tally.threads());
    }
}
