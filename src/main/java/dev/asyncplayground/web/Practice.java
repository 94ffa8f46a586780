package dev.asyncplayground.web;

import dev.asyncplayground.engine.CompilerQueue;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.exercise.Exercise;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs three exercises many times over, as the page and a script do, pausing after each round until
 * the JIT has compiled what the round made hot.
 *
 * <p>The JIT compiles a method once it has been called a few hundred times, and one run calls
 * most of the request, stream and summary paths only a few times: after the warm-up's first round
 * the server used 62 ms of CPU on a first watched run against 18 ms on the hundredth, and a first
 * two-core CPU run was still compiling code while it burnt. Practising helps only if the compiler
 * keeps up. Posted back to back, or several rounds at once, the runs filled its queue, HotSpot then
 * raises its compile thresholds, and the first run was no better than without practice. Paced by
 * the queue, as here, 12 rounds brought a first two-core CPU run posted a second after start-up
 * about as near its ideal as a hundred runs from a slow client did; posted the moment the app was
 * ready, it gained less (see docs/benchmarks.md). Each pass of a drill is two rounds: one run per
 * mode through the API, as a script does, then the exercise's form with every mode ticked, its
 * runs followed at once, as the page does.
 *
 * <p>{@code cpu-vs-io} (a few tasks that wait, so a run's request, stream and summary paths) and
 * {@code counting} (thirty tasks that print, one after another in {@code sequential}) get three
 * passes each; their runs are short waits, admitted together. With {@code cpu-vs-io} alone, a first
 * counting run at unit 100 ms still set off compiles of the per-task paths while it was timed, and
 * ended 2.0-7.4 ms over its ideal in {@code sequential} (median 4.0; 1.5-4.7, median 1.8, with
 * both). {@code chess-simul} gets one pass, with twenty boards and every move and reply fifty
 * times quicker than the default's: a lock that many tasks wait for, handed on between {@code cpu}
 * steps and waits. Its runs compute, so they run one at a time, each as soon as its turn comes
 * ({@link WarmUp#throwawayRegistry}). Without it the JIT compiled for 70-90 ms of CPU during a
 * learner's first chess simul, on the cores the master was timed on. See docs/benchmarks.md.
 */
final class Practice {

    /**
     * The exercises practised, each with parameters that make its runs short and with how many
     * passes it gets; a pass is two rounds, one through the API and one through the form.
     */
    static final List<Drill> DRILLS = List.of(
            new Drill("cpu-vs-io", Map.of("kind", "io", "tasks", 3, "duration", "10ms"), 3),
            new Drill("counting", Map.of("unit", "1ms"), 3),
            new Drill("chess-simul", Map.of("boards", 20, "moves", 5, "think", "100ms", "reply", "1s"), 1));
    /** How many rounds in all: each is four short runs. */
    static final int ROUNDS = DRILLS.stream().mapToInt(drill -> 2 * drill.passes()).sum();
    /** The longest a round waits for the JIT to finish what it made hot. */
    private static final Duration CALM_WAIT = Duration.ofMillis(300);
    private static final Pattern RUN_ID = Pattern.compile("data-run-id=\"([^\"]+)\"");

    private Practice() {
    }

    /** An exercise to practise, the parameters its runs are given, and how many passes it gets. */
    record Drill(String exercise, Map<String, Object> params, int passes) {}

    /**
     * Practises the drills whose exercises {@code catalogue} has on the app at {@code port}, in
     * turn, one pass each while it has passes left; returns how many runs it followed to their end.
     */
    static int rounds(int port, Catalogue catalogue) throws InterruptedException {
        int followed = 0;
        int mostPasses = DRILLS.stream().mapToInt(Drill::passes).max().orElse(0);
        for (int pass = 0; pass < mostPasses; pass++) {
            for (Drill drill : DRILLS) {
                Optional<Exercise> exercise = catalogue.find(drill.exercise());
                if (pass < drill.passes() && exercise.isPresent()) {
                    followed += throughTheApi(port, exercise.get(), drill.params());
                    CompilerQueue.awaitCalm(CALM_WAIT);
                    followed += throughTheForm(port, exercise.get(), drill.params());
                    CompilerQueue.awaitCalm(CALM_WAIT);
                }
            }
        }
        return followed;
    }

    /** Posts a run to {@code /api/runs}, follows its event stream and reads it back; true if it ended. */
    static boolean postAndFollow(int port, String jsonBody) {
        String reply = LocalRequest.post(port, "/api/runs", "application/json", jsonBody);
        int at = reply.indexOf("\"id\":\"");
        return at >= 0 && follow(port, reply.substring(at + 6, reply.indexOf('"', at + 6)));
    }

    private static int throughTheApi(int port, Exercise exercise, Map<String, Object> params) {
        int followed = 0;
        for (Mode mode : Mode.values()) {
            String body = Json.write(Map.of("exercise", exercise.id(), "mode", mode.id(), "params", params));
            followed += postAndFollow(port, body) ? 1 : 0;
        }
        return followed;
    }

    /** Posts the exercise's form with every mode ticked and follows the runs it started, all at once. */
    private static int throughTheForm(int port, Exercise exercise, Map<String, Object> params) {
        String page = LocalRequest.postForm(port, "/playground/runs", form(exercise, params));
        Set<String> ids = new LinkedHashSet<>();
        for (Matcher id = RUN_ID.matcher(page); id.find(); ) {
            ids.add(id.group(1));
        }
        AtomicInteger followed = new AtomicInteger();
        try (ExecutorService viewers = Executors.newVirtualThreadPerTaskExecutor()) {
            ids.forEach(id -> viewers.execute(() -> followed.addAndGet(follow(port, id) ? 1 : 0)));
        }
        return followed.get();
    }

    private static String form(Exercise exercise, Map<String, Object> params) {
        StringJoiner form = new StringJoiner("&");
        form.add(field("exercise", exercise.id())).add(field("source", exercise.source()));
        for (Mode mode : Mode.values()) {
            form.add(field("modes", mode.id()));
        }
        params.forEach((name, value) -> form.add(field(name, String.valueOf(value))));
        // the pool of two that a two-core CPU run is compared with; the speed the exercise page fills in
        return form.add(field("speed", Double.toString(exercise.speed()))).add(field("threads", "2")).toString();
    }

    private static String field(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean follow(int port, String id) {
        boolean done = LocalRequest.events(port, "/api/runs/" + id + "/events").contains("event: done");
        return done && LocalRequest.get(port, "/api/runs/" + id).contains("\"status\":\"done\"");
    }
}
