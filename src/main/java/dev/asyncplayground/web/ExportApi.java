package dev.asyncplayground.web;

import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.export.ExportTarget;
import dev.asyncplayground.export.Exporter;
import dev.asyncplayground.export.Language;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.exercise.Exercise;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Scenario;
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

    ExportApi(Catalogue catalogue, RunLauncher launcher) {
        this.catalogue = catalogue;
        this.launcher = launcher;
    }

    void export(Context ctx) {
        Map<String, Object> body = new HashMap<>(RunApi.body(ctx));
        Object language = body.remove("language");
        Object style = body.remove("style");
        RunRequest request = RunRequest.from(body, catalogue);
        Optional<Exercise> exercise = body.get("exercise") instanceof String id ? catalogue.find(id) : Optional.empty();
        String source = exercise.map(Exercise::source).orElse((String) body.get("scenario"));
        String title = exercise.map(Exercise::title).orElseGet(() -> titleOf(source));
        String id = exercise.map(Exercise::id).orElse("scenario");
        send(ctx, code(request.scenario(), request.params(), request.options(), language, style, source, title, id));
    }

    /** An export ready to send: its file name and text. */
    record Code(String fileName, String text) {}

    /** Checks the language and style, expands the scenario and writes the file; a 400 naming the choices otherwise. */
    Code code(Scenario scenario, Map<String, ?> params, RunOptions options, Object languageId, Object styleId,
              String source, String title, String id) {
        Language language = language(languageId);
        if (styleId != null && !(styleId instanceof String)) {
            throw new ApiException(400, "\"style\" must be a string, like \"asyncio\"");
        }
        String style = (String) styleId;
        ExportTarget.problem(language, options.mode(), style).ifPresent(problem -> {
            throw new ApiException(400, problem);
        });
        ExportTarget target = ExportTarget.of(language, style, options, title);
        Program program = launcher.expand(scenario, params);
        return new Code(Exporter.fileName(target, id), Exporter.export(program, target, source));
    }

    static void send(Context ctx, Code code) {
        ctx.contentType("text/plain; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + code.fileName() + "\"")
                .result(code.text());
    }

    private static Language language(Object id) {
        if (!(id instanceof String name)) {
            throw new ApiException(400, "\"language\" is required: one of " + Language.ids());
        }
        return Language.byId(name).orElseThrow(() -> new ApiException(400,
                "unknown language '" + name + "'; languages: " + Language.ids()));
    }

    /** The scenario's first comment line, or a plain name. */
    static String titleOf(String source) {
        return Exporter.firstComment(source).orElse("My scenario");
    }
}
