package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The names of the locks a program takes, in the order they first appear. */
final class Locks {

    private Locks() {
    }

    static Set<String> of(Program program) {
        Set<String> locks = new LinkedHashSet<>();
        program.tasks().forEach(task -> collect(task.steps(), locks));
        return locks;
    }

    private static void collect(List<Step> steps, Set<String> locks) {
        for (Step step : steps) {
            switch (step) {
                case Step.Locked locked -> {
                    locks.add(locked.lock());
                    collect(locked.body(), locks);
                }
                case Step.Timeout timeout -> collect(timeout.body(), locks);
                default -> { }
            }
        }
    }
}
