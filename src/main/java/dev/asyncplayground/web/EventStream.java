package dev.asyncplayground.web;

import dev.asyncplayground.engine.Run;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.TimelineEvent;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/runs/{id}/events}: a run's events as Server-Sent Events, replayable and resumable.
 *
 * <p>Each event's {@code id:} is its sequence number; a client that reconnects with
 * {@code Last-Event-ID} gets exactly the events after it. The stream ends with a {@code done}
 * event (id = last sequence number + 1) carrying the run's summary; asking again after that
 * answers 204, which tells a browser's EventSource to stop reconnecting. When a client's thread
 * wakes to more than one new event (a burst, a large run, a replay), they go out as {@code batch}
 * messages of up to {@value #MAX_BATCH} events each, whose id is the last event's: one write
 * and flush per burst instead of one per event. Each client is served by its request's own
 * virtual thread, which reads the log and writes frames encoded once per run ({@link EventTexts}),
 * so a slow or vanished client never holds up the run or the other viewers. A replay reads the
 * log's columns a bounded batch at a time ({@link EventLog#MAX_BATCH}), so it never builds the
 * whole replay; a run's shared texts live only while some stream of it is open. The streams of a
 * run close together, once each has sent {@code done} ({@link RunStreams}).
 */
final class EventStream {

    static final int BATCH_ABOVE = 1;
    static final int MAX_BATCH = 2000;

    private final RunApi runApi;
    private final Duration heartbeat;
    private final AbandonedRuns abandoned;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, RunStreams> streamsByRun = new HashMap<>();

    /**
     * @param heartbeat how long a stream may stay silent before a comment is sent; well under
     *                  Jetty's 30 s idle timeout, and the longest a vanished client lingers
     * @param abandoned told when a stream of a run opens and closes, to cancel unwatched page runs
     */
    EventStream(RunApi runApi, Duration heartbeat, AbandonedRuns abandoned) {
        this.runApi = runApi;
        this.heartbeat = heartbeat;
        this.abandoned = abandoned;
    }

    /** The streams of a run, with the texts they share; dropped when the run's last stream ends. */
    private RunStreams acquire(Run run) {
        synchronized (streamsByRun) {
            RunStreams streams = streamsByRun.computeIfAbsent(run.id(), id -> new RunStreams(run));
            streams.opened();
            return streams;
        }
    }

    private void release(Run run, RunStreams streams, boolean sentDone) {
        synchronized (streamsByRun) {
            if (streams.closed(sentDone)) {
                streamsByRun.remove(run.id());
            }
        }
    }

    /** How many clients are being streamed to right now. */
    int openStreams() {
        return open.get();
    }

    void handle(Context ctx) {
        Run run = runApi.find(ctx);
        long lastSeen = lastEventId(ctx);
        requireEventStreamAccept(ctx);
        if (nothingAfter(run, lastSeen)) {
            ctx.status(204);
            return;
        }
        SseOutput out;
        try {
            out = SseOutput.start(ctx);
        } catch (IOException gone) {
            return;
        }
        stream(out, run, lastSeen);
    }

    /** {@code HEAD}: the status a {@code GET} would answer, without opening the stream. */
    void head(Context ctx) {
        Run run = runApi.find(ctx);
        long lastSeen = lastEventId(ctx);
        requireEventStreamAccept(ctx);
        ctx.status(nothingAfter(run, lastSeen) ? 204 : 200).contentType("text/event-stream");
    }

    private static void requireEventStreamAccept(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiException(406, "this is an event stream: ask with 'Accept: text/event-stream'");
        }
    }

    /** True when the run is over and the client has seen its done event: a 204 stops its EventSource. */
    private static boolean nothingAfter(Run run, long lastSeen) {
        EventLog.Batch already = run.log().end();
        return already.complete() && lastSeen > already.lastSeq();
    }

    /** Sends what the log gave: one event as a message, more as batch messages; returns the last id. */
    private static long send(SseOutput out, EventTexts texts, EventLog.Batch batch) {
        List<TimelineEvent> events = batch.events();
        long seq = batch.firstSeq() - 1;
        if (events.size() <= BATCH_ABOVE) {
            for (TimelineEvent event : events) {
                out.send(texts.message(++seq, event));
            }
            return seq;
        }
        for (int from = 0; from < events.size(); from += MAX_BATCH) {
            List<TimelineEvent> chunk = events.subList(from, Math.min(events.size(), from + MAX_BATCH));
            out.send(texts.batch(seq + 1, chunk));
            seq += chunk.size();
        }
        return seq;
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

    /** Streams on the request's own (virtual) thread until the done event is sent or the client has gone. */
    private void stream(SseOutput out, Run run, long lastSeen) {
        open.incrementAndGet();
        RunStreams streams = acquire(run);
        EventTexts texts = streams.texts();
        long seq = lastSeen;
        boolean sentDone = false;
        try (AbandonedRuns.Watching watching = abandoned.watching(run)) {
            while (out.isOpen()) {
                EventLog.Batch batch = run.log().awaitSince(seq, heartbeat);
                seq = send(out, texts, batch);
                if (batch.complete()) {
                    out.send(texts.done());
                    sentDone = true;
                    streams.sentDoneAwaitOthers();
                    break;
                }
                if (batch.events().isEmpty()) {
                    out.heartbeat();
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            release(run, streams, sentDone);
            open.decrementAndGet();
        }
    }
}
