package dev.asyncplayground.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a request body as one JSON object, with a plain message for everything that can be wrong.
 *
 * <p>The body is read up to {@link RequestGuard#MAX_BODY_BYTES} (413 past it); a body that ends
 * before its {@code Content-Length} is a 400, as is anything after the object, nesting deeper
 * than {@value #MAX_DEPTH} levels or a number longer than {@value #MAX_DIGITS} characters.
 * Those limits are far above what any request of this API needs and far below what could
 * cost the server anything.
 */
final class JsonBody {

    static final int MAX_DEPTH = 16;
    static final int MAX_DIGITS = 40;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_DIGITS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private final String example;

    /** A reader whose "send a JSON object" message shows {@code example}. */
    JsonBody(String example) {
        this.example = example;
    }

    /** The body's object, by field name; a 400 or 413 that says what is wrong otherwise. */
    @SuppressWarnings("unchecked")
    Map<String, Object> read(Context ctx) {
        byte[] bytes = bytes(ctx);
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new ApiException(400, "send a JSON object, e.g. " + example);
        }
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            Object value = MAPPER.readValue(parser, Object.class);
            requireNothingAfter(parser);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new ApiException(400, "the body must be a JSON object, e.g. " + example);
        } catch (JsonProcessingException e) {
            throw beyondLimits(e) ? new ApiException(400, "the body nests deeper than " + MAX_DEPTH
                    + " levels or has a number longer than " + MAX_DIGITS + " characters; no request needs either")
                    : notJson(plain(e.getOriginalMessage()), e.getLocation());
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory failed", e);
        }
    }

    /** Jackson's message without its internals: character codes, token names, feature switches. */
    static String plain(String message) {
        String text = message == null ? "unreadable" : message;
        text = text.replaceAll(" \\(code \\d+\\)", "").replaceAll(":? ?enable `[^`]*` to allow.*", "")
                .replaceAll("\\s*\\((for|start marker)[^\\[]*\\[Source:.*?]\\)", "");
        int source = text.indexOf("[Source:");
        text = source < 0 ? text : text.substring(0, source);
        return text.replace("VALUE_STRING", "a string").replace("FIELD_NAME", "a field name")
                .replace("START_OBJECT", "'{'").replace("START_ARRAY", "'['").strip();
    }

    private static boolean beyondLimits(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    private static void requireNothingAfter(JsonParser parser) throws IOException {
        JsonLocation after = parser.currentLocation();
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (JsonProcessingException unreadable) {
            more = true;
        }
        if (more) {
            throw notJson("there is more after the JSON object; send exactly one object", after);
        }
    }

    private static ApiException notJson(String problem, JsonLocation location) {
        JsonLocation where = location == null ? JsonLocation.NA : location;
        return new ApiException(400, "the body is not valid JSON: " + problem,
                Map.of("line", where.getLineNr(), "column", where.getColumnNr()));
    }

    /** The body's bytes, read no further than the limit. */
    private static byte[] bytes(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (InputStream in = ctx.req().getInputStream()) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                body.write(chunk, 0, n);
                if (body.size() > RequestGuard.MAX_BODY_BYTES) {
                    throw new ApiException(413, "the request body is over the limit of "
                            + RequestGuard.MAX_BODY_BYTES / 1024 + " KiB");
                }
            }
        } catch (IOException cutShort) {
            throw new ApiException(400, "the body ended after " + body.size() + " bytes"
                    + (declared >= 0 ? " of the " + declared + " its Content-Length announced" : ""));
        }
        return body.toByteArray();
    }
}
