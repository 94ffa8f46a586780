package dev.asyncplayground.timeline;

import java.util.List;

/**
 * What one task did over the run.
 *
 * @param name     the task's name
 * @param status   {@code pending}, {@code running}, {@code done}, {@code failed} or {@code cancelled}
 * @param startMs  when it started, or null if it has not
 * @param endMs    when it ended, or null if it has not
 * @param message  why it failed or was cancelled; empty otherwise
 * @param segments its states in time order
 */
public record TaskTimeline(String name, String status, Double startMs, Double endMs, String message,
                           List<Segment> segments) {

    public TaskTimeline {
        segments = List.copyOf(segments);
    }
}
