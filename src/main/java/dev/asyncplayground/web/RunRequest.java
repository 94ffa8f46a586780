package dev.asyncplayground.web;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.exercise.Exercise;
import dev.asyncplayground.scenario.ParseResult;
import dev.asyncplayground.scenario.Scenario;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated {@code POST /api/runs} body: what to run, with which parameters, under which mode.
 *
 * @param scenario the exercise's scenario, or the parsed text sent
 * @param params   submitted parameter values, still unchecked (bound later against the scenario)
 * @param options  mode and speed
 */
record RunRequest(Scenario scenario, Map<String, ?> params, RunOptions options) {

    static final double MIN_SPEED = 0.001;
    /** The fastest time scale: an hour of scenario time per real second. */
    static final double MAX_SPEED = 3600;
    /** What a usable speed is, for the API's and the form's messages. */
    static final String SPEED_RULE = "speed must be a number from " + MIN_SPEED + " to " + (int) MAX_SPEED
            + " (1 = real time, 10 = ten times faster)";
    private static final Set<String> FIELDS = Set.of("exercise", "scenario", "params", "mode", "speed", "threads",
            "limit", "gil");

    /** Reads a decoded JSON body; every problem becomes a 400 that names the field. */
    static RunRequest from(Map<String, Object> body, Catalogue catalogue) {
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw badRequest("unknown field '" + field
                        + "'; a run takes exercise or scenario, params, mode, speed, threads, limit and gil");
            }
        }
        Scenario scenario = scenario(body, catalogue);
        Map<String, ?> params = params(body.get("params"));
        JsonParams.mistyped(scenario.params(), params).ifPresent(mistyped -> {
            throw mistyped;
        });
        double defaultSpeed = body.get("scenario") == null && body.get("exercise") instanceof String id
                ? catalogue.find(id).map(Exercise::speed).orElse(1.0) : 1;
        return new RunRequest(scenario, params, options(body, defaultSpeed));
    }

    private static RunOptions options(Map<String, Object> body, double defaultSpeed) {
        Mode mode = mode(body.get("mode"));
        int threads = whole(body, "threads", Mode.PLATFORM_THREADS, RunOptions.DEFAULT_THREADS);
        int limit = whole(body, "limit", Mode.VIRTUAL_THREADS, RunOptions.NO_LIMIT);
        return options(mode, speed(body.get("speed"), defaultSpeed), threads, limit, gil(body));
    }

    private static RunOptions options(Mode mode, double speed, int threads, int limit, boolean gil) {
        optionsProblem(mode, speed, threads, limit).ifPresent(problem -> {
            throw badRequest(problem);
        });
        return new RunOptions(mode, speed, threads, limit, gil);
    }

    /** Why these values cannot make run options, or empty if they can: the one check the API and the form share. */
    static Optional<String> optionsProblem(Mode mode, double speed, int threads, int limit) {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            return Optional.of(SPEED_RULE);
        }
        try {
            new RunOptions(mode, speed, threads, limit);
            return Optional.empty();
        } catch (IllegalArgumentException outOfRange) {
            return Optional.of(outOfRange.getMessage());
        }
    }

    private static int whole(Map<String, Object> body, String field, Mode onlyFor, int fallback) {
        Object value = body.get(field);
        if (value == null) {
            return fallback;
        }
        if (!onlyFor.id().equals(body.get("mode"))) {
            throw badRequest("\"" + field + "\" applies only to " + onlyFor.id());
        }
        if (value instanceof Integer n) {
            return n;
        }
        throw badRequest("\"" + field + "\" must be a whole number as a JSON number; got "
                + JsonParams.describe(value));
    }

    private static boolean gil(Map<String, Object> body) {
        Object value = body.get("gil");
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (!(value instanceof Boolean)) {
            throw badRequest("\"gil\" must be true or false; got " + value);
        }
        if (!Mode.PLATFORM_THREADS.id().equals(body.get("mode"))) {
            throw badRequest("\"gil\" applies only to platform-threads");
        }
        return true;
    }

    private static Scenario scenario(Map<String, Object> body, Catalogue catalogue) {
        Object text = body.get("scenario");
        if (text != null && body.get("exercise") != null) {
            throw badRequest("send either \"exercise\" or \"scenario\", not both");
        }
        if (text == null) {
            return exercise(body.get("exercise"), catalogue).scenario();
        }
        if (!(text instanceof String source)) {
            throw badRequest("\"scenario\" must be the scenario's text, as a string");
        }
        ParseResult parsed = ScenarioTexts.parse(source);
        if (parsed.scenario() == null) {
            throw ScenarioTexts.invalid(parsed.diagnostics());
        }
        return parsed.scenario();
    }

    private static Exercise exercise(Object id, Catalogue catalogue) {
        if (!(id instanceof String name)) {
            throw badRequest("say what to run: \"exercise\" (one of " + String.join(", ", catalogue.ids())
                    + ") or \"scenario\" (its text)");
        }
        return catalogue.find(name).orElseThrow(() -> badRequest(
                "unknown exercise '" + name + "'; known: " + String.join(", ", catalogue.ids())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> params(Object params) {
        if (params == null) {
            return Map.of();
        }
        if (params instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        throw badRequest("\"params\" must be an object such as {\"count\": 30}");
    }

    /** The mode named by id; a 400 listing the modes otherwise. */
    static Mode mode(Object id) {
        if (id == null) {
            throw badRequest("\"mode\" is required: one of " + Mode.ids());
        }
        if (!(id instanceof String name)) {
            throw badRequest("\"mode\" must be a JSON string, one of " + Mode.ids() + "; got " + JsonParams.describe(id));
        }
        return Mode.byId(name).orElseThrow(() -> badRequest("unknown mode '" + name + "'; modes: " + Mode.ids()));
    }

    private static double speed(Object speed, double defaultSpeed) {
        if (speed == null) {
            return defaultSpeed;
        }
        if (speed instanceof Number n && n.doubleValue() >= MIN_SPEED && n.doubleValue() <= MAX_SPEED) {
            return n.doubleValue();
        }
        throw badRequest(SPEED_RULE + "; got " + JsonParams.describe(speed));
    }

    private static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
