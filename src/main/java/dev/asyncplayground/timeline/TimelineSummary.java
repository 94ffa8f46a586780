package dev.asyncplayground.timeline;

import java.util.List;

/**
 * The readable result of a run's events: elapsed time, output in order, and each task's segments.
 *
 * <p>Computed only from the events given, so the same events always give the same summary.
 *
 * @param elapsedMs scenario milliseconds from the run's start to its last task's end (or to
 *                  {@code endNanos} while tasks are still going)
 * @param output    printed lines in the order they appeared
 * @param tasks     one entry per task, in declaration order
 * @param figures   work, CPU use, concurrency and threads of the run
 */
public record TimelineSummary(double elapsedMs, List<OutputLine> output, List<TaskTimeline> tasks,
                              RunFigures figures) {

    public TimelineSummary {
        output = List.copyOf(output);
        tasks = List.copyOf(tasks);
    }

    /** A summary without figures. */
    public TimelineSummary(double elapsedMs, List<OutputLine> output, List<TaskTimeline> tasks) {
        this(elapsedMs, output, tasks, RunFigures.NONE);
    }

    /**
     * Summarises events recorded in real time on this machine, counting its available processors
     * as the cores for {@link RunFigures#cpuBusyPercent()}.
     *
     * @see #of(List, double, long, int)
     */
    public static TimelineSummary of(List<TimelineEvent> events, double speed, long endNanos) {
        return of(events, speed, endNanos, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Summarises events recorded in real time.
     *
     * @param events   the run's events, starting with {@link TimelineEvent.RunStarted}
     * @param speed    the run's time scale: scenario time = real time × speed
     * @param endNanos real nanoseconds at which still-open segments are cut off
     * @param cores    CPUs of the machine that ran them, for the CPU figure
     */
    public static TimelineSummary of(List<TimelineEvent> events, double speed, long endNanos, int cores) {
        return of(TimelineScan.of(events::forEach, speed, endNanos, cores, PageRequest.ALL));
    }

    /** The summary a page that lists everything shows. */
    public static TimelineSummary of(TimelinePage all) {
        List<TaskTimeline> tasks = all.tasks().stream().map(TimelinePage.TaskPage::timeline).toList();
        return new TimelineSummary(all.elapsedMs(), all.output(), tasks, all.figures());
    }

    /** Converts real nanoseconds to scenario milliseconds, rounded to 0.01 ms. */
    public static double ms(long nanos, double speed) {
        return Math.round(nanos * speed / 10_000.0) / 100.0;
    }
}
