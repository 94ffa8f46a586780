package dev.asyncplayground.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests in the style of jlox: every {@code scenarios/**}{@code /NAME.scn} is parsed and, if
 * valid, expanded at its defaults (and with the sets in {@code NAME.params}); the rendered outcome
 * must equal {@code NAME.expected}. Run with {@code -Dgolden.update=true} to rewrite the expected
 * files in src/test/resources after a deliberate change, then review the diff.
 */
class GoldenTest {

    private static final Path SOURCES = Path.of("src/test/resources/scenarios");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Path root() {
        try {
            return Path.of(Objects.requireNonNull(GoldenTest.class.getResource("/scenarios")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> scenarios() throws IOException {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".scn")).map(p -> root.relativize(p).toString())
                    .sorted().toList();
        }
    }

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    static List<Map<String, String>> paramSets(String scenario) throws IOException {
        Path params = root().resolve(sibling(scenario, ".params"));
        return Files.exists(params) ? Golden.paramSets(read(params)) : List.of();
    }

    static String sibling(String scenario, String extension) {
        return scenario.substring(0, scenario.length() - ".scn".length()) + extension;
    }

    /** The golden scenarios whose programs at the defaults can be written back as scenario text. */
    static List<String> printableScenarios() throws IOException {
        List<String> printable = new ArrayList<>();
        for (String scenario : scenarios()) {
            ParseResult result = ScenarioParser.parse(read(root().resolve(scenario)));
            try {
                Program program = result.ok() ? defaults(result.scenario()) : null;
                if (program != null && !program.tasks().isEmpty() && program.tasks().stream()
                        .allMatch(task -> hasNoEmptyBlock(task.steps()))
                        && ProgramPrinter.program(program).length() <= ScenarioLimits.MAX_TEXT_BYTES) {
                    printable.add(scenario);
                }
            } catch (InvalidScenarioException | LimitExceededException notExpandable) {
                continue;
            }
        }
        return printable;
    }

    private static Program defaults(ScenarioDefinition scenario) {
        return scenario.instantiate(Parameters.bind(scenario.params(), Map.of()), Golden.MAX_TASKS);
    }

    private static boolean hasNoEmptyBlock(List<Step> steps) {
        return !steps.isEmpty() && steps.stream().allMatch(step -> switch (step) {
            case Step.Locked locked -> hasNoEmptyBlock(locked.body());
            case Step.Timeout timeout -> hasNoEmptyBlock(timeout.body());
            default -> true;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printableScenarios")
    void anExpandedProgramWrittenAsTextExpandsToItself(String scenario) throws IOException {
        Program program = defaults(ScenarioParser.parse(read(root().resolve(scenario))).scenario());
        String text = ProgramPrinter.program(program);
        ParseResult again = ScenarioParser.parse(text);
        assertTrue(again.ok(), () -> again.diagnostics() + "\n" + text);
        assertEquals(program, defaults(again.scenario()));
    }

    @Test
    void everyExpectedAndParamsFileHasItsScenario() throws IOException {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> orphans = files.map(p -> root.relativize(p).toString())
                    .filter(name -> name.endsWith(".expected") || name.endsWith(".params"))
                    .filter(name -> !Files.exists(root.resolve(name.substring(0, name.lastIndexOf('.')) + ".scn")))
                    .toList();
            assertEquals(List.of(), orphans);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void outcomeMatchesTheExpectedFile(String scenario) throws IOException {
        String actual = Golden.render(read(root().resolve(scenario)), paramSets(scenario));
        String expectedName = sibling(scenario, ".expected");
        if (UPDATE) {
            Files.writeString(SOURCES.resolve(expectedName), actual, StandardCharsets.UTF_8);
            return;
        }
        Path expected = root().resolve(expectedName);
        assertTrue(Files.exists(expected), "missing " + expectedName + "; it should contain:\n" + actual);
        assertEquals(read(expected), actual, scenario);
    }
}
