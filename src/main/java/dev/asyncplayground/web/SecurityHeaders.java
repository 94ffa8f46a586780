package dev.asyncplayground.web;

import io.javalin.http.Context;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

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

    /** The headers, by name. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "SAMEORIGIN");

    static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }

    /**
     * Gives the headers to the errors Jetty answers itself, before a request reaches the app
     * (an unparseable address, headers too large).
     */
    static void onServerErrors(Server server) {
        server.setErrorHandler(new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
                return super.handle(request, response, callback);
            }
        });
    }
}
