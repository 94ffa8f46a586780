package dev.asyncplayground.web;

import dev.asyncplayground.engine.Run;
import dev.asyncplayground.timeline.EventLog;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/runs/{id}/events}: a run's events as Server-Sent Events, replayable and resumable.
 *
 * <p>Each event's {@code id:} is its sequence number; a client that reconnects with
 * {@code Last-Event-ID} gets exactly the events after it. The stream ends with a {@code done}
 * event (id = last sequence number + 1) carrying the run's summary; asking again after that
 * answers 204, which tells a browser's EventSource to stop reconnecting. More than one new event
 * found at once (a burst, a large run, a replay) goes out as {@code batch} messages, whose id is
 * the last event's: one write and flush per burst instead of one per event ({@link EventTexts},
 * which encodes each frame once per run).
 *
 * <p>A client first catches up on its request's own virtual thread (a replay or a resume reads
 * the log's columns a bounded batch at a time, {@link EventLog#MAX_BATCH}, so it never builds the
 * whole replay). Once at the log's end it follows the run's broadcast ({@link RunBroadcast}): one
 * thread per run writes each burst to every such client. A client that stops reading is cut off
 * wherever it is written from ({@link StallGuard}), so it never holds up the others nor keeps a
 * run's frames in memory. A run's shared texts and broadcast live only while some stream of it is
 * open, and its streams close together ({@link RunStreams}).
 */
final class EventStream implements AutoCloseable {

    private final RunApi runApi;
    private final Duration heartbeat;
    private final AbandonedRuns abandoned;
    private final Map<String, RunStreams> streamsByRun = new HashMap<>();
    private final StallGuard stallGuard = new StallGuard();

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

    @Override
    public void close() {
        stallGuard.close();
    }

    /** The streams of a run, with the texts they share; dropped when the run's last stream ends. */
    private RunStreams acquire(Run run) {
        synchronized (streamsByRun) {
            RunStreams streams = streamsByRun.computeIfAbsent(run.id(), id -> new RunStreams(run, heartbeat));
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

    /** How many runs have a broadcast writing to their caught-up clients right now. */
    int broadcastingRuns() {
        synchronized (streamsByRun) {
            return (int) streamsByRun.values().stream().filter(streams -> streams.broadcast().isRunning()).count();
        }
    }

    /** How many clients are being streamed to right now. */
    int openStreams() {
        return stallGuard.watching();
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
        stallGuard.watch(out);
        RunStreams streams = acquire(run);
        EventTexts texts = streams.texts();
        long seq = lastSeen;
        boolean sentDone = false;
        try (AbandonedRuns.Watching watching = abandoned.watching(run)) {
            while (out.isOpen() && !sentDone) {
                EventLog.Batch batch = run.log().awaitSince(seq, heartbeat);
                seq = texts.send(out, batch);
                if (batch.complete()) {
                    out.send(texts.done());
                    sentDone = true;
                } else if (batch.events().isEmpty()) {
                    out.heartbeat();
                } else if (batch.events().size() < EventLog.MAX_BATCH) {
                    RunBroadcast.Followed followed = streams.broadcast().follow(out, seq);
                    sentDone = followed == RunBroadcast.Followed.DONE;
                    if (followed == RunBroadcast.Followed.GONE) {
                        break;
                    }
                }
            }
            if (sentDone) {
                streams.sentDoneAwaitOthers();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            release(run, streams, sentDone);
            stallGuard.forget(out);
        }
    }
}
