package dev.asyncplayground.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks task names before expansion: fixed names must be unique, and an {@code await} or
 * {@code after} of a fixed name must name a task that exists or that some {@code "n{i}"} could make.
 */
final class TaskNames {

    /** What stays fixed around the holes of a task name: {@code "n{i}"} has prefix n and no suffix. */
    private record Shape(String prefix, String suffix) {
        boolean fits(String name) {
            return name.length() >= prefix.length() + suffix.length() && name.startsWith(prefix)
                    && name.endsWith(suffix);
        }
    }

    private record Reference(String name, Pos pos) {}

    private final Map<String, Pos> fixed = new HashMap<>();
    private final Map<String, Pos> surely = new HashMap<>();
    private final Set<Shape> shapes = new HashSet<>();
    private final List<Reference> references = new ArrayList<>();

    /**
     * Records a task's name: its text if known now, else the shape of its template.
     *
     * @param certain true if the task surely exists (it is not inside a loop or a condition), so
     *                that a second certain task of the same name is a mistake already
     */
    void declare(Template name, Optional<String> text, boolean certain, Diagnostics diagnostics) {
        if (text.isEmpty()) {
            shapes.add(shape(name));
            return;
        }
        fixed.putIfAbsent(text.get(), name.pos());
        Pos first = certain ? surely.putIfAbsent(text.get(), name.pos()) : null;
        if (first != null) {
            diagnostics.add(name.pos(), "there is already a task named \"" + text.get() + "\" (from line "
                    + first.line() + "); every task needs a name of its own");
        }
    }

    void refer(String name, Pos pos) {
        references.add(new Reference(name, pos));
    }

    /** Reports references that no declared task can match. */
    void check(Diagnostics diagnostics) {
        for (Reference reference : references) {
            if (diagnostics.full()) {
                return;
            }
            String name = reference.name();
            if (!fixed.containsKey(name) && shapes.stream().noneMatch(shape -> shape.fits(name))) {
                diagnostics.add(reference.pos(), "there is no task named \"" + name + "\""
                        + Suggestions.closest(name, fixed.keySet()).map(s -> "; did you mean \"" + s + "\"?")
                        .orElse(""));
            }
        }
    }

    private static Shape shape(Template name) {
        List<Template.Part> parts = name.parts();
        String prefix = !parts.isEmpty() && parts.getFirst() instanceof Template.Part.Text text ? text.text() : "";
        String suffix = parts.size() > 1 && parts.getLast() instanceof Template.Part.Text text ? text.text() : "";
        return new Shape(prefix, suffix);
    }
}
