package dev.asyncplayground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A tiny JSON-over-HTTP client for tests against a {@link RunningApp}. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(RunningApp app) {
        this(app.url());
    }

    /** A client of the app at {@code base}, e.g. {@code http://localhost:7070}. */
    Http(String base) {
        this.base = base;
    }

    /** A response: status, headers and the body parsed as JSON (null if empty or not JSON). */
    record Reply(int status, Map<String, List<String>> headers, String text, Object json) {

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) json;
        }

        @SuppressWarnings("unchecked")
        List<Object> array() {
            return (List<Object>) json;
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of()).stream().findFirst().orElse(null);
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * POSTs a large JSON body as a careful client does: with {@code Expect: 100-continue}, so a
     * server that refuses it by its headers answers before the body is sent. Without it, the
     * server's early answer and close race the client still sending, and the client may see the
     * connection reset instead of the answer.
     */
    Reply postLarge(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends {@code body} with the given Content-Type (null for none) and extra headers. */
    Reply send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    Reply head(String path) {
        return send("HEAD", path, null, null, Map.of());
    }

    Reply post(String path, Map<String, ?> body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a run and returns its id, failing the test if the app refuses. */
    String startRun(Map<String, ?> body) {
        Reply reply = post("/api/runs", body);
        if (reply.status() != 201) {
            throw new AssertionError("expected 201 but got " + reply.status() + ": " + reply.text());
        }
        return (String) reply.object().get("id");
    }

    /**
     * Polls a run until it has left the queue; returns its JSON then. A CPU run may wait a moment
     * for a calm server even when nothing runs before it.
     */
    Map<String, Object> awaitStarted(String id, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            Map<String, Object> run = get("/api/runs/" + id).object();
            if (!"queued".equals(run.get("status"))) {
                return run;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("run " + id + " did not start within " + timeout);
    }

    /** Polls a run until its status is final; returns the final JSON. */
    Map<String, Object> awaitRun(String id, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            Map<String, Object> run = get("/api/runs/" + id).object();
            if (!List.of("queued", "running").contains(run.get("status"))) {
                return run;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("run " + id + " did not finish within " + timeout);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            Object json = text.isBlank() ? null : parseOrNull(text);
            return new Reply(response.statusCode(), response.headers().map(), text, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Object parseOrNull(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (IOException notJson) {
            return null;
        }
    }
}
