package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Program;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each task of a program stands in declaration order, which sequential exports need: run
 * one after another, a task that awaits an earlier one finds it ended, and one that awaits a later
 * one waits for ever.
 */
final class TaskOrder {

    private final Map<String, Integer> positions = new HashMap<>();

    TaskOrder(Program program) {
        for (int i = 0; i < program.tasks().size(); i++) {
            positions.put(program.tasks().get(i).name(), i);
        }
    }

    /** True if {@code task} is declared before the task at {@code position}. */
    boolean before(String task, int position) {
        return positions.get(task) < position;
    }

    /** The comment an await of an earlier task becomes under sequential; {@code what} says which await. */
    static String alreadyEnded(String what, String quotedName) {
        return what + quotedName + ": it has already ended, as the tasks run one after another";
    }
}
