package dev.asyncplayground.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs an exported file on this machine's CPython or JDK and reads what it printed.
 *
 * <p>Without {@code python3}, tests that need it are skipped with a loud message locally and fail
 * under CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
public final class Runtimes {

    /** What an exported program printed: its output lines, and the elapsed time it measured itself. */
    public record Ran(List<String> lines, double elapsedMs, String errors) {}

    private static final Pattern ELAPSED = Pattern.compile("elapsed (\\d+) ms");
    private static final long TIMEOUT_SECONDS = 20;

    private Runtimes() {
    }

    /** The python3 to use, or a skip (locally) or failure (in CI) if there is none. */
    public static Path python() {
        for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String message = "python3 is not installed: the exported Python programs cannot be checked by running them"
                + " (.ci/run installs it; locally: apt-get install python3)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        System.err.println("SKIPPED LOUDLY: " + message);
        Assumptions.abort(message);
        return null;
    }

    /** The JDK running the tests (21 or later), whose {@code java} launches a source file. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Writes the file under {@code dir} and runs it with python3 or {@code java File.java}. */
    public static Ran run(Language language, String fileName, String code, Path dir) throws IOException,
            InterruptedException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, code, StandardCharsets.UTF_8);
        List<String> command = language == Language.PYTHON ? List.of(python().toString(), file.toString())
                : List.of(java().toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dstdout.encoding=UTF-8",
                        file.toString());
        return run(command, dir);
    }

    private static Ran run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
        }
        String errors = Files.readString(err);
        List<String> lines = new ArrayList<>(Arrays.asList(Files.readString(out).split("\n", -1)));
        lines.removeIf(String::isEmpty);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                    + errors);
        }
        Matcher elapsed = ELAPSED.matcher(errors);
        if (!elapsed.find()) {
            throw new AssertionError("no elapsed time on stderr of " + String.join(" ", command) + ":\n" + errors);
        }
        return new Ran(lines, Double.parseDouble(elapsed.group(1)), errors);
    }
}
