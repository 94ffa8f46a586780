package dev.asyncplayground.export;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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

    /**
     * Writes the file under {@code dir} and runs it with python3, or compiles it with this JVM's
     * javac and runs the class: the same program as {@code java File.java}, a second quicker.
     */
    public static Ran run(Language language, String fileName, String code, Path dir) throws IOException,
            InterruptedException {
        Path file = write(fileName, code, dir);
        if (language == Language.PYTHON) {
            return run(List.of(python().toString(), file.toString()), dir);
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        compile(file, classes);
        String mainClass = fileName.substring(0, fileName.length() - ".java".length());
        return run(javaCommand("-cp", classes.toString(), mainClass), dir);
    }

    /** Writes the Java file under {@code dir} and runs it as its header tells a reader to: {@code java File.java}. */
    public static Ran runJavaSource(String fileName, String code, Path dir) throws IOException,
            InterruptedException {
        return run(javaCommand(write(fileName, code, dir).toString()), dir);
    }

    private static Path write(String fileName, String code, Path dir) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, code, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> javaCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(java().toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Dstdout.encoding=UTF-8"));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Compiles the file with this JVM's javac, without annotation processing (as the source launcher). */
    private static void compile(Path file, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(messages, files, null, List.of("-proc:none", "-d", classes.toString()),
                    null, files.getJavaFileObjects(file)).call();
            if (!compiled) {
                throw new AssertionError("javac " + file + " failed:\n" + messages);
            }
        }
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
