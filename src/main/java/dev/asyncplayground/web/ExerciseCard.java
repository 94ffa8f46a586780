package dev.asyncplayground.web;

import dev.asyncplayground.engine.IdealEstimate;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.exercise.Exercise;
import dev.asyncplayground.scenario.Parameters;
import dev.asyncplayground.scenario.Program;
import java.util.Map;
import java.util.Optional;

/**
 * One exercise as the landing page shows it: title, teaser, what you will see, and how long it runs.
 *
 * @param id      the exercise's id, for its link
 * @param title   its title
 * @param summary its one-line teaser
 * @param see     what the learner will see
 * @param runs    how long its slowest default mode runs at its defaults, like "about 5 s"
 */
public record ExerciseCard(String id, String title, String summary, String see, String runs) {

    private static final int TASKS_FOR_ESTIMATE = 10_000;

    /** The card of an exercise; its running time is the ideal one, from the scenario at its defaults. */
    static ExerciseCard of(Exercise exercise) {
        Program program = exercise.scenario().instantiate(
                Parameters.bind(exercise.scenario().params(), Map.of()), TASKS_FOR_ESTIMATE);
        double slowest = exercise.modes().stream().map(Mode::byId).flatMap(Optional::stream)
                .mapToDouble(mode -> IdealEstimate.realSeconds(program, mode, exercise.speed())).max().orElse(0);
        return new ExerciseCard(exercise.id(), exercise.title(), exercise.summary(), exercise.see(), about(slowest));
    }

    private static String about(double seconds) {
        return seconds < 1 ? "under a second" : "about " + Math.round(seconds) + " s";
    }
}
