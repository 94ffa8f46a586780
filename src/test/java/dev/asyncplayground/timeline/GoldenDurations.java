package dev.asyncplayground.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden file of durations and how they read, {@code durations/golden.json}.
 *
 * <p>Both the server's {@link ReadableDuration} and the page's {@code Timeline.seconds} are tested
 * against it.
 */
public final class GoldenDurations {

    /** One case: a duration in scenario ms and how it reads. */
    public record Case(double ms, String text) {

        @Override
        public String toString() {
            return ms + " ms";
        }
    }

    private GoldenDurations() {
    }

    /** Every case of the golden file. */
    public static List<Case> cases() {
        try (InputStream in = GoldenDurations.class.getResourceAsStream("/durations/golden.json")) {
            List<Case> cases = new ArrayList<>();
            for (JsonNode pair : new ObjectMapper().readTree(in).get("cases")) {
                cases.add(new Case(pair.get(0).asDouble(), pair.get(1).asText()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
