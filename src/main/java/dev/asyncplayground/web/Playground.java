package dev.asyncplayground.web;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.exercise.Exercise;
import dev.asyncplayground.scenario.Expansion;
import dev.asyncplayground.scenario.Param;
import dev.asyncplayground.scenario.Parameters;
import dev.asyncplayground.scenario.ParseResult;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.ScenarioDefinition;
import dev.asyncplayground.scenario.Value;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The editor form's two htmx calls: check the text as it changes, and run it.
 *
 * <p>Checking answers with the parameter fields the text declares and its diagnostics. Running
 * starts one run per ticked mode and answers with their panels; if anything is wrong it answers,
 * in place of the parameters, with every message beside its line or field.
 */
final class Playground {

    private static final Set<String> NOT_PARAMS = Set.of("source", "exercise", "modes", "speed", "threads", "in-flight",
            "gil", "language", "style", "exportMode");

    private final Catalogue catalogue;
    private final RunLauncher launcher;
    private final Views views;
    private final AbandonedRuns abandoned;

    Playground(Catalogue catalogue, RunLauncher launcher, Views views, AbandonedRuns abandoned) {
        this.catalogue = catalogue;
        this.launcher = launcher;
        this.views = views;
        this.abandoned = abandoned;
    }

    void check(Context ctx) {
        views.render(ctx, "params.jte", Map.of("view", submission(ctx, parsedSource(ctx)).paramsView(null)));
    }

    void run(Context ctx) {
        ParseResult parsed = parsedSource(ctx);
        FormSubmission submission = submission(ctx, parsed);
        Predictions predictions = Predictions.read(ctx.formParamMap(), submission.modes());
        String problem = submission.problem() != null ? submission.problem() : predictions.problem();
        if (problem != null) {
            showInstead(ctx, submission.paramsView(problem));
            return;
        }
        List<RunOptions> options = submission.modes().stream()
                .map(mode -> submission.pool().options(mode, submission.speed())).toList();
        switch (launcher.launchAll(ctx, parsed.scenario(), submission.values(), options)) {
            case Launch.Started started -> showRuns(ctx, parsed.scenario(), submission, predictions, started.runs());
            case Launch.Refused refused -> showInstead(ctx, refused(submission, refused));
        }
    }

    /** Answers with the parameters and a message in place of the runs: nothing runs. */
    private void showInstead(Context ctx, ParamsView view) {
        ctx.header("HX-Retarget", "#params").header("HX-Reswap", "outerHTML");
        views.render(ctx, "params.jte", Map.of("view", view));
    }

    /** The form with a refusal's message, or with the scenario's errors beside their lines. */
    private static ParamsView refused(FormSubmission submission, Launch.Refused refused) {
        if (refused.refusal().diagnostics().isEmpty()) {
            return submission.paramsView(inWords(refused, submission));
        }
        FormSubmission withErrors = withDiagnostics(submission, refused.refusal());
        return withErrors.paramsView(withErrors.problem());
    }

    /** The panels of the runs just started, one per mode, each watched until its page is closed. */
    private void showRuns(Context ctx, ScenarioDefinition scenario, FormSubmission submission, Predictions guesses,
                          List<Run> runs) {
        List<RunPanel> panels = new ArrayList<>();
        for (Run run : runs) {
            abandoned.track(run);
            RunOptions options = run.options();
            Mode mode = options.mode();
            panels.add(new RunPanel(run.id(), mode.id(), optionsText(options), mode.description(), run.idealMs(),
                    options.speed(), run.speed().note(), guesses.ms().get(mode)));
        }
        views.render(ctx, "runs.jte", Map.of("comparison", new Comparison(title(ctx),
                settings(scenario, submission), panels)));
    }

    /**
     * A refusal's message; when several modes were ticked, which one was refused (a limit may hold
     * for one mode only), that none of them runs and whether some had started.
     */
    private static String inWords(Launch.Refused refused, FormSubmission submission) {
        String message = refused.refusal().message();
        if (submission.modes().size() < 2) {
            return message;
        }
        String sentence = message.endsWith(".") ? message : message + ".";
        String cancelled = switch (refused.cancelled()) {
            case 0 -> ".";
            case 1 -> ": the one already started was cancelled.";
            default -> ": the " + refused.cancelled() + " already started were cancelled.";
        };
        return refused.mode().map(mode -> mode.id() + ": ").orElse("") + sentence + " None of the modes runs" + cancelled;
    }

