package dev.asyncplayground.timeline;

import java.util.ArrayList;
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
        List<String> names = events.isEmpty() || !(events.getFirst() instanceof TimelineEvent.RunStarted started)
                ? List.of() : started.tasks();
        List<TaskTrack> tracks = new ArrayList<>(names.size());
        names.forEach(name -> tracks.add(new TaskTrack(name, speed)));
        List<OutputLine> output = new ArrayList<>();
        long lastEnd = 0;
        boolean allEnded = !names.isEmpty();
        for (TimelineEvent event : events) {
            if (event instanceof TimelineEvent.Printed p) {
                output.add(new OutputLine(ms(p.atNanos(), speed), names.get(p.task()), p.text()));
            }
            if (event instanceof TimelineEvent.TaskEnded ended) {
                lastEnd = Math.max(lastEnd, ended.atNanos());
            }
            TaskTrack.taskOf(event).ifPresent(task -> tracks.get(task).apply(event));
        }
        List<TaskTimeline> tasks = new ArrayList<>(tracks.size());
        for (TaskTrack track : tracks) {
            tasks.add(track.finish(endNanos));
            allEnded &= track.ended();
        }
        long elapsed = allEnded ? lastEnd : endNanos;
        return new TimelineSummary(ms(elapsed, speed), output, tasks, RunFigures.of(events, speed, elapsed, cores));
    }

    /** Converts real nanoseconds to scenario milliseconds, rounded to 0.01 ms. */
    public static double ms(long nanos, double speed) {
        return Math.round(nanos * speed / 10_000.0) / 100.0;
    }
}
