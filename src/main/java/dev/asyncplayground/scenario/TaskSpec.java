package dev.asyncplayground.scenario;

import java.util.List;

/**
 * One task of a program: a name, the tasks it starts after, and its steps.
 *
 * @param name  unique within the program
 * @param after names of tasks that must end before this one begins (may be empty)
 * @param steps the body, run in order
 */
public record TaskSpec(String name, List<String> after, List<Step> steps) {

    public TaskSpec {
        after = List.copyOf(after);
        steps = List.copyOf(steps);
    }

    /** A task with no start dependencies. */
    public static TaskSpec of(String name, List<Step> steps) {
        return new TaskSpec(name, List.of(), steps);
    }
}
