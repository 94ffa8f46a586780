package dev.asyncplayground.scenario;

import dev.asyncplayground.timeline.Measure;
import java.util.List;
import java.util.Map;

/**
 * A scenario with every parameter bound and every loop expanded: what the engine runs.
 *
 * @param tasks    in declaration order (the order {@code sequential} runs them)
 * @param shared   initial values of the named shared variables
 * @param measures the figures to compute from the run's timeline, in declaration order
 */
public record Program(List<TaskSpec> tasks, Map<String, Long> shared, List<Measure> measures) {

    public Program {
        tasks = List.copyOf(tasks);
        shared = Map.copyOf(shared);
        measures = List.copyOf(measures);
    }

    /** A program that measures nothing. */
    public Program(List<TaskSpec> tasks, Map<String, Long> shared) {
        this(tasks, shared, List.of());
    }

    /** A program without shared variables. */
    public static Program of(List<TaskSpec> tasks) {
        return new Program(tasks, Map.of());
    }
}
