package dev.asyncplayground.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the JTE templates that were compiled into the jar from {@code templates/}. */
final class Views {

    private final TemplateEngine engine;

    private Views(TemplateEngine engine) {
        this.engine = engine;
    }

    static Views precompiled() {
        return new Views(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    /** Renders {@code template} with the given parameters as the HTML response. */
    void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        ctx.html(output.toString());
    }
}
