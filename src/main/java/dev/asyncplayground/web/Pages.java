package dev.asyncplayground.web;

import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.exercise.Exercise;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The HTML pages: the exercise list, an exercise's page, and the page for a new scenario.
 *
 * <p>A page opened from a shared link takes its parameter values, modes, speed and (if edited)
 * scenario text from the query string.
 */
final class Pages {

    private static final List<String> NEW_SCENARIO_MODES = List.of("sequential", "virtual-threads");

    private final Catalogue catalogue;
    private final Playground playground;
    private final Views views;
    private final List<ExerciseCard> cards;

    Pages(Catalogue catalogue, Playground playground, Views views) {
        this.catalogue = catalogue;
        this.playground = playground;
        this.views = views;
        this.cards = catalogue.all().stream().map(ExerciseCard::of).toList();
    }

    void home(Context ctx) {
        views.render(ctx, "home.jte", Map.of("cards", cards));
    }

    void exercise(Context ctx) {
        Exercise exercise = ExerciseApi.find(catalogue, ctx.pathParam("id"));
        FormView form = playground.linkedForm(ctx, exercise.id(), exercise.source(), exercise.modes(),
                exercise.speed());
        views.render(ctx, "exercise.jte", Map.of("page", new PlaygroundPage(exercise.title(), exercise, form)));
    }

    void newScenario(Context ctx) {
        FormView form = playground.linkedForm(ctx, "", catalogue.template(), NEW_SCENARIO_MODES, 1);
        views.render(ctx, "exercise.jte", Map.of("page", new PlaygroundPage("New scenario", null, form)));
    }
}
