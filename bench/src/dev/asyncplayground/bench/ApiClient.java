package dev.asyncplayground.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Talks JSON to a running app over plain sockets, from any loopback address (127.0.1.x), so one
 * process can be many clients, as the server tells clients apart by remote address.
 */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reply: status, the Retry-After header (or null) and the body as JSON. */
    record Reply(int status, String retryAfter, Map<String, Object> body) {}

    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    /** The loopback address of client number {@code n} (0-based, up to 65,000). */
    static String client(int n) {
        return "127.0." + (1 + n / 250) + "." + (1 + n % 250);
    }

    Reply post(String from, String path, Map<String, ?> body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        return send(from, "POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.length + "\r\n\r\n", json);
    }

    Reply get(String path) throws IOException {
        return send("127.0.0.1", "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", new byte[0]);
    }

    /**
     * Follows a run as the page does, through its event stream to the end (the server closes it
     * after the done event), then reads its JSON once; returns that JSON.
     *
     * <p>Not by polling: each {@code GET /api/runs/{id}} costs the server about a millisecond of
     * CPU, and on two cores polling every 20 ms took 0.2-0.4 cores from the very CPU run being
     * measured (docs/benchmarks.md).
     */
    Map<String, Object> awaitRun(String id, Duration max) throws IOException {
        Reply ended = send("127.0.0.1", "GET /api/runs/" + id + "/events HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\n\r\n", new byte[0], max);
        Map<String, Object> run = get("/api/runs/" + id).body();
        if (ended.status() != 200 || List.of("queued", "running").contains(run.get("status"))) {
            throw new IllegalStateException("run " + id + " did not end within " + max + ": " + run);
        }
        return run;
    }

    private Reply send(String from, String head, byte[] body) throws IOException {
        return send(from, head, body, Duration.ofSeconds(60));
    }

    @SuppressWarnings("unchecked")
    private Reply send(String from, String head, byte[] body, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String retryAfter = null;
            for (String line : response.substring(0, split).split("\r\n")) {
                if (line.toLowerCase().startsWith("retry-after:")) {
                    retryAfter = line.substring(line.indexOf(':') + 1).strip();
                }
            }
            String text = response.substring(split + 4);
            Map<String, Object> parsed = text.isBlank() || !text.startsWith("{") ? Map.of()
                    : JSON.readValue(text, Map.class);
            return new Reply(Integer.parseInt(response.substring(0, split).split(" ")[1]), retryAfter, parsed);
        }
    }

    /**
     * A finished run's ideal for the cores the machine gave it: {@code idealForCoresGivenMs} where
     * the run has cpu steps, else its {@code idealMs}.
     */
    static double idealForCoresGiven(Map<String, Object> run) {
        return number(run, run.containsKey("idealForCoresGivenMs") ? "idealForCoresGivenMs" : "idealMs");
    }

    static double number(Map<String, Object> json, String field) {
        Object value = json.get(field);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
