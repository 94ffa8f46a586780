package dev.asyncplayground.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Answers {@code /favicon.ico}, which browsers ask for on their own, with the app's SVG icon. */
final class Favicon {

    static final String PATH = "/static/favicon.svg";

    private final byte[] svg;

    private Favicon(byte[] svg) {
        this.svg = svg;
    }

    /** The icon from the classpath, read once. */
    static Favicon load() {
        try (InputStream in = Favicon.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException(PATH + " is missing from the build");
            }
            return new Favicon(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx) {
        ctx.contentType("image/svg+xml").header("Cache-Control", "max-age=86400").result(svg);
    }
}