    /**
     * The Code view's call: the form as it is, exported to the chosen language, style and mode, as
     * {@code text/plain}; a 400 with the reason in plain text if the form cannot run as it is.
     */
    void export(Context ctx) {
        ParseResult parsed = parsedSource(ctx);
        FormSubmission submission = submission(ctx, parsed);
        Mode mode = Mode.byId(String.valueOf(ctx.formParam("exportMode"))).orElse(null);
        String style = ctx.formParam("style") == null || ctx.formParam("style").isBlank() ? null : ctx.formParam("style");
        String problem = mode == null ? "choose a mode to export: one of " + Mode.ids()
                : ExportApi.problem(ctx.formParam("language"), style, mode).orElse(submission.exportProblem(mode));
        if (problem != null) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result(problem);
            return;
        }
        String source = ctx.formParam("source");
        String id = ctx.formParam("exercise") == null || ctx.formParam("exercise").isBlank() ? "scenario"
                : ctx.formParam("exercise");
        switch (launcher.expand(parsed.scenario(), submission.values())) {
            case Expansion.Expanded(Program program) -> ExportApi.send(ctx, ExportApi.code(program,
                    submission.pool().options(mode, submission.speed()), ctx.formParam("language"), style, source,
                    ExportApi.titleOf(source), id));
            case Expansion.Rejected rejected ->
                    ctx.status(400).contentType("text/plain; charset=utf-8").result(Refusal.of(rejected).message());
        }
    }

    /** The form for a page opened from a link: values from the query string, else defaults. */
    FormView linkedForm(Context ctx, String exerciseId, String original, List<String> defaultModes,
                        double defaultSpeed) {
        String source = ctx.queryParam("source") != null ? ctx.queryParam("source") : original;
        List<String> modes = ctx.queryParams("modes").isEmpty() ? defaultModes : ctx.queryParams("modes");
        ParseResult parsed = ScenarioTexts.parse(source);
        FormSubmission.PoolFields pool = new FormSubmission.PoolFields(
                orDefault(ctx.queryParam("threads"), FormSubmission.PoolFields.DEFAULTS.threads()),
                orDefault(ctx.queryParam("in-flight"), FormSubmission.PoolFields.DEFAULTS.limit()),
                "true".equals(ctx.queryParam("gil")) || "on".equals(ctx.queryParam("gil")));
        FormSubmission submission = FormSubmission.read(paramsOf(parsed), parsed.diagnostics(),
                values(ctx.queryParamMap()), modes, orDefault(ctx.queryParam("speed"), Double.toString(defaultSpeed)),
                pool, false);
        return new FormView(exerciseId, source, original, submission.paramsView(null), submission.modeChoices(),
                submission.speedText(), pool.threads(), pool.limit(), pool.gil());
    }

    /** The posted scenario text, parsed once per request. */
    private static ParseResult parsedSource(Context ctx) {
        String source = ctx.formParam("source");
        return ScenarioTexts.parse(source == null ? "" : source);
    }

    private FormSubmission submission(Context ctx, ParseResult parsed) {
        FormSubmission.PoolFields pool =
                new FormSubmission.PoolFields(ctx.formParam("threads"), ctx.formParam("in-flight"),
                        ctx.formParam("gil") != null);
        return FormSubmission.read(paramsOf(parsed), parsed.diagnostics(), values(ctx.formParamMap()),
                ctx.formParams("modes"), ctx.formParam("speed"), pool, true);
    }

    /** The exercise's title, or "Your scenario" for a text of the learner's own (or an unknown exercise). */
    private String title(Context ctx) {
        String id = ctx.formParam("exercise");
        return catalogue.find(id == null ? "" : id).map(Exercise::title).orElse("Your scenario");
    }

    /** The parameters that differ from their defaults, and the speed if it is not real time. */
    private static String settings(ScenarioDefinition scenario, FormSubmission submission) {
        Map<String, Value> bound = Parameters.bind(scenario.params(), submission.values());
        List<String> parts = new ArrayList<>();
        for (Param param : scenario.params()) {
            Value value = bound.get(param.name());
            if (value != null && !value.equals(param.defaultValue())) {
                parts.add(param.name() + " = " + value.display());
            }
        }
        if (submission.speed() != 1) {
            parts.add("speed " + submission.speedText());
        }
        return parts.isEmpty() ? "default settings" : String.join(", ", parts);
    }

    private static String optionsText(RunOptions options) {
        return switch (options.mode()) {
            case PLATFORM_THREADS -> options.threads() + " threads";
            case VIRTUAL_THREADS -> options.limit() > 0 ? "at most " + options.limit() + " in flight" : "";
            case SEQUENTIAL, EVENT_LOOP -> "";
        };
    }

    private static FormSubmission withDiagnostics(FormSubmission s, Refusal refusal) {
        return new FormSubmission(s.params(), s.raw(), refusal.diagnostics(), s.errors(), s.values(), s.modes(),
                s.speed(), s.pool());
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static List<Param> paramsOf(ParseResult parsed) {
        return parsed.scenario() == null ? List.of() : parsed.scenario().params();
    }

    private static Map<String, String> values(Map<String, List<String>> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, list) -> {
            if (!NOT_PARAMS.contains(name) && !name.startsWith(Predictions.PREFIX) && !list.isEmpty()) {
                values.put(name, list.getFirst());
            }
        });
        return values;
    }
}
