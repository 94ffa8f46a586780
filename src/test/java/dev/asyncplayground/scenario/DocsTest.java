package dev.asyncplayground.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps docs/scenario-language.md true: its examples run, and its error table matches the golden files. */
class DocsTest {

    private static final Path DOC = Path.of("docs/scenario-language.md");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```([\\w-]*)\\n(.*?)^```\\n");
    private static final Pattern EXAMPLE = Pattern.compile("`([\\w/.-]+\\.scn)`");
    private static final Pattern POSITION = Pattern.compile("^\\d+:\\d+: ");

    /** A fenced block of the document. */
    record Block(String info, String text) {
        @Override
        public String toString() {
            return info + ": " + text.lines().findFirst().orElse("");
        }
    }

    /** A row of the error table: a message with … for what varies, and the golden files that show it. */
    record Row(String message, List<String> examples) {
        Pattern pattern() {
            return Pattern.compile(Arrays.stream(message.split("…", -1)).map(Pattern::quote)
                    .collect(Collectors.joining(".*?")));
        }

        @Override
        public String toString() {
            return message;
        }
    }

    static List<Block> blocks() throws IOException {
        Matcher fence = FENCE.matcher(Files.readString(DOC));
        List<Block> blocks = new ArrayList<>();
        while (fence.find()) {
            blocks.add(new Block(fence.group(1), fence.group(2)));
        }
        return blocks;
    }

    static List<Block> validExamples() throws IOException {
        return blocks().stream().filter(block -> block.info().equals("scn")).toList();
    }

    static List<Row> rows() throws IOException {
        String doc = Files.readString(DOC);
        String table = doc.substring(doc.indexOf("## Error messages"), doc.indexOf("## Using it from Java"));
        List<Row> rows = new ArrayList<>();
        for (String line : table.lines().filter(line -> line.startsWith("| `")).toList()) {
            String[] cells = line.split("(?<!\\\\)\\|");
            String message = cells[1].strip().replaceAll("^`|`$", "").replace("\\|", "|");
            List<String> examples = EXAMPLE.matcher(cells[3]).results().map(m -> m.group(1)).toList();
            rows.add(new Row(message, examples));
        }
        return rows;
    }

    static List<Row> rowsWithExamples() throws IOException {
        return rows().stream().filter(row -> !row.examples().isEmpty()).toList();
    }

    /** The messages of a golden file: its diagnostics without positions, and its limit and parameter messages. */
    static List<String> messages(String expected) {
        List<String> messages = new ArrayList<>();
        String section = "";
        for (String line : expected.lines().toList()) {
            if (line.startsWith("# ")) {
                section = line;
            } else if (section.endsWith("errors")) {
                messages.add(POSITION.matcher(line).replaceFirst(""));
            } else if (section.contains(": limit ") || section.contains(": invalid parameter ")) {
                messages.add(line);
            }
        }
        return messages;
    }

    private static List<String> messagesOf(String scenario) throws IOException {
        return messages(GoldenTest.read(GoldenTest.root().resolve(GoldenTest.sibling(scenario, ".expected"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void everyExampleParsesAndExpands(Block example) {
        ParseResult result = ScenarioParser.parse(example.text());
        assertTrue(result.ok(), () -> result.diagnostics().toString());
        ScenarioDefinition scenario = result.scenario();
        assertFalse(scenario.instantiate(Parameters.bind(scenario.params(), Map.of()), 10_000).tasks().isEmpty());
    }

    @Test
    void theTutorialShowsTheDiagnosticsItsBrokenExampleReallyGets() throws IOException {
        List<Block> blocks = blocks();
        int broken = blocks.indexOf(blocks.stream().filter(b -> b.info().equals("scn-invalid")).findFirst()
                .orElseThrow());
        String actual = ScenarioParser.parse(blocks.get(broken).text()).diagnostics().stream()
                .map(Diagnostic::format).collect(Collectors.joining("\n", "", "\n"));
        assertEquals(blocks.get(broken + 1).text(), actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsWithExamples")
    void everyDocumentedMessageAppearsInItsExamples(Row row) throws IOException {
        for (String example : row.examples()) {
            assertTrue(messagesOf(example).stream().anyMatch(m -> row.pattern().matcher(m).matches()),
                    () -> example + " does not produce: " + row.message());
        }
    }

    @Test
    void everyMessageOfTheGoldenFilesIsDocumented() throws IOException {
        List<Pattern> patterns = rows().stream().map(Row::pattern).toList();
        List<String> undocumented = new ArrayList<>();
        for (String scenario : GoldenTest.scenarios()) {
            for (String message : messagesOf(scenario)) {
                if (patterns.stream().noneMatch(p -> p.matcher(message).matches())) {
                    undocumented.add(scenario + ": " + message);
                }
            }
        }
        assertEquals(List.of(), undocumented);
    }
}
