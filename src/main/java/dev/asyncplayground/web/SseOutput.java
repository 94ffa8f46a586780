package dev.asyncplayground.web;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * One client's Server-Sent Events response, written as ready-made bytes.
 *
 * <p>Frames are encoded once and shared by every viewer of a run (see {@link EventTexts}), so
 * sending one is a write and a flush of bytes. Javalin's {@code SseClient} re-encodes each message
 * through fresh readers and buffers for every client, which at a thousand viewers cost more than
 * the writes themselves. A failed write means the client has gone: the output is then closed and
 * later sends do nothing.
 *
 * <p>A frame goes out in slices of at most {@link #SLICE} bytes, and the output knows since when
 * its current slice has been written, so {@link StallGuard} can tell a client that has stopped
 * reading from one on a slow link that is still taking a long batch.
 */
final class SseOutput {

    private static final byte[] HEARTBEAT = ": still running\n\n".getBytes(StandardCharsets.UTF_8);
    /**
     * How long a browser waits before it reconnects to a stream that broke (one cut off by
     * {@link StallGuard}, or a server restarted): a second, not EventSource's default of about 3.
     */
    static final int RECONNECT_MS = 1_000;
    private static final byte[] RETRY = ("retry: " + RECONNECT_MS + "\n\n").getBytes(StandardCharsets.UTF_8);
    /** The most bytes written at once: a link that takes half a second for 16 KiB is below 256 kbit/s. */
    static final int SLICE = 16 * 1024;
    private static final long NOT_WRITING = Long.MIN_VALUE;

    private final OutputStream out;
    private final Runnable disconnect;
    private volatile boolean open = true;
    /** When the slice being written now began ({@link System#nanoTime}), or {@link #NOT_WRITING}. */
    private volatile long writingSince = NOT_WRITING;

    /** An output writing to {@code out}; {@code disconnect} closes the client's connection. */
    SseOutput(OutputStream out, Runnable disconnect) {
        this.out = out;
        this.disconnect = disconnect;
    }

    /**
     * Starts the event-stream response on the request's own response: status, headers and the
     * reconnection delay, flushed at once.
     */
    static SseOutput start(Context ctx) throws IOException {
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/event-stream");
        response.addHeader("Cache-Control", "no-cache");
        response.addHeader("X-Accel-Buffering", "no");
        response.getOutputStream().write(RETRY);
        response.flushBuffer();
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData()
                .getConnection().getEndPoint();
        return new SseOutput(response.getOutputStream(), endPoint::close);
    }

    /** One SSE frame: {@code id}, {@code event} and one {@code data} line holding a one-line JSON text. */
    static byte[] frame(String type, long id, String json) {
        return ("id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Sends bytes made by {@link #frame}, unless the client has gone. */
    void send(byte[] frame) {
        if (!open) {
            return;
        }
        try {
            for (int from = 0; from < frame.length; from += SLICE) {
                writingSince = System.nanoTime();
                out.write(frame, from, Math.min(SLICE, frame.length - from));
            }
            out.flush();
        } catch (IOException gone) {
            open = false;
        } finally {
            writingSince = NOT_WRITING;
        }
    }

    /** True if a slice of a frame has been being written for longer than {@code limitNanos}. */
    boolean stuckLongerThan(long limitNanos, long nowNanos) {
        long since = writingSince;
        return since != NOT_WRITING && nowNanos - since > limitNanos;
    }

    /** Sends a comment line, which keeps the connection alive and shows nothing. */
    void heartbeat() {
        send(HEARTBEAT);
    }

    /**
     * Closes the client's connection, from any thread: a write blocked on a client that has
     * stopped reading then fails, and its browser reconnects with {@code Last-Event-ID}.
     */
    void abort() {
        open = false;
        disconnect.run();
    }

    /** False once a write has failed (the client has gone) or the stream was aborted. */
    boolean isOpen() {
        return open;
    }
}
