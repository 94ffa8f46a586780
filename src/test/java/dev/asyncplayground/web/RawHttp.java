package dev.asyncplayground.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Writes a request byte for byte over a socket: for what a well-behaved client never sends,
 * such as a body shorter than its {@code Content-Length}.
 */
final class RawHttp {

    private final URI base;

    RawHttp(RunningApp app) {
        this.base = URI.create(app.url());
    }

    /**
     * Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and
     * {@code body}, then closes the sending side if {@code endInput}; returns everything the
     * server answered within {@code timeoutMillis}.
     */
    String exchange(String head, String body, boolean endInput, int timeoutMillis) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write((head + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            if (endInput) {
                socket.shutdownOutput();
            }
            return readAll(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                answer.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            // the server kept the connection open: what arrived so far is the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
