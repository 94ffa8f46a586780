package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.TaskSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A program's tasks by position and by name, shared by a real run and the ideal-time simulation. */
final class TaskIndex {

    private final List<TaskSpec> tasks;
    private final List<String> names;
    private final Map<String, Integer> byName = new HashMap<>();

    TaskIndex(Program program) {
        this.tasks = program.tasks();
        this.names = tasks.stream().map(TaskSpec::name).toList();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), i);
        }
    }

    int size() {
        return tasks.size();
    }

    TaskSpec spec(int task) {
        return tasks.get(task);
    }

    /** The index of a task by name; a {@link TaskFailure} if there is none. */
    int indexOf(String task) {
        Integer index = byName.get(task);
        if (index == null) {
            throw new TaskFailure("there is no task named '" + task + "'");
        }
        return index;
    }

    String nameOf(int task) {
        return names.get(task);
    }

    /** The names in declaration order. */
    List<String> names() {
        return names;
    }
}
