package dev.asyncplayground.exercise;

import dev.asyncplayground.scenario.Diagnostic;
import dev.asyncplayground.scenario.ParseResult;
import dev.asyncplayground.scenario.ScenarioParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads the built-in exercises from the classpath: {@code exercises/index.txt} lists the ids in
 * order; each id has a scenario ({@code ID.scn}) and its lesson text ({@code ID.properties}).
 *
 * <p>A built-in scenario that does not parse stops start-up with its diagnostics: it is a bug.
 */
final class CatalogueLoader {

    private static final String FOLDER = "/exercises/";

    private CatalogueLoader() {
    }

    static List<Exercise> load() {
        List<Exercise> exercises = new ArrayList<>();
        for (String id : read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            exercises.add(exercise(id));
        }
        return exercises;
    }

    /** The text a new scenario starts from; it must parse like the exercises do. */
    static String template() {
        String source = read("new-scenario.scn");
        checked("new-scenario", source);
        return source;
    }

    private static Exercise exercise(String id) {
        String source = read(id + ".scn");
        ParseResult parsed = checked(id, source);
        Properties lesson = new Properties();
        try {
            lesson.load(new StringReader(read(id + ".properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> modes = Arrays.stream(required(lesson, id, "modes").split(","))
                .map(String::strip).toList();
        return new Exercise(id, required(lesson, id, "title"), required(lesson, id, "summary"),
                required(lesson, id, "explanation"), required(lesson, id, "notice"), required(lesson, id, "question"),
                parsed.scenario(), source, modes, required(lesson, id, "see"), speed(lesson, id));
    }

    private static ParseResult checked(String name, String source) {
        ParseResult parsed = ScenarioParser.parse(source);
        if (parsed.scenario() == null) {
            throw new IllegalStateException("built-in scenario " + name + ".scn does not parse:\n"
                    + parsed.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        }
        return parsed;
    }

    private static double speed(Properties lesson, String id) {
        String speed = lesson.getProperty("speed", "1").strip();
        try {
            return Double.parseDouble(speed);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("exercises/" + id + ".properties: speed '" + speed + "' is no number", e);
        }
    }

    private static String required(Properties lesson, String id, String key) {
        String value = lesson.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("exercises/" + id + ".properties lacks '" + key + "'");
        }
        return value.strip();
    }

    private static String read(String name) {
        try (InputStream in = CatalogueLoader.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
