package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.TaskSpec;
import dev.asyncplayground.timeline.PackedNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A program's tasks by position and by name, shared by a real run and the ideal-time simulation.
 *
 * <p>The index by name is built on the first lookup: most large programs never look a task up.
 * The names are packed ({@link PackedNames}): a finished run keeps them as long as it is kept.
 */
final class TaskIndex {

    private List<TaskSpec> tasks;
    private final List<String> names;
    private Map<String, Integer> byName;

    TaskIndex(Program program) {
        this.tasks = program.tasks();
        this.names = PackedNames.of(tasks.stream().map(TaskSpec::name).toList());
    }

    int size() {
        return names.size();
    }

    TaskSpec spec(int task) {
        return tasks.get(task);
    }

    /** The index of a task by name; a {@link TaskFailure} if there is none. */
    synchronized int indexOf(String task) {
        if (byName == null) {
            byName = HashMap.newHashMap(names.size());
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), i);
            }
        }
        Integer index = byName.get(task);
        if (index == null) {
            throw new TaskFailure("there is no task named '" + task + "'");
        }
        return index;
    }

    String nameOf(int task) {
        return names.get(task);
    }

    /** Drops the tasks' steps, keeping their names: for a run that has ended. */
    synchronized void release() {
        tasks = null;
        byName = null;
    }

    /** The names in declaration order. */
    List<String> names() {
        return names;
    }
}
