package dev.asyncplayground.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds tasks that wait for each other in a circle through their blocking links, with a depth-first
 * search that keeps its own stack, so that a chain of any length cannot overflow the thread's.
 */
final class Cycles {

    private static final int NEW = 0;
    private static final int ON_PATH = 1;
    private static final int DONE = 2;
    private static final int MAX_SHOWN = 6;

    private final List<Links.Built> tasks;
    private final Map<String, Integer> index;
    private final int[] state;
    private final int[] nextLink;
    private final int[] from;

    private Cycles(List<Links.Built> tasks, Map<String, Integer> index) {
        this.tasks = tasks;
        this.index = index;
        this.state = new int[tasks.size()];
        this.nextLink = new int[tasks.size()];
        this.from = new int[tasks.size()];
    }

    /** The first circle found, as a diagnostic at the link that closes it. */
    static Optional<Diagnostic> find(List<Links.Built> tasks, Map<String, Integer> index) {
        Cycles search = new Cycles(tasks, index);
        for (int root = 0; root < tasks.size(); root++) {
            Optional<Diagnostic> circle = search.state[root] == NEW ? search.from(root) : Optional.empty();
            if (circle.isPresent()) {
                return circle;
            }
        }
        return Optional.empty();
    }

    private Optional<Diagnostic> from(int root) {
        Deque<Integer> path = new ArrayDeque<>();
        path.push(root);
        state[root] = ON_PATH;
        while (!path.isEmpty()) {
            int task = path.peek();
            List<Links.Link> links = tasks.get(task).links();
            if (nextLink[task] == links.size()) {
                state[task] = DONE;
                path.pop();
                continue;
            }
            Links.Link link = links.get(nextLink[task]++);
            Integer target = link.blocking() ? index.get(link.target()) : null;
            if (target != null && state[target] == ON_PATH) {
                return Optional.of(circle(target, task, link));
            }
            if (target != null && state[target] == NEW) {
                state[target] = ON_PATH;
                from[target] = task;
                path.push(target);
            }
        }
        return Optional.empty();
    }

    private Diagnostic circle(int start, int end, Links.Link closing) {
        List<String> names = new ArrayList<>();
        names.add(name(start));
        for (int task = end; task != start; task = from[task]) {
            names.add(name(task));
        }
        names.add(name(start));
        Collections.reverse(names);
        List<String> shown = names.size() <= MAX_SHOWN ? names
                : List.of(names.getFirst(), names.get(1), "…", names.get(names.size() - 2), names.getLast());
        return new Diagnostic(closing.pos().line(), closing.pos().column(), "these tasks wait for each other in a"
                + " circle, so none of them could ever finish: " + String.join(" → ", shown));
    }

    private String name(int task) {
        return "\"" + tasks.get(task).spec().name() + "\"";
    }
}
