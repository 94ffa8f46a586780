package dev.asyncplayground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Reads a Server-Sent Events stream the way a browser's EventSource does, for tests. */
final class SseReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponse<InputStream> response;
    private final BufferedReader lines;
    private final Deque<Event> pending = new ArrayDeque<>();
    private int comments;
    private long retryMs = -1;
    private int batches;

    /** One dispatched event: its id, its type ({@code message} unless named) and its JSON data. */
    record Event(long id, String type, Map<String, Object> data) {}

    private SseReader(HttpResponse<InputStream> response) {
        this.response = response;
        this.lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** Opens the stream, sending {@code Last-Event-ID} when {@code lastEventId} is not null. */
    static SseReader open(String url, Long lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        return new SseReader(response);
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The reconnection delay the server asked for in a {@code retry:} line, or -1 if none came yet. */
    long retryMs() {
        return retryMs;
    }

    /** Comment lines (heartbeats) seen so far. */
    int comments() {
        return comments;
    }

    /**
     * The next event, or null when the server ends the stream. The events of a {@code batch}
     * message come one by one, each with its own sequence number as id, as the page sees them.
     */
    @SuppressWarnings("unchecked")
    Event next() throws IOException {
        if (!pending.isEmpty()) {
            return pending.removeFirst();
        }
        Event message = nextMessage();
        if (message == null || !message.type().equals("batch")) {
            return message;
        }
        batches++;
        for (Map<String, Object> event : (List<Map<String, Object>>) message.data().get("events")) {
            pending.add(new Event(((Number) event.get("seq")).longValue(), "message", event));
        }
        return pending.removeFirst();
    }

    /** How many batch messages arrived so far. */
    int batches() {
        return batches;
    }

    @SuppressWarnings("unchecked")
    private Event nextMessage() throws IOException {
        long id = -1;
        String type = "message";
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    Object parsed = JSON.readValue(data.toString(), Object.class);
                    return new Event(id, type, parsed instanceof List<?> list
                            ? Map.of("events", list) : (Map<String, Object>) parsed);
                }
            } else if (line.startsWith(":")) {
                comments++;
            } else if (line.startsWith("retry:")) {
                retryMs = Long.parseLong(line.substring(6).strip());
            } else if (line.startsWith("id:")) {
                id = Long.parseLong(line.substring(3).strip());
            } else if (line.startsWith("event:")) {
                type = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return null;
    }

    /** Every event up to and including {@code done}. */
    List<Event> untilDone() throws IOException {
        List<Event> events = new ArrayList<>();
        for (Event event = next(); event != null; event = next()) {
            events.add(event);
            if (event.type().equals("done")) {
                break;
            }
        }
        return events;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
