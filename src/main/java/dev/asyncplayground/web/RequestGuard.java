package dev.asyncplayground.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Set;

/**
 * Turns away requests a handler should never see, before anything reads their body.
 *
 * <p>A body larger than {@value #MAX_BODY_BYTES} bytes by its {@code Content-Length} is a 413
 * at once. The JSON API takes only {@code application/json} bodies (else 415), so a page on
 * another site cannot start runs with a plain form or a {@code text/plain} fetch: anything else
 * needs a CORS preflight, which this server never grants. The editor's htmx posts under
 * {@code /playground/} are form-encoded, so they must also prove they come from our own page:
 * htmx sends {@code HX-Request}, a header a foreign page cannot add without a preflight either,
 * and browsers mark a cross-site request with {@code Sec-Fetch-Site}.
 */
final class RequestGuard {

    /** The largest request body the app reads. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Set<HandlerType> WITH_BODY = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private RequestGuard() {
    }

    /** Refuses a body that announces more than {@value #MAX_BODY_BYTES} bytes, for every address. */
    static void checkSize(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw new ApiException(413, "the request body is " + declared + " bytes; the limit is "
                    + MAX_BODY_BYTES / 1024 + " KiB");
        }
    }

    /** Checks the body's type and origin, for requests that reached a route (others get 404 or 405). */
    static void checkBody(Context ctx) {
        if (!WITH_BODY.contains(ctx.method())) {
            return;
        }
        if (ctx.path().startsWith("/api/")) {
            requireType(ctx, "application/json", "send the body as JSON with 'Content-Type: application/json'");
        } else if (ctx.path().startsWith("/playground/")) {
            requireType(ctx, "application/x-www-form-urlencoded",
                    "this address takes the playground form's own posts (application/x-www-form-urlencoded)");
            requireOwnPage(ctx);
        }
    }

    private static void requireType(Context ctx, String expected, String advice) {
        String type = mediaType(ctx.contentType());
        if (!expected.equals(type)) {
            String sent = type.isEmpty() ? "no Content-Type" : "Content-Type '" + type + "'";
            throw new ApiException(415, advice + "; this request has " + sent);
        }
    }

    private static void requireOwnPage(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        boolean crossSite = site != null && !OWN_SITE.contains(site);
        if (crossSite || !"true".equals(ctx.header("HX-Request"))) {
            throw new ApiException(403, "the playground form can only be sent from this site's own pages");
        }
    }

    /** The media type without parameters, lower case: {@code application/json; charset=utf-8} → {@code application/json}. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
