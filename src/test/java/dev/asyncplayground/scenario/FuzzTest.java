package dev.asyncplayground.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Throws thousands of broken, random and extreme texts at the front end. Every input must give a
 * {@link ParseResult}, and every valid one must expand or fail with one of the three documented
 * exceptions, each within {@link #PER_INPUT}. Reproduce a failure with {@code -Dfuzz.seed=N}.
 */
class FuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_250_611L);
    static final int INPUTS = Integer.getInteger("fuzz.inputs", 30_000);
    static final Duration PER_INPUT = Duration.ofSeconds(2);
    static final Duration WHOLE_RUN = Duration.ofSeconds(20);
    static final Duration WARM_UP = Duration.ofSeconds(10);

    /** What happened to the inputs, for the summary line. */
    static final class Tally {
        int parsed;
        int expanded;
        int refused;
        long slowestNanos;
    }

    @Test
    void mutatedGoldenFilesAndRandomTextsNeverBreakTheFrontEnd() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (String scenario : GoldenTest.scenarios()) {
            String text = GoldenTest.read(GoldenTest.root().resolve(scenario));
            if (!burnsTheBudget(text)) {
                seeds.add(text);
            }
        }
        Mutator mutator = new Mutator(new Random(SEED), seeds);
        seeds.forEach(seed -> survive(seed, "warm-up", new Tally(), WARM_UP));
        long start = System.nanoTime();
        Tally tally = assertTimeoutPreemptively(WHOLE_RUN, () -> {
            Tally counts = new Tally();
            for (int i = 0; i < INPUTS; i++) {
                survive(mutator.next(), "input #" + i + " (seed " + SEED + ")", counts, PER_INPUT);
            }
            return counts;
        });
        System.out.printf("fuzz: %d inputs in %d ms (seed %d): %d parsed, %d expanded, %d refused by a limit;"
                        + " slowest %.1f ms%n", INPUTS, (System.nanoTime() - start) / 1_000_000, SEED, tally.parsed,
                tally.expanded, tally.refused, tally.slowestNanos / 1e6);
        assertTrue(tally.parsed > INPUTS / 20, "the mutations should keep some inputs valid");
    }

    /**
     * True for the golden files written to use up the whole work or text budget: each costs the
     * most any input may, so mutating them would spend the fuzz time on the same long loop.
     */
    static boolean burnsTheBudget(String text) {
        ParseResult result = ScenarioParser.parse(text);
        try {
            if (result.ok()) {
                result.scenario().instantiate(Parameters.bind(result.scenario().params(), Map.of()), 10_000);
            }
            return false;
        } catch (LimitExceededException limit) {
            return limit.limit().equals("MAX_WORK") || limit.limit().equals("MAX_TEXT");
        } catch (InvalidScenarioException expected) {
            return false;
        }
    }

    /**
     * Parses and expands one input, failing the test if anything but the documented outcomes happens
     * or if it takes longer than {@code bound}. The golden files run once first with a looser bound,
     * so that the timed inputs meet compiled code, as a server that has been up for a while would.
     */
    static void survive(String input, String name, Tally tally, Duration bound) {
        long start = System.nanoTime();
        try {
            ParseResult result = ScenarioParser.parse(input);
            checkDiagnostics(result.diagnostics(), input);
            assertEquals(result.ok(), result.diagnostics().isEmpty());
            if (result.ok()) {
                tally.parsed++;
                expand(result.scenario(), input, tally);
            }
        } catch (Throwable problem) {
            fail(name + " failed: " + problem + "\ninput: " + show(input), problem);
        }
        long elapsed = System.nanoTime() - start;
        tally.slowestNanos = Math.max(tally.slowestNanos, elapsed);
        if (elapsed > bound.toNanos()) {
            fail(name + " took " + elapsed / 1_000_000 + " ms; input: " + show(input));
        }
    }

    private static void expand(ScenarioDefinition scenario, String input, Tally tally) {
        try {
            scenario.instantiate(Parameters.bind(scenario.params(), Map.of()), 10_000);
            tally.expanded++;
        } catch (InvalidScenarioException problem) {
            checkDiagnostics(problem.diagnostics(), input);
        } catch (LimitExceededException | InvalidParameterException refused) {
            tally.refused++;
        }
    }

    private static void checkDiagnostics(List<Diagnostic> diagnostics, String input) {
        assertTrue(diagnostics.size() <= ScenarioLimits.MAX_DIAGNOSTICS + 1);
        long lines = input.lines().count() + 2;
        for (Diagnostic d : diagnostics) {
            assertTrue(d.line() >= 1 && d.line() <= lines && d.column() >= 1, d::format);
            assertFalse(d.message().isBlank());
            assertFalse(d.message().startsWith("internal error"), d::format);
        }
    }

    static String show(String input) {
        StringBuilder shown = new StringBuilder();
        input.codePoints().limit(2000).forEach(c -> shown.append(c == '\n' || c >= ' ' && c < 0x7F
                ? Character.toString(c) : String.format("\\u%04X", c)));
        return shown + (input.length() > 2000 ? "… (" + input.length() + " chars)" : "");
    }

    private static void survives(String input) {
        assertTimeoutPreemptively(PER_INPUT, () -> survive(input, "extreme input", new Tally(), PER_INPUT));
    }

    @Nested
    class Extremes {

        @Test
        void aMegabyteOfText() {
            survives("task \"a\":\n  print \"x\"\n".repeat(50_000));
        }

        @ParameterizedTest
        @ValueSource(strings = {"(", "-", "not ", "[", "\"{", "{", "\"", "if true:\n", "a\n ", "\u0000", "\uD800"})
        void sixtyKilobytesOfOneThing(String thing) {
            survives("task \"a\":\n  wait " + thing.repeat(60_000 / thing.length()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"(", "-", "not ", "[", "+1"})
        void tenThousandDeepExpressions(String opener) {
            String closer = opener.equals("(") ? ")" : opener.equals("[") ? "]" : "";
            survives("task \"a\":\n  wait " + opener.repeat(10_000) + "1s" + closer.repeat(10_000) + "\n");
            survives("task \"a\":\n  print \"{" + opener.repeat(10_000) + "1" + closer.repeat(10_000) + "}\"\n");
        }

        @Test
        void tenThousandDeepBlocksBehindTheSizeLimit() {
            StringBuilder text = new StringBuilder("task \"deep\":\n");
            for (int level = 1; level <= 10_000; level++) {
                text.repeat(" ", level).append("if true:\n");
            }
            text.repeat(" ", 10_001).append("print \"bottom\"\n");
            assertTimeoutPreemptively(PER_INPUT, () -> {
                Diagnostics diagnostics = new Diagnostics();
                SourceText source = new SourceText(text.toString());
                List<Token> tokens = new Scanner(text.toString(), diagnostics).scanProgram();
                new Parser(new TokenCursor(tokens, source, diagnostics), source, diagnostics).parse();
                assertEquals(List.of("18:18: blocks are nested more than 16 levels deep; the limit is 16"),
                        diagnostics.report().stream().map(Diagnostic::format).toList());
            });
            survives(text.toString());
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "for i in 1..1000000000:\n  task \"n{i}\":\n    print \"{i}\"\n",
            "task \"a\":\n  for i in 1..1000000000:\n    wait 1ms\n",
            "task \"a\":\n  for i in 1..1000000000:\n    if i < 0:\n      wait 1ms\n",
            "for i in -999999999999999999..999999999999999999:\n  task \"n{i}\":\n    print \"{i}\"\n",
            "for i in 1..1000000:\n  for j in 1..1000000:\n    if i == j and i < 0:\n      task \"n{i}\":\n"
                    + "        wait 1s\n"})
        void loopsOverABillion(String text) {
            survives(text);
        }

        @Test
        void tenThousandTasksWaitingForEachOtherInACircle() {
            survives("for i in 1..10000:\n  task \"t{i}\":\n    await \"t{i % 10000 + 1}\"\n");
        }

        @Test
        void lineEndingsTabsNulBytesAndNonAscii() {
            String text = "# naïve ☕ \u0000 \uD800 comment\r\nparam n = 2 int 1..3\r\n\r"
                    + "for i in 1..n:\r\n\ttask \"t{i} 🎉\":\r\n\t\tprint \"数 {i}\"\r\n";
            ParseResult result = ScenarioParser.parse(text);
            assertTrue(result.ok(), () -> result.diagnostics().toString());
            survives(text);
            survives(text.replace("\t\t", "\t    ").replace("print", "pr\u0000int"));
        }
    }
}
