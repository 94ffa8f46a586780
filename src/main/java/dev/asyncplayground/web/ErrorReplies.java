package dev.asyncplayground.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * Answers an error the way the asker can read it: JSON under {@code /api/}, a page elsewhere.
 *
 * <p>Scripts get {@code {"error": …}} with its details, as {@code docs/api.md} promises; a
 * browser that follows a stale link or mistypes an address gets a page of the site's own look
 * that says what went wrong and links back to the exercises.
 */
final class ErrorReplies {

    private final Views views;

    ErrorReplies(Views views) {
        this.views = views;
    }

    /** Sends {@code body} (whose {@code error} is the message) with {@code status}. */
    void send(Context ctx, int status, Map<String, Object> body) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(body);
            return;
        }
        String message = String.valueOf(body.get("error"));
        views.render(ctx, "error.jte", Map.of("page", new ErrorPage(status, heading(status), message)));
    }

    /** Sends a message with no further details. */
    void send(Context ctx, int status, String message) {
        send(ctx, status, Map.of("error", message));
    }

    private static String heading(int status) {
        return switch (status) {
            case 404 -> "Nothing here";
            case 405 -> "Not something this page does";
            case 500 -> "Something went wrong on the server";
            default -> HttpStatus.forStatus(status).getMessage();
        };
    }
}
