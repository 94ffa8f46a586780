package dev.asyncplayground.bench;

import dev.asyncplayground.engine.Carriers;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the benchmarks named on the command line and prints their figures (see docs/benchmarks.md).
 *
 * <p>Arguments, in any order: {@code fidelity}, {@code scale}, {@code streaming}, {@code firstrun},
 * {@code cores}, {@code admission} or {@code all}
 * (the default) pick sections; {@code 1m} adds 1,000,000 tasks to the scale section;
 * {@code realtime} runs fidelity at speed 1 whatever its length; {@code exercises} makes the first-run
 * section's cases every exercise at its defaults in every mode; {@code viewers=100+1000} picks the
 * streaming section's viewer counts (default 1, 100 and 1,000).
 */
public final class Bench {

    /** The words that pick sections; with none of them, every section runs. */
    private static final Set<String> SECTIONS = Set.of("fidelity", "beyond", "scale", "streaming", "firstrun",
            "admission", "cores");
    /** Every word the command line may hold, besides {@code viewers=...}. */
    private static final Set<String> KNOWN = Stream.concat(SECTIONS.stream(),
            Stream.of("all", "1m", "realtime", "exercises")).collect(Collectors.toUnmodifiableSet());

    private static final String VIEWERS = "viewers=";

    private Bench() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Carriers.spareOneForTheServer();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            for (String word : arg.strip().split("[\\s,]+")) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase());
                }
            }
        }
        for (String word : words) {
            if (!KNOWN.contains(word) && !word.startsWith(VIEWERS)) {
                System.err.println("unknown argument '" + word + "'; known: " + KNOWN);
                System.exit(2);
            }
        }
        boolean all = words.isEmpty() || words.contains("all")
                || words.stream().noneMatch(SECTIONS::contains);
        PrintStream out = System.out;
        out.println("Async Playground benchmarks, " + Instant.now());
        Machine.describe().forEach(line -> out.println("  " + line));
        out.println("  wake-up      " + Machine.wakeUp());
        Map<String, Boolean> verdicts = new LinkedHashMap<>();
        long started = System.nanoTime();
        if (all || words.contains("fidelity") || words.contains("beyond")) {
            section(out, "1. Fidelity: measured vs ideal elapsed, every exercise x every mode"
                    + (words.contains("beyond") ? ", beyond the defaults" : ""));
            verdicts.put("fidelity", new FidelityBench(out, words.contains("realtime"), words.contains("beyond")).run());
        }
        if (all || words.contains("scale")) {
            section(out, "2. Scale: N tasks x wait 1 s under virtual-threads, timeline recorded");
            List<Integer> sizes = words.contains("1m") ? List.of(10_000, 100_000, 1_000_000) : List.of(10_000, 100_000);
            verdicts.put("scale", new ScaleBench(out, sizes).run());
        }
        if (all || words.contains("streaming")) {
            section(out, "3. Streaming: event -> SSE viewer latency on loopback");
            verdicts.put("streaming", new StreamingBench(out, viewerCounts(words)).run());
        }
        if (all || words.contains("firstrun")) {
            boolean everyExercise = words.contains("exercises");
            section(out, "4. First run on a fresh JVM, " + (everyExercise ? "every exercise in every mode, warmed up"
                    : "with and without the warm-up"));
            verdicts.put("first run", new FirstRunBench(out, everyExercise).run());
        }
        if (all || words.contains("cores")) {
            section(out, "5. Cores given under a competing load");
            verdicts.put("cores given", new CoresBench(out).run());
        }
        if (all || words.contains("admission")) {
            section(out, "6. Admission: a class of 60 and a flood beside a CPU run");
            verdicts.put("admission", new AdmissionBench(out).run());
        }
        section(out, "Verdicts against PRODUCT.md section 7");
        verdicts.forEach((name, met) -> out.println("  " + name + ": " + (met ? "met" : "MISSED")));
        out.println("  wake-up now " + Machine.wakeUp());
        out.println("  load average now " + Machine.loadAverage() + "; took "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        System.exit(0);
    }

    /** The streaming section's viewer counts: from a {@code viewers=100+1000} word, else 1, 100 and 1,000. */
    private static List<Integer> viewerCounts(List<String> words) {
        return words.stream().filter(w -> w.startsWith(VIEWERS)).findFirst()
                .map(w -> Arrays.stream(w.substring(VIEWERS.length()).split("\\+")).map(Integer::valueOf).toList())
                .orElse(List.of(1, 100, 1_000));
    }

    private static void section(PrintStream out, String title) {
        out.println();
        out.println("== " + title + " (load average " + Machine.loadAverage() + ")");
    }
}
