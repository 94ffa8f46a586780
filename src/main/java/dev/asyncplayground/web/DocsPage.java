package dev.asyncplayground.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Serves the guides in {@code docs/} as pages, so the editor can link to the language guide. */
final class DocsPage {

    private static final Set<String> GUIDES = Set.of("scenario-language", "api");

    private final Views views;
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create())).escapeHtml(true).build();

    DocsPage(Views views) {
        this.views = views;
    }

    void show(Context ctx) {
        String name = ctx.pathParam("name");
        if (!GUIDES.contains(name)) {
            throw new ApiException(404, "no guide '" + name + "'; guides: " + String.join(", ", GUIDES));
        }
        String html = renderer.render(parser.parse(read(name)));
        views.render(ctx, "guide.jte", Map.of("title", name.replace('-', ' '), "html", html));
    }

    private static String read(String name) {
        try (InputStream in = DocsPage.class.getResourceAsStream("/docs/" + name + ".md")) {
            if (in == null) {
                throw new ApiException(404, "the guide '" + name + "' is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
