package dev.asyncplayground.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Reads one SSE stream over a plain socket on a virtual thread, handing each line of the body to
 * an {@link SseViewer}, as a browser tab's EventSource would read it: no HTTP client library.
 *
 * <p>The request is HTTP/1.0, so the server sends the body as it is, without chunked framing, and
 * ends it by closing the connection. Blocking reads on a virtual thread cost one parked virtual
 * thread per viewer, so a thousand viewers need no thread pool and no selector code here.
 */
final class SocketViewer {

    private SocketViewer() {
    }

    /** Starts a virtual thread that connects, asks for {@code path} and feeds the body's lines to {@code viewer}. */
    static Thread start(int port, String path, SseViewer viewer) {
        return Thread.ofVirtual().name("viewer").start(() -> read(port, path, viewer));
    }

    private static void read(int port, String path, SseViewer viewer) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream request = socket.getOutputStream();
            request.write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            BufferedReader body = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String status = body.readLine();
            if (status == null || !status.contains(" 200")) {
                throw new IOException("the server answered '" + status + "'");
            }
            for (String header = body.readLine(); header != null && !header.isEmpty(); header = body.readLine()) {
                // the headers say nothing the benchmark needs
            }
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                viewer.line(line);
            }
            viewer.ended();
        } catch (IOException | RuntimeException failed) {
            viewer.failed(failed);
        }
    }
}
