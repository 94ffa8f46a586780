package dev.asyncplayground.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;

/**
 * Words Javalin's own refusals (no such route, wrong method, body too large) as this app's errors.
 *
 * <p>A wrong method is a 405 whose {@code Allow} header lists the methods the address takes.
 */
final class HttpRefusals {

    private HttpRefusals() {
    }

    static void send(ErrorReplies errors, Context ctx, HttpResponseException e) {
        switch (e) {
            case EndpointNotFound notFound -> errors.send(ctx, 404, notFound(ctx));
            case MethodNotAllowedResponse wrongMethod -> {
                String allowed = String.join(", ", wrongMethod.getDetails().values());
                ctx.header("Allow", allowed);
                errors.send(ctx, 405, ctx.path() + " does not take " + ctx.method() + "; it takes " + allowed);
            }
            default -> errors.send(ctx, e.getStatus(), message(e));
        }
    }

    private static String notFound(Context ctx) {
        return ctx.path().startsWith("/api/")
                ? "no endpoint " + ctx.method() + " " + ctx.path() + "; the API is described at /docs/api"
                : "there is no page at " + ctx.path();
    }

    private static String message(HttpResponseException e) {
        if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            return "the request body is over the limit of " + RequestGuard.MAX_BODY_BYTES / 1024 + " KiB";
        }
        return e.getMessage();
    }
}
