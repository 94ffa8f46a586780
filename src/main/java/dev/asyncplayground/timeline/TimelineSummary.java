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
 */
public record TimelineSummary(double elapsedMs, List<OutputLine> output, List<TaskTimeline> tasks) {

    public TimelineSummary {
        output = List.copyOf(output);
        tasks = List.copyOf(tasks);
    }

    /**
     * Summarises events recorded in real time.
     *
     * @param events   the run's events, starting with {@link TimelineEvent.RunStarted}
     * @param speed    the run's time scale: scenario time = real time × speed
     * @param endNanos real nanoseconds at which still-open segments are cut off
     */
    public static TimelineSummary of(List<TimelineEvent> events, double speed, long endNanos) {
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
        return new TimelineSummary(ms(allEnded ? lastEnd : endNanos, speed), output, tasks);
    }

    /** Converts real nanoseconds to scenario milliseconds, rounded to 0.01 ms. */
    public static double ms(long nanos, double speed) {
        return Math.round(nanos * speed / 10_000.0) / 100.0;
    }
}
