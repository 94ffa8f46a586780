package dev.asyncplayground.bench;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * One SSE viewer: reads a run's event stream line by line and notes, for every event, its server
 * time stamp and the {@link System#nanoTime()} at which it arrived.
 *
 * <p>Single-event {@code message}s and every event inside a {@code batch} message (the server
 * sends the events a viewer finds at once as one batch) are noted; the benchmark tells live
 * events from replayed ones by their time stamps. Lines arrive from the viewer's own reading
 * thread ({@link SocketViewer}), one at a time.
 */
final class SseViewer {

    private final CountDownLatch firstMessage = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private String eventType = "message";
    private long[] atMicros = new long[256];
    private long[] arrivedNanos = new long[256];
    private int size;
    private volatile Throwable error;

    /** One line of the stream's body. */
    void line(String line) {
        long now = System.nanoTime();
        if (line.startsWith("event:")) {
            eventType = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
            if (eventType.equals("message")) {
                note(Math.round(decimal(line, "\"atMs\":") * 1000), now);
            } else if (eventType.equals("batch")) {
                for (String event : line.split("\\{\"seq\":")) {
                    if (event.contains("\"atMs\":")) {
                        note(Math.round(decimal(event, "\"atMs\":") * 1000), now);
                    }
                }
            }
            firstMessage.countDown();
        } else if (line.isEmpty()) {
            eventType = "message";
        }
    }

    /** The stream broke. */
    void failed(Throwable throwable) {
        error = throwable;
        firstMessage.countDown();
        finished.countDown();
    }

    /** The server ended the stream. */
    void ended() {
        firstMessage.countDown();
        finished.countDown();
    }

    /** Counts down when the first message (of any kind) has arrived, or the stream has ended. */
    CountDownLatch firstMessage() {
        return firstMessage;
    }

    /** Counts down when the server has closed the stream. */
    CountDownLatch finished() {
        return finished;
    }

    /** The failure that ended the stream, or null. */
    Throwable error() {
        return error;
    }

    /** How many events were noted. */
    int size() {
        return size;
    }

    /** The event's server time stamp: real microseconds since the run's start (speed 1). */
    long atMicros(int i) {
        return atMicros[i];
    }

    long arrivedNanos(int i) {
        return arrivedNanos[i];
    }

    private void note(long micros, long now) {
        if (size == atMicros.length) {
            atMicros = Arrays.copyOf(atMicros, size * 2);
            arrivedNanos = Arrays.copyOf(arrivedNanos, size * 2);
        }
        atMicros[size] = micros;
        arrivedNanos[size] = now;
        size++;
    }

    private static double decimal(String line, String key) {
        int from = line.indexOf(key) + key.length();
        int to = from;
        while (to < line.length() && "-0123456789.eE".indexOf(line.charAt(to)) >= 0) {
            to++;
        }
        return Double.parseDouble(line.substring(from, to));
    }
}
