package dev.asyncplayground.web;

import dev.asyncplayground.timeline.PageRequest;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Reads which page of a run's output and tasks {@code GET /api/runs/{id}} should show.
 *
 * <p>Every parameter is optional: {@code outputFrom}, {@code outputLimit} (default
 * {@value #OUTPUT_LIMIT}, at most {@value #MAX_OUTPUT_LIMIT}), {@code tasksFrom},
 * {@code tasksLimit} (default {@value #TASKS_LIMIT}, at most {@value #MAX_TASKS_LIMIT}),
 * {@code segmentsFrom} and {@code segmentsLimit} (per task listed, default
 * {@value #SEGMENTS_LIMIT}, at most {@value #MAX_SEGMENTS_LIMIT}). Tasks × segments per task may
 * be at most {@value #MAX_SEGMENTS_SHOWN}, so no answer is unbounded.
 */
final class RunPaging {

    static final int OUTPUT_LIMIT = 1_000;
    static final int MAX_OUTPUT_LIMIT = 10_000;
    static final int TASKS_LIMIT = 1_000;
    static final int MAX_TASKS_LIMIT = 1_000;
    static final int SEGMENTS_LIMIT = 100;
    static final int MAX_SEGMENTS_LIMIT = 10_000;
    static final int MAX_SEGMENTS_SHOWN = 100_000;

    /** The page shown when no parameter is given, and in the stream's {@code done} summary. */
    static final PageRequest DEFAULT = new PageRequest(0, OUTPUT_LIMIT, 0, TASKS_LIMIT, 0, SEGMENTS_LIMIT);

    private RunPaging() {
    }

    /** The page the query asks for; a 400 naming the parameter if one is not a whole number in range. */
    static PageRequest from(Context ctx) {
        PageRequest page = new PageRequest(
                number(ctx, "outputFrom", 0, Integer.MAX_VALUE),
                number(ctx, "outputLimit", OUTPUT_LIMIT, MAX_OUTPUT_LIMIT),
                number(ctx, "tasksFrom", 0, Integer.MAX_VALUE),
                number(ctx, "tasksLimit", TASKS_LIMIT, MAX_TASKS_LIMIT),
                number(ctx, "segmentsFrom", 0, Integer.MAX_VALUE),
                number(ctx, "segmentsLimit", SEGMENTS_LIMIT, MAX_SEGMENTS_LIMIT));
        if ((long) page.tasksLimit() * page.segmentsLimit() > MAX_SEGMENTS_SHOWN) {
            throw new ApiException(400, "tasksLimit × segmentsLimit may be at most " + MAX_SEGMENTS_SHOWN
                    + " segments per answer; got " + page.tasksLimit() + " × " + page.segmentsLimit());
        }
        return page;
    }

    private static int number(Context ctx, String name, int fallback, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the allowed range
        }
        throw new ApiException(400, name + " must be a whole number from 0 to " + max + "; got '" + text + "'",
                Map.of("parameter", name));
    }
}
