package dev.asyncplayground.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what only the expanded program shows: task names used twice, awaits of unknown tasks,
 * and tasks waiting for each other in a circle.
 */
final class Links {

    /** An expanded task, where it came from, and the tasks it waits for. */
    record Built(TaskSpec spec, Pos pos, List<Link> links) {}

    /**
     * One task's {@code after} or {@code await} of another.
     *
     * @param blocking true if the task surely waits there: not inside a timeout, not after a fail
     */
    record Link(String target, Pos pos, String keyword, boolean blocking) {}

    private Links() {
    }

    static List<Diagnostic> check(List<Built> tasks) {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Built task = tasks.get(i);
            Integer first = index.putIfAbsent(task.spec().name(), i);
            if (first != null) {
                diagnostics.add(task.pos(), duplicate(task.spec().name(), tasks.get(first).pos(), task.pos()));
            }
        }
        tasks.forEach(task -> targets(task, index, diagnostics));
        if (diagnostics.isEmpty()) {
            Cycles.find(tasks, index).ifPresent(d -> diagnostics.add(d.line(), d.column(), d.message()));
        }
        return diagnostics.report();
    }

    private static String duplicate(String name, Pos first, Pos again) {
        return first.equals(again)
                ? "this line makes more than one task named \"" + name + "\"; every task needs a name of its own,"
                        + " so use the loop variable in it, like \"n{i}\""
                : "there is already a task named \"" + name + "\" (from line " + first.line() + "); every task"
                        + " needs a name of its own";
    }

    private static void targets(Built task, Map<String, Integer> index, Diagnostics diagnostics) {
        for (Link link : task.links()) {
            if (diagnostics.full()) {
                return;
            }
            if (link.target().equals(task.spec().name())) {
                diagnostics.add(link.pos(), link.keyword().equals("after")
                        ? "task \"" + link.target() + "\" cannot start after itself"
                        : "task \"" + link.target() + "\" cannot await itself: it would wait forever");
            } else if (!index.containsKey(link.target())) {
                diagnostics.add(link.pos(), "there is no task named \"" + link.target() + "\""
                        + Suggestions.closest(link.target(), index.keySet())
                        .map(s -> "; did you mean \"" + s + "\"?").orElse(""));
            }
        }
    }
}
