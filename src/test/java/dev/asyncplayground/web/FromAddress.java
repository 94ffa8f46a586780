package dev.asyncplayground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts JSON from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so one test can be many
 * clients as the server tells them apart: by remote address. Plain HTTP/1.0 over a socket.
 */
final class FromAddress {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reply: status, headers (names in lower case) and the body as JSON. */
    record Reply(int status, Map<String, String> headers, Map<String, Object> body) {}

    private FromAddress() {
    }

    /** The address of client number {@code n} (0-based): 127.0.1.n+1 up to 254 clients. */
    static String client(int n) {
        return "127.0.1." + (n + 1);
    }

    @SuppressWarnings("unchecked")
    static Reply post(String from, int port, String path, Map<String, ?> body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(), head[i].substring(colon + 1).strip());
            }
            String text = response.substring(split + 4);
            Map<String, Object> parsed = text.isBlank() ? Map.of() : JSON.readValue(text, Map.class);
            return new Reply(Integer.parseInt(head[0].split(" ")[1]), headers, parsed);
        }
    }
}
