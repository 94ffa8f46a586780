package dev.asyncplayground.web;

import dev.asyncplayground.engine.AdmissionTicket;
import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the hot paths a few times before the server says it is ready, so that a user's first run
 * is as true as the hundredth.
 *
 * <p>A cold JVM interprets the engine's code and compiles it while the first runs go, on the same
 * cores: the first run came out 19 ms late where later ones were 1-2 ms late, and the compiler
 * threads took CPU from the first CPU runs. This reads a request body, parses a small scenario,
 * runs it in every mode with waits, prints and a CPU burn, on a registry of its own (nothing shows
 * in the app), then turns the runs into JSON and SSE frames. It takes a few hundred milliseconds,
 * while the server is being set up. {@code WARM_UP=off} skips it (the benchmarks compare both).
 */
public final class WarmUp {

    private static final String SCENARIO = """
            shared total = 0
            for t in 1..3:
              task "t{t}":
                wait 1ms "read"
                cpu 4ms "compute"
                lock "total":
                  update total by 1 thinking 1ms
                print "t{t} done"
            """;
    private static final int ROUNDS = 3;

    private WarmUp() {
    }

    /** True unless the environment says {@code WARM_UP=off}. */
    public static boolean wanted(Map<String, String> env) {
        return !"off".equalsIgnoreCase(env.getOrDefault("WARM_UP", "").strip());
    }

    /** Warms up and returns how long it took. */
    public static Duration run(Catalogue catalogue) {
        long start = System.nanoTime();
        try (RunRegistry registry = new RunRegistry(Limits.defaults().withRuns(8, 16))) {
            RunLauncher launcher = new RunLauncher(registry);
            for (int round = 0; round < ROUNDS; round++) {
                List<Run> runs = new ArrayList<>();
                for (Mode mode : Mode.values()) {
                    runs.add(start(launcher, registry, catalogue, mode));
                }
                for (Run run : runs) {
                    encode(awaitEnd(run));
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Run start(RunLauncher launcher, RunRegistry registry, Catalogue catalogue, Mode mode) {
        Map<String, Object> body = Map.of("scenario", SCENARIO, "mode", mode.id());
        RunRequest request = RunRequest.from(body, catalogue);
        try (AdmissionTicket ticket = registry.reserve(null, 1)) {
            return launcher.launch(request.scenario(), request.params(), request.options(), ticket);
        }
    }

    private static Run awaitEnd(Run run) throws InterruptedException {
        while (!run.status().isFinal()) {
            Thread.sleep(Duration.ofMillis(1));
        }
        return run;
    }

    /** What the API and the event stream do with a run: its JSON, each event's frame, a batch, the summary. */
    private static void encode(Run run) {
        Json.write(RunJson.of(run));
        EventTexts texts = new EventTexts(run);
        List<TimelineEvent> events = run.log().snapshot();
        long seq = 1;
        for (TimelineEvent event : events) {
            texts.message(seq++, event);
        }
        new EventTexts(run).batch(1, events);
        texts.done();
    }
}
