package dev.asyncplayground.timeline;

import java.util.List;

/**
 * A window onto a run's summary: its figures in full, its output and task timelines a page at a time.
 *
 * @param elapsedMs   as in {@link TimelineSummary#elapsedMs()}
 * @param figures     the run's figures, from all its events
 * @param outputCount how many lines the run printed in all
 * @param output      the printed lines the page asked for, in order
 * @param taskCount   how many tasks the run has
 * @param tasks       the tasks the page asked for, in declaration order
 */
public record TimelinePage(double elapsedMs, RunFigures figures, int outputCount, List<OutputLine> output,
                           int taskCount, List<TaskPage> tasks) {

    public TimelinePage {
        output = List.copyOf(output);
        tasks = List.copyOf(tasks);
    }

    /**
     * One task's timeline with the segments the page asked for.
     *
     * @param timeline     the task, with the segments asked for only
     * @param segmentCount how many segments the task has in all
     */
    public record TaskPage(TaskTimeline timeline, int segmentCount) {}
}
