package dev.asyncplayground.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names a scenario declares: params and loop variables, which expressions read, and shared
 * values, which only 'update' touches.
 */
final class Scope {

    /** A readable name: its type, where it was declared, and a choice parameter's options. */
    record Binding(ExprType type, Pos pos, boolean loop, List<String> choices) {}

    private final Map<String, Binding> names = new HashMap<>();
    private final Map<String, Pos> shared = new HashMap<>();
    private final Set<String> broken;

    Scope(Set<String> broken) {
        this.broken = broken;
    }

    Optional<Binding> lookup(String name) {
        return Optional.ofNullable(names.get(name));
    }

    Optional<Pos> shared(String name) {
        return Optional.ofNullable(shared.get(name));
    }

    /** True for names whose declaration had a syntax error, so that their uses raise no further errors. */
    boolean isBroken(String name) {
        return broken.contains(name);
    }

    /** What already uses a name, in words, if anything does. */
    Optional<String> taken(String name) {
        Binding binding = names.get(name);
        if (binding != null) {
            return Optional.of(binding.loop() ? "the loop variable of the 'for' on line " + binding.pos().line()
                    : "the param on line " + binding.pos().line());
        }
        return shared(name).map(pos -> "the shared value on line " + pos.line());
    }

    void define(String name, Binding binding) {
        names.put(name, binding);
    }

    void remove(String name) {
        names.remove(name);
    }

    void share(String name, Pos pos) {
        shared.put(name, pos);
    }

    /** The names expressions may read here, plus true and false, for suggestions. */
    List<String> readable() {
        List<String> all = new ArrayList<>(names.keySet());
        all.add("true");
        all.add("false");
        return all;
    }

    List<String> sharedNames() {
        return List.copyOf(shared.keySet());
    }

    /** The choice parameter that has {@code option} among its options, if any. */
    Optional<String> choiceOwner(String option) {
        return names.entrySet().stream().filter(e -> e.getValue().choices().contains(option))
                .map(Map.Entry::getKey).sorted().findFirst();
    }
}
