package dev.asyncplayground.web;

import io.javalin.http.Context;

/**
 * Sets the browser-protection headers on every response, pages, API and static files alike.
 *
 * <p>The Content-Security-Policy lets a page run only scripts and styles served by this app
 * (no inline script or style, nothing from another site, no {@code eval}), talk only to this
 * app, and be framed only by its own pages. Pages keep their scripts and styles in
 * {@code static/}; timelines colour SVG through the CSSOM ({@code element.style}), which the
 * policy allows, never through {@code style} attributes, which it forbids.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
    }
}
