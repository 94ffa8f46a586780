package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.export.Language;
import dev.asyncplayground.export.Runtimes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exercise, exported to every Python and Java style, run on this machine's CPython and JDK:
 * the program prints what the playground printed (in the same order where the mode fixes it) and
 * takes about the playground's ideal time for the mode it mirrors.
 *
 * <p>The eight exercises come from the golden scenarios, so all are covered whether or not the
 * catalogue has them yet, each at short durations; the catalogue's exercises are exported by id too.
 */
class ExportCheckedByRunningTest extends ApiTestSupport {

    /** An exercise at short durations (or, outside the exercises folder, a scenario of our own). */
    record Exercise(String id, Map<String, Object> params, double speed) {

        String source() {
            String folder = id.equals("every-step") || id.equals("timeouts") ? "/export/" : "/scenarios/exercises/";
            try (InputStream in = getClass().getResourceAsStream(folder + id + ".scn")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A language and style, the mode the file is exported for, and the playground run it is held
     * against: that run's mode, pool size and gil option (CPython's threads always have the GIL).
     */
    record Style(Language language, String style, String mode, String compareMode, int threads, boolean gil,
                 int limit) {

        Style(Language language, String style, String mode, String compareMode, int threads, boolean gil) {
            this(language, style, mode, compareMode, threads, gil, 0);
        }

        boolean ordered() {
            return mode.equals("sequential");
        }

        @Override
        public String toString() {
            return language.id() + " " + mode + " " + style + (limit > 0 ? " limit " + limit : "");
        }
    }

    static final List<Exercise> EXERCISES = List.of(
            new Exercise("counting", Map.of("count", 6, "sleepers", List.of(2, 5), "unit", "20ms"), 1),
            new Exercise("api-calls", Map.of("requests", 6, "limit", 2, "latency", "50ms"), 1),
            new Exercise("bank-update", Map.of("clerks", 3, "think", "30ms"), 1),
            new Exercise("chess-simul", Map.of("boards", 2, "moves", 2, "think", "100ms", "reply", "1s"), 10),
            new Exercise("cpu-vs-io", Map.of("tasks", 4, "kind", "cpu", "duration", "100ms"), 1),
            new Exercise("laundry", Map.of("loads", 2, "washing", "1min", "drying", "1min", "move", "10s",
                    "chores", 1), 1000),
            new Exercise("page-load", Map.of("images", 3, "latency", "20ms", "giveUpAfter", "200ms"), 1),
            new Exercise("responsive-ui", Map.of("ticks", 10, "tick", "20ms", "compress", "40ms"), 5),
            new Exercise("every-step", Map.of(), 1));

    static final List<Style> STYLES = List.of(
            new Style(Language.PYTHON, "plain", "sequential", "sequential", 4, false),
            new Style(Language.PYTHON, "asyncio", "event-loop", "event-loop", 4, false),
            new Style(Language.PYTHON, "callbacks", "event-loop", "event-loop", 4, false),
            new Style(Language.PYTHON, "futures", "event-loop", "platform-threads", 256, true),
            new Style(Language.PYTHON, "threads", "platform-threads", "platform-threads", 4, true),
            new Style(Language.PYTHON, "processes", "platform-threads", "platform-threads", 4, false),
            new Style(Language.JAVA, "plain", "sequential", "sequential", 4, false),
            new Style(Language.JAVA, "executor", "virtual-threads", "virtual-threads", 4, false),
            new Style(Language.JAVA, "futures", "virtual-threads", "virtual-threads", 4, false),
            new Style(Language.JAVA, "executor", "platform-threads", "platform-threads", 4, false));

    private static final Map<String, Map<String, Object>> PLAYGROUND = new HashMap<>();

    static Stream<Arguments> everyExerciseInEveryStyle() {
        List<Arguments> cases = new ArrayList<>();
        for (Exercise exercise : EXERCISES) {
            for (Style style : STYLES) {
                cases.add(Arguments.of(exercise.id(), style, exercise));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyExerciseInEveryStyle")
    void theExportPrintsWhatThePlaygroundPrintsInAboutItsIdealTime(String id, Style style, Exercise exercise,
                                                                  @TempDir Path dir) throws Exception {
        Map<String, Object> body = body(exercise);
        Map<String, Object> run = playground(id, body, style);
        Runtimes.Ran ran = export(body, style, dir, id);
        List<String> expected = texts(run);
        if (style.ordered()) {
            assertEquals(expected, ran.lines(), "the lines, in order");
        } else {
            assertEquals(sorted(expected), sorted(ran.lines()), "the same lines");
        }
        double ideal = ((Number) run.get("idealMs")).doubleValue() / exercise.speed();
        double measured = ((Number) run.get("elapsedMs")).doubleValue() / exercise.speed();
        assertNear(ideal, measured, ran.elapsedMs(), style + " of " + id);
    }

    static Stream<Arguments> virtualThreadsWithALimit() {
        List<Arguments> cases = new ArrayList<>();
        for (Exercise exercise : List.of(EXERCISES.get(0), EXERCISES.get(1), EXERCISES.get(8))) {
            cases.add(Arguments.of(exercise.id(), new Style(Language.PYTHON, "asyncio", "virtual-threads",
                    "virtual-threads", 4, false, 2), exercise));
            cases.add(Arguments.of(exercise.id(), new Style(Language.JAVA, "executor", "virtual-threads",
                    "virtual-threads", 4, false, 2), exercise));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("virtualThreadsWithALimit")
    void aLimitOnVirtualThreadsBecomesASemaphore(String id, Style style, Exercise exercise, @TempDir Path dir)
            throws Exception {
        theExportPrintsWhatThePlaygroundPrintsInAboutItsIdealTime(id, style, exercise, dir);
    }

    /**
     * The callbacks style's timeouts cancel what is pending: a lock not yet given, a wait, an await;
     * they cut a cpu step short and let go of the locks a failing task held inside them.
     */
    @Test
    void callbacksGiveUpOnLocksAwaitsAndCpuAsThePlaygroundDoes(@TempDir Path dir) throws Exception {
        theExportPrintsWhatThePlaygroundPrintsInAboutItsIdealTime("timeouts", STYLES.get(2),
                new Exercise("timeouts", Map.of(), 1), dir);
    }

    @Test
    void pythonThreadsTakeWhatTheGilIdealSaysNotWhatFreeThreadsWouldTake(@TempDir Path dir) throws Exception {
        Map<String, Object> body = body(EXERCISES.get(4));
        Map<String, Object> withGil = playground("cpu-vs-io", body, STYLES.get(4));
        Map<String, Object> free = playground("cpu-vs-io", body, STYLES.get(5));
        double gilIdeal = ((Number) withGil.get("idealMs")).doubleValue();
        double freeIdeal = ((Number) free.get("idealMs")).doubleValue();
        assertEquals(400, gilIdeal, 1, "4 x 100ms of CPU under the GIL take 400ms");
        double cores = Math.min(4, Runtime.getRuntime().availableProcessors());
        assertEquals(400 / cores, freeIdeal, 1, "free threads use every core");
        Runtimes.Ran ran = export(body, STYLES.get(4), dir, "cpu-vs-io");
        assertNear(gilIdeal, ((Number) withGil.get("elapsedMs")).doubleValue(), ran.elapsedMs(), "CPython threads");
        if (cores >= 2) {
            assertTrue(ran.elapsedMs() > (gilIdeal + freeIdeal) / 2, "CPython's threads took " + ran.elapsedMs()
                    + " ms: nearer the free-threads ideal " + freeIdeal + " ms than the gil ideal " + gilIdeal);
        }
    }

    /** The catalogue's Java files run as their headers say, with {@code java File.java}. */
    @Test
    void everyExerciseOfTheCatalogueExportsAndRuns(@TempDir Path dir) throws Exception {
        for (Object listed : http.get("/api/exercises").array()) {
            String id = (String) ((Map<?, ?>) listed).get("id");
            Exercise exercise = EXERCISES.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(
                    () -> new AssertionError("no short parameters for the catalogue's exercise '" + id
                            + "': add it to EXERCISES"));
            Map<String, Object> body = new LinkedHashMap<>(body(exercise));
            body.remove("scenario");
            body.put("exercise", id);
            for (Style style : List.of(STYLES.get(1), STYLES.get(7))) {
                Map<String, Object> run = playground("catalogue " + id, body, style);
                Path own = Files.createDirectories(dir.resolve(id + "-" + style.language().id()));
                Exported file = exported(body, style, id);
                Runtimes.Ran ran = style.language() == Language.JAVA
                        ? Runtimes.runJavaSource(file.name(), file.text(), own)
                        : Runtimes.run(style.language(), file.name(), file.text(), own);
                assertEquals(sorted(texts(run)), sorted(ran.lines()), style + " of the catalogue's " + id);
            }
        }
    }

    private static Map<String, Object> body(Exercise exercise) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenario", exercise.source());
        body.put("params", exercise.params());
        body.put("speed", exercise.speed());
        return body;
    }

    private static Map<String, Object> playground(String id, Map<String, Object> body, Style style)
            throws InterruptedException {
        String key = id + " " + style.compareMode() + " " + style.threads() + " " + style.gil() + " " + style.limit();
        Map<String, Object> cached = PLAYGROUND.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> request = new LinkedHashMap<>(body);
        request.put("mode", style.compareMode());
        if (style.compareMode().equals("platform-threads")) {
            request.put("threads", style.threads());
            request.put("gil", style.gil());
        }
        if (style.limit() > 0) {
            request.put("limit", style.limit());
        }
        Map<String, Object> run = http.awaitRun(http.startRun(request), Duration.ofSeconds(30));
        assertEquals("done", run.get("status"), () -> "the playground's run of " + key + ": " + run);
        PLAYGROUND.put(key, run);
        return run;
    }

    /** An exported file: its name and its text. */
    private record Exported(String name, String text) {}

    private static Runtimes.Ran export(Map<String, Object> body, Style style, Path dir, String id)
            throws Exception {
        Exported file = exported(body, style, id);
        return Runtimes.run(style.language(), file.name(), file.text(), dir);
    }

    private static Exported exported(Map<String, Object> body, Style style, String id) throws Exception {
        Http.Reply reply = http.post("/api/export", exportRequest(body, style));
        assertEquals(200, reply.status(), reply.text());
        String name = reply.header("Content-Disposition").replaceAll(".*filename=\"([^\"]+)\".*", "$1");
        Path copy = Path.of("target", "exports", id + "-" + style.toString().replace(' ', '-'));
        Files.createDirectories(copy);
        Files.writeString(copy.resolve(name), reply.text());
        return new Exported(name, reply.text());
    }

    private static Map<String, Object> exportRequest(Map<String, Object> body, Style style) {
        Map<String, Object> request = new LinkedHashMap<>(body);
        request.put("mode", style.mode());
        request.put("language", style.language().id());
        request.put("style", style.style());
        if (style.mode().equals("platform-threads")) {
            request.put("threads", style.threads());
        }
        if (style.limit() > 0) {
            request.put("limit", style.limit());
        }
        return request;
    }

    /**
     * The program took about the ideal: not much less, and not much more than the ideal or what the
     * playground itself took just before (a busy machine slows both alike). The margin above covers
     * a busy 2-core machine and a JVM's cold start (its first virtual threads, executors, lambdas).
     */
    private static void assertNear(double idealMs, double playgroundMs, double elapsedMs, String what) {
        double low = idealMs * 0.85 - 15;
        double high = Math.max(idealMs, playgroundMs) * 2 + 600;
        assertTrue(elapsedMs >= low && elapsedMs <= high, what + " took " + elapsedMs + " ms; the playground's ideal is "
                + idealMs + " ms (its run took " + playgroundMs + " ms), so it should take between " + Math.round(low)
                + " and " + Math.round(high) + " ms");
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Map<String, Object> run) {
        return ((List<Map<String, Object>>) run.get("output")).stream().map(line -> (String) line.get("text")).toList();
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
