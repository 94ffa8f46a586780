package dev.asyncplayground.web;

import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.exercise.Exercise;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/exercises} and {@code GET /api/exercises/{id}}. */
final class ExerciseApi {

    private final Catalogue catalogue;

    ExerciseApi(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    void list(Context ctx) {
        ctx.json(catalogue.all().stream().map(ExerciseApi::brief).toList());
    }

    void show(Context ctx) {
        Exercise exercise = find(catalogue, ctx.pathParam("id"));
        Map<String, Object> json = brief(exercise);
        json.put("explanation", exercise.explanation());
        json.put("notice", exercise.notice());
        json.put("question", exercise.question());
        json.put("source", exercise.source());
        ctx.json(json);
    }

    /** The exercise with this id; a 404 naming the known ones otherwise. */
    static Exercise find(Catalogue catalogue, String id) {
        return catalogue.find(id).orElseThrow(() -> new ApiException(404,
                "no exercise '" + id + "'; known: " + String.join(", ", catalogue.ids())));
    }

    private static Map<String, Object> brief(Exercise exercise) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", exercise.id());
        json.put("title", exercise.title());
        json.put("summary", exercise.summary());
        json.put("params", exercise.scenario().params().stream().map(Json::param).toList());
        json.put("modes", exercise.modes());
        json.put("speed", exercise.speed());
        return json;
    }
}
