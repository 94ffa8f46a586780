package dev.asyncplayground.web;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.export.ExportTarget;
import dev.asyncplayground.export.Exporter;
import dev.asyncplayground.export.Language;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.exercise.Exercise;
import dev.asyncplayground.scenario.Expansion;
import dev.asyncplayground.scenario.Program;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/export}: the body of {@code POST /api/runs} plus {@code language} and an
 * optional {@code style}, answered with one runnable file as {@code text/plain}.
 */
final class ExportApi {

    private final Catalogue catalogue;
    private final RunLauncher launcher;
    private final ErrorReplies errors;
    private final JsonBody body = new JsonBody(
            "{\"exercise\":\"counting\",\"mode\":\"event-loop\",\"language\":\"python\"}");

    ExportApi(Catalogue catalogue, RunLauncher launcher, ErrorReplies errors) {
        this.catalogue = catalogue;
        this.launcher = launcher;
        this.errors = errors;
    }

    void export(Context ctx) {
        Map<String, Object> body = new HashMap<>(this.body.read(ctx));
        Object language = body.remove("language");
        Object style = body.remove("style");
        RunRequest request = RunRequest.from(body, catalogue);
        Optional<Exercise> exercise = body.get("exercise") instanceof String id ? catalogue.find(id) : Optional.empty();
        String source = exercise.map(Exercise::source).orElse((String) body.get("scenario"));
        String title = exercise.map(Exercise::title).orElseGet(() -> titleOf(source));
        String id = exercise.map(Exercise::id).orElse("scenario");
        problem(language, style, request.options().mode()).ifPresent(problem -> {
            throw new ApiException(400, problem);
        });
        switch (launcher.expand(request.scenario(), request.params())) {
            case Expansion.Expanded(Program program) ->
                    send(ctx, code(program, request.options(), (String) language, (String) style, source, title, id));
            case Expansion.Rejected rejected -> Refusal.of(rejected).send(ctx, errors);
        }
    }

    /** An export ready to send: its file name and text. */
    record Code(String fileName, String text) {}

    /** Writes the program as a file in a language and style that {@link #problem} found nothing wrong with. */
    static Code code(Program program, RunOptions options, String language, String style, String source, String title,
                     String id) {
        ExportTarget target = ExportTarget.of(Language.byId(language).orElseThrow(), style, options, title);
        return new Code(Exporter.fileName(target, id), Exporter.export(program, target, source));
    }

    /** What is wrong with a requested language and style for a mode, naming the valid choices; empty if nothing. */
    static Optional<String> problem(Object language, Object style, Mode mode) {
        if (!(language instanceof String name)) {
            return Optional.of("\"language\" is required: one of " + Language.ids());
        }
        Optional<Language> known = Language.byId(name);
        if (known.isEmpty()) {
            return Optional.of("unknown language '" + name + "'; languages: " + Language.ids());
        }
        if (style != null && !(style instanceof String)) {
            return Optional.of("\"style\" must be a string, like \"asyncio\"");
        }
        return ExportTarget.problem(known.get(), mode, (String) style);
    }

    static void send(Context ctx, Code code) {
        ctx.contentType("text/plain; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + code.fileName() + "\"")
                .result(code.text());
    }

    /** The scenario's first comment line, or a plain name. */
    static String titleOf(String source) {
        return Exporter.firstComment(source).orElse("My scenario");
    }
}
