package dev.asyncplayground.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Plain HTTP/1.0 requests to a server on the loopback, for the warm-up; a failure gives an empty answer. */
final class LocalRequest {

    private static final int TIMEOUT_MS = 10_000;

    private LocalRequest() {
    }

    /** GETs a path; returns the whole answer, head and body. */
    static String get(int port, String path) {
        return send(port, ("GET " + path + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** GETs an event stream to its end. */
    static String events(int port, String path) {
        return send(port, ("GET " + path + " HTTP/1.0\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** POSTs a body of the given content type; returns the whole answer. */
    static String post(int port, String path, String contentType, String body) {
        return post(port, path, contentType, "", body);
    }

    /** POSTs a form as the page's htmx does, the only way the server takes its forms; returns the whole answer. */
    static String postForm(int port, String path, String body) {
        return post(port, path, "application/x-www-form-urlencoded", "HX-Request: true\r\n", body);
    }

    private static String post(int port, String path, String contentType, String headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.0\r\n" + headers + "Content-Type: " + contentType
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(bytes, 0, request, head.length, bytes.length);
        return send(port, request);
    }

    private static String send(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
