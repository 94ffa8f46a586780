package dev.asyncplayground.scenario;

import java.util.List;
import java.util.Map;

/**
 * A scenario with every parameter bound and every loop expanded: what the engine runs.
 *
 * @param tasks  in declaration order (the order {@code sequential} runs them)
 * @param shared initial values of the named shared variables
 */
public record Program(List<TaskSpec> tasks, Map<String, Long> shared) {

    public Program {
        tasks = List.copyOf(tasks);
        shared = Map.copyOf(shared);
    }

    /** A program without shared variables. */
    public static Program of(List<TaskSpec> tasks) {
        return new Program(tasks, Map.of());
    }
}
