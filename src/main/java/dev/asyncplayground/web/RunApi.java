package dev.asyncplayground.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.exercise.Catalogue;
import io.javalin.http.Context;
import java.util.Map;

/** {@code POST /api/runs}, {@code GET /api/runs/{id}} and {@code DELETE /api/runs/{id}}. */
final class RunApi {

    private final Catalogue catalogue;
    private final RunLauncher launcher;

    RunApi(Catalogue catalogue, RunLauncher launcher) {
        this.catalogue = catalogue;
        this.launcher = launcher;
    }

    void create(Context ctx) {
        RunRequest request = RunRequest.from(body(ctx), catalogue);
        Run run = launcher.launch(request.scenario(), request.params(), request.options());
        ctx.status(201).header("Location", "/api/runs/" + run.id()).json(Map.of("id", run.id()));
    }

    /** The run's JSON; while it is queued, {@code queuedAhead} says how many runs will start before it. */
    void show(Context ctx) {
        Run run = find(ctx);
        Map<String, Object> json = RunJson.of(run);
        launcher.runs().queuedAhead(run).ifPresent(ahead -> json.put("queuedAhead", ahead));
        ctx.json(json);
    }

    void cancel(Context ctx) {
        Run run = find(ctx);
        run.cancel();
        ctx.status(202).json(Map.of("id", run.id(), "status", run.status().label()));
    }

    /** The run named in the path; a 404 that says so otherwise. */
    Run find(Context ctx) {
        String id = ctx.pathParam("id");
        return launcher.runs().find(id).orElseThrow(() -> new ApiException(404,
                "no run with id '" + id + "' (runs are forgotten after a server restart)"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new ApiException(400, "send a JSON object, e.g. {\"exercise\":\"counting\",\"mode\":\"sequential\"}");
        }
        try {
            Object parsed = Json.MAPPER.readValue(text, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
            throw new ApiException(400, "the body is not valid JSON: " + e.getOriginalMessage(),
                    Map.of("line", where.getLineNr(), "column", where.getColumnNr()));
        }
        throw new ApiException(400, "the body must be a JSON object, e.g. {\"exercise\":\"counting\"}");
    }
}
