package dev.asyncplayground.exercise;

import java.util.List;
import java.util.Optional;

/** The built-in exercises, in the order the exercise list shows them. */
public final class Catalogue {

    private final List<Exercise> exercises;

    public Catalogue(List<Exercise> exercises) {
        this.exercises = List.copyOf(exercises);
    }

    /** The catalogue that ships with the app. */
    public static Catalogue builtIn() {
        return new Catalogue(List.of(new Exercise(
                "counting",
                "Counting with naps",
                "Count to 30 while 8 and 12 take a nap first.",
                "Every number from 1 to count is its own task that prints the number. "
                        + "The numbers listed in sleepers first nap for their own value times unit: "
                        + "with unit 1s, 8 naps 8 seconds and 12 naps 12 seconds.",
                "Sequentially, 9 has to wait until 8 wakes up, so the total is the sum of all naps. "
                        + "Concurrently, every number that does not nap prints at once, then 8, then 12: "
                        + "the total is only the longest nap.",
                "How long will each mode take to print every number?",
                new Counting(),
                List.of("sequential", "virtual-threads"))));
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
}
