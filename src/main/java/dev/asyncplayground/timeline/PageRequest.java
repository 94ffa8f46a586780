package dev.asyncplayground.timeline;

/**
 * Which part of a run's output and task timelines to show: a window of each, by position.
 *
 * @param outputFrom    the first printed line to list (from 0)
 * @param outputLimit   how many printed lines to list at most
 * @param tasksFrom     the first task to list (from 0, in declaration order)
 * @param tasksLimit    how many tasks to list at most
 * @param segmentsFrom  the first segment to list of each task listed (from 0)
 * @param segmentsLimit how many segments to list at most per task
 */
public record PageRequest(int outputFrom, int outputLimit, int tasksFrom, int tasksLimit, int segmentsFrom,
                          int segmentsLimit) {

    /** Everything: for tests and small runs only. */
    public static final PageRequest ALL = new PageRequest(0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0,
            Integer.MAX_VALUE);

    /** No lines and no tasks: only the figures and counts. */
    public static final PageRequest HEADLINE = new PageRequest(0, 0, 0, 0, 0, 0);

    public PageRequest {
        if (outputFrom < 0 || outputLimit < 0 || tasksFrom < 0 || tasksLimit < 0 || segmentsFrom < 0
                || segmentsLimit < 0) {
            throw new IllegalArgumentException("page positions and sizes cannot be negative");
        }
    }

    boolean listsOutput(int line) {
        return line >= outputFrom && line - outputFrom < outputLimit;
    }

    boolean listsTask(int task) {
        return task >= tasksFrom && task - tasksFrom < tasksLimit;
    }
}
