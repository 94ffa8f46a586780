package dev.asyncplayground.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP error with a message for the user; becomes {@code {"error": …}} with its status. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, Object> details;

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(int status, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.details = Map.copyOf(details);
    }

    public int status() {
        return status;
    }

    /** The JSON body: the message first, then details such as line, column or parameter. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.putAll(details);
        return body;
    }
}
