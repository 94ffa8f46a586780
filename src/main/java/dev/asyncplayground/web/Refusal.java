package dev.asyncplayground.web;

import dev.asyncplayground.engine.Busy;
import dev.asyncplayground.engine.Start;
import dev.asyncplayground.scenario.Diagnostic;
import dev.asyncplayground.scenario.Expansion;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Why a request for runs was turned down, as the API answers it and the editor form shows it.
 *
 * <p>The one place where the scenario's and the engine's refusals ({@link Expansion.Rejected},
 * {@link Start.TurnedDown}, {@link Busy}) become an HTTP status, a JSON body and a message: the API
 * sends them, and the form shows the same message beside its fields.
 *
 * @param status            the HTTP status the API answers
 * @param body              the JSON body: {@code error} and the details that apply
 * @param diagnostics       the scenario's errors when its text is at fault, else empty
 * @param retryAfterSeconds when to ask again if the server is busy, else 0
 */
record Refusal(int status, Map<String, Object> body, List<Diagnostic> diagnostics, long retryAfterSeconds) {

    static Refusal of(Expansion.Rejected rejected) {
        return switch (rejected) {
            case Expansion.BadValue(String parameter, String message) ->
                    new Refusal(400, Map.of("error", message, "parameter", parameter), List.of(), 0);
            case Expansion.Invalid(List<Diagnostic> diagnostics) -> {
                ApiException reply = ScenarioTexts.invalid(diagnostics);
                yield new Refusal(reply.status(), reply.body(), diagnostics, 0);
            }
            case Expansion.OverLimit(String limit, String message) -> overLimit(limit, message);
        };
    }

    static Refusal of(Start.TurnedDown turnedDown) {
        return switch (turnedDown) {
            case Start.Refused(Busy busy) -> of(busy);
            case Start.OverLimit(String limit, String message) -> overLimit(limit, message);
        };
    }

    static Refusal of(Busy busy) {
        return new Refusal(429, Map.of("error", busy.message(), "retryAfterSeconds", busy.retryAfterSeconds()),
                List.of(), busy.retryAfterSeconds());
    }

    private static Refusal overLimit(String limit, String message) {
        return new Refusal(422, Map.of("error", message, "limit", limit), List.of(), 0);
    }

    /** The message a learner reads. */
    String message() {
        return String.valueOf(body.get("error"));
    }

    /** True when nothing was wrong with the request: the server had no room for it. */
    boolean serverBusy() {
        return status == 429;
    }

    /** Answers the request with this refusal (a {@code Retry-After} header when the server is busy). */
    void send(Context ctx, ErrorReplies errors) {
        if (serverBusy()) {
            ctx.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        errors.send(ctx, status, body);
    }
}
