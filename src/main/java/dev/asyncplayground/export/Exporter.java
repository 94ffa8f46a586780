package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an expanded program into one runnable file of Python or Java that does what the
 * playground does under the target's mode, with the standard library only.
 */
public final class Exporter {

    private Exporter() {
    }

    /**
     * The file's text.
     *
     * @param source the scenario's text, whose comments the file carries over (may be empty)
     */
    public static String export(Program program, ExportTarget target, String source) {
        List<String> comments = comments(source);
        return switch (target.language()) {
            case PYTHON -> PythonFile.write(program, target, comments);
            case JAVA -> JavaFile.write(program, target, comments);
        };
    }

    /** A file name for the export, e.g. {@code counting.py} or {@code Counting.java}. */
    public static String fileName(ExportTarget target, String id) {
        return switch (target.language()) {
            case PYTHON -> id.replaceAll("[^A-Za-z0-9_]+", "_") + ".py";
            case JAVA -> JavaMain.className(target.title()) + ".java";
        };
    }

    /** The scenario's first comment, if it has one: most scenarios open with their title. */
    public static Optional<String> firstComment(String source) {
        return comments(source).stream().filter(c -> !c.isEmpty()).findFirst();
    }

    /** The text of the scenario's comment lines (those that hold only a comment), blank ones kept between. */
    static List<String> comments(String source) {
        List<String> comments = new ArrayList<>();
        for (String line : source.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                comments.add(trimmed.substring(1).strip());
            } else if (!comments.isEmpty() && !comments.getLast().isEmpty()) {
                comments.add("");
            }
        }
        while (!comments.isEmpty() && comments.getLast().isEmpty()) {
            comments.removeLast();
        }
        return comments;
    }
}
