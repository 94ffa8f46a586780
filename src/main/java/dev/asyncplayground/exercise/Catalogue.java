package dev.asyncplayground.exercise;

import java.util.List;
import java.util.Optional;

/** The built-in exercises, in the order the exercise list shows them, and the new-scenario template. */
public final class Catalogue {

    private final List<Exercise> exercises;
    private final String template;

    public Catalogue(List<Exercise> exercises, String template) {
        this.exercises = List.copyOf(exercises);
        this.template = template;
    }

    /** The catalogue that ships with the app, read from {@code exercises/} on the classpath. */
    public static Catalogue builtIn() {
        return new Catalogue(CatalogueLoader.load(), CatalogueLoader.template());
    }

    /** All exercises. */
    public List<Exercise> all() {
        return exercises;
    }

    /** The exercise with this id, if there is one. */
    public Optional<Exercise> find(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The ids, for error messages. */
    public List<String> ids() {
        return exercises.stream().map(Exercise::id).toList();
    }

    /** The small commented scenario a new scenario starts from. */
    public String template() {
        return template;
    }
}
