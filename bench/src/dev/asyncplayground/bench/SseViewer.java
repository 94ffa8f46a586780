package dev.asyncplayground.bench;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

/**
 * One SSE viewer: reads a run's event stream line by line and notes, for every event, its
 * sequence number, its server time stamp and the {@link System#nanoTime()} at which it arrived.
 *
 * <p>Single-event {@code message}s and every event inside a {@code batch} message (the server
 * sends the events a viewer finds at once as one batch) are noted; the benchmark tells live
 * events from replayed ones by their time stamps. Lines arrive on the HTTP client's threads, one
 * at a time per viewer.
 */
final class SseViewer implements Flow.Subscriber<String> {

    private final CountDownLatch firstMessage = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private String eventType = "message";
    private long[] seqs = new long[256];
    private long[] atMicros = new long[256];
    private long[] arrivedNanos = new long[256];
    private int size;
    private int messages;
    private volatile Throwable error;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        long now = System.nanoTime();
        if (line.startsWith("event:")) {
            eventType = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
            if (eventType.equals("message")) {
                note(number(line, "\"seq\":"), Math.round(decimal(line, "\"atMs\":") * 1000), now);
            } else if (eventType.equals("batch")) {
                for (String event : line.split("\\{\"seq\":")) {
                    if (event.contains("\"atMs\":")) {
                        String one = "{\"seq\":" + event;
                        note(number(one, "\"seq\":"), Math.round(decimal(one, "\"atMs\":") * 1000), now);
                    }
                }
            }
            messages++;
            firstMessage.countDown();
        } else if (line.isEmpty()) {
            eventType = "message";
        }
    }

    @Override
    public void onError(Throwable throwable) {
        error = throwable;
        firstMessage.countDown();
        finished.countDown();
    }

    @Override
    public void onComplete() {
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

    /** How many messages (of any kind) arrived: one write of the server's each, for a viewer keeping up. */
    int messages() {
        return messages;
    }

    /** How many events were noted. */
    int size() {
        return size;
    }

    long seq(int i) {
        return seqs[i];
    }

    /** The event's server time stamp: real microseconds since the run's start (speed 1). */
    long atMicros(int i) {
        return atMicros[i];
    }

    long arrivedNanos(int i) {
        return arrivedNanos[i];
    }

    private void note(long seq, long micros, long now) {
        if (size == seqs.length) {
            seqs = Arrays.copyOf(seqs, size * 2);
            atMicros = Arrays.copyOf(atMicros, size * 2);
            arrivedNanos = Arrays.copyOf(arrivedNanos, size * 2);
        }
        seqs[size] = seq;
        atMicros[size] = micros;
        arrivedNanos[size] = now;
        size++;
    }

    private static long number(String line, String key) {
        return (long) decimal(line, key);
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
