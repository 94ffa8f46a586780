package dev.asyncplayground.web;

import dev.asyncplayground.engine.AdmissionTicket;
import dev.asyncplayground.engine.Busy;
import dev.asyncplayground.engine.Reservation;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.Start;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.scenario.Expansion;
import dev.asyncplayground.scenario.Program;
import io.javalin.http.Context;
import java.util.Map;

/** {@code POST /api/runs}, {@code GET /api/runs/{id}} and {@code DELETE /api/runs/{id}}. */
final class RunApi {

    private final Catalogue catalogue;
    private final RunLauncher launcher;
    private final ErrorReplies errors;
    private final JsonBody body = new JsonBody("{\"exercise\":\"counting\",\"mode\":\"sequential\"}");

    RunApi(Catalogue catalogue, RunLauncher launcher, ErrorReplies errors) {
        this.catalogue = catalogue;
        this.launcher = launcher;
        this.errors = errors;
    }

    /** Admission is asked first, so a refused request is answered before its body is even read. */
    void create(Context ctx) {
        switch (launcher.reserve(ctx, 1)) {
            case Reservation.Refused(Busy busy) -> Refusal.of(busy).send(ctx, errors);
            case Reservation.Granted(AdmissionTicket ticket) -> create(ctx, ticket);
        }
    }

    private void create(Context ctx, AdmissionTicket ticket) {
        try (ticket) {
            RunRequest request = RunRequest.from(body.read(ctx), catalogue);
            switch (launcher.expand(request.scenario(), request.params())) {
                case Expansion.Expanded(Program program) -> start(ctx, program, request.options(), ticket);
                case Expansion.Rejected rejected -> Refusal.of(rejected).send(ctx, errors);
            }
        }
    }

    private void start(Context ctx, Program program, RunOptions options, AdmissionTicket ticket) {
        switch (launcher.start(program, options, ticket)) {
            case Start.Admitted(Run run) ->
                    ctx.status(201).header("Location", "/api/runs/" + run.id()).json(Map.of("id", run.id()));
            case Start.TurnedDown turnedDown -> Refusal.of(turnedDown).send(ctx, errors);
        }
    }

    void show(Context ctx) {
        Run run = find(ctx);
        ctx.json(RunJson.of(run, RunPaging.from(ctx)));
    }

    void cancel(Context ctx) {
        Run run = find(ctx);
        run.cancel();
        ctx.status(202).json(Map.of("id", run.id(), "status", run.status().label()));
    }

    /** The run named in the path; a 410 if the store has forgotten it, a 404 if there never was one. */
    Run find(Context ctx) {
        String id = ctx.pathParam("id");
        return launcher.runs().find(id).orElseThrow(() -> launcher.runs().forgot(id)
                ? new ApiException(410, "run '" + id + "' has been forgotten: the server keeps finished runs only"
                        + " while they fit in its memory budget (RUN_STORE_MB), the oldest going first; run it again")
                : new ApiException(404, "no run with id '" + id + "' (runs are forgotten after a server restart)"));
    }
}
