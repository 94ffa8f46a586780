package dev.asyncplayground.web;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.exercise.Exercise;
import dev.asyncplayground.scenario.InvalidParameterException;
import dev.asyncplayground.scenario.LimitExceededException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML pages: the exercise list, an exercise's page, and the htmx fragment that starts runs.
 *
 * <p>Submitting the form starts one run per ticked mode and answers with their panels; the
 * page's script then follows each run's event stream. A form with errors comes back in place
 * of the form, with each message beside its field.
 */
final class Pages {

    private final Catalogue catalogue;
    private final RunLauncher launcher;
    private final Views views;

    Pages(Catalogue catalogue, RunLauncher launcher, Views views) {
        this.catalogue = catalogue;
        this.launcher = launcher;
        this.views = views;
    }

    void home(Context ctx) {
        views.render(ctx, "home.jte", Map.of("exercises", catalogue.all()));
    }

    void exercise(Context ctx) {
        Exercise exercise = find(ctx);
        FormSubmission prefill = FormSubmission.read(exercise, ctx::queryParam, ctx.queryParams("modes"),
                ctx.queryParam("speed"), false);
        views.render(ctx, "exercise.jte", Map.of("exercise", exercise, "form", prefill.form(null)));
    }

    void run(Context ctx) {
        Exercise exercise = find(ctx);
        FormSubmission submission = FormSubmission.read(exercise, ctx::formParam, ctx.formParams("modes"),
                ctx.formParam("speed"), true);
        String problem = submission.problem();
        if (problem == null) {
            try {
                views.render(ctx, "runs.jte", Map.of("runs", launchAll(exercise, submission)));
                return;
            } catch (LimitExceededException | InvalidParameterException e) {
                problem = e.getMessage();
            }
        }
        ctx.header("HX-Retarget", "#run-form").header("HX-Reswap", "outerHTML");
        views.render(ctx, "run-form.jte", Map.of("form", submission.form(problem)));
    }

    private List<RunPanel> launchAll(Exercise exercise, FormSubmission submission) {
        List<RunPanel> panels = new ArrayList<>();
        for (Mode mode : submission.modes()) {
            Run run = launcher.launch(exercise.scenario(), submission.values(),
                    new RunOptions(mode, submission.speed()));
            panels.add(new RunPanel(run.id(), mode.id(), mode.description(), run.idealMs(), submission.speed()));
        }
        return panels;
    }

    private Exercise find(Context ctx) {
        String id = ctx.pathParam("id");
        return catalogue.find(id).orElseThrow(() -> new ApiException(404,
                "no exercise '" + id + "'; known: " + String.join(", ", catalogue.ids())));
    }
}
