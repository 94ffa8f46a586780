package dev.asyncplayground.web;

import dev.asyncplayground.engine.Run;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.TimelineEvent;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/runs/{id}/events}: a run's events as Server-Sent Events, replayable and resumable.
 *
 * <p>Each event's {@code id:} is its sequence number; a client that reconnects with
 * {@code Last-Event-ID} gets exactly the events after it. The stream ends with a {@code done}
 * event (id = last sequence number + 1) carrying the run's summary; asking again after that
 * answers 204, which tells a browser's EventSource to stop reconnecting. Each client is served
 * by its own thread that reads the log, so a slow or vanished client never holds up the run.
 */
final class EventStream {

    private final RunApi runApi;
    private final Duration heartbeat;
    private final AtomicInteger open = new AtomicInteger();

    /**
     * @param heartbeat how long a stream may stay silent before a comment is sent; well under
     *                  Jetty's 30 s idle timeout, and the longest a vanished client lingers
     */
    EventStream(RunApi runApi, Duration heartbeat) {
        this.runApi = runApi;
        this.heartbeat = heartbeat;
    }

    /** How many clients are being streamed to right now. */
    int openStreams() {
        return open.get();
    }

    void handle(Context ctx) throws Exception {
        Run run = runApi.find(ctx);
        long lastSeen = lastEventId(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiException(406, "this is an event stream: ask with 'Accept: text/event-stream'");
        }
        EventLog.Batch already = run.log().since(0);
        if (already.complete() && lastSeen > already.lastSeq()) {
            ctx.status(204);
            return;
        }
        new SseHandler(client -> stream(client, run, lastSeen)).handle(ctx);
    }

    private static long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        String raw = header != null ? header : ctx.queryParam("lastEventId");
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "Last-Event-ID must be a sequence number from this stream; got '" + raw + "'");
        }
    }

    private void stream(SseClient client, Run run, long lastSeen) {
        open.incrementAndGet();
        client.keepAlive();
        EventJson json = new EventJson(run.taskNames(), run.options().speed());
        long seq = lastSeen;
        try {
            while (!client.terminated()) {
                EventLog.Batch batch = run.log().awaitSince(seq, heartbeat);
                for (TimelineEvent event : batch.events()) {
                    seq++;
                    client.sendEvent("message", Json.write(json.toJson(seq, event)), Long.toString(seq));
                }
                if (batch.complete()) {
                    client.sendEvent("done", Json.write(RunJson.of(run)), Long.toString(seq + 1));
                    break;
                }
                if (batch.events().isEmpty()) {
                    client.sendComment("still running");
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
            open.decrementAndGet();
        }
    }
}
