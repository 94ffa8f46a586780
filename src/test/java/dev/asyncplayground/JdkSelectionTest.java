package dev.asyncplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK choice that {@code ./mvnw} makes through {@code .mvn/select-jdk.sh}, run by a real
 * {@code sh} over fake JDK folders (a {@code release} file and a {@code bin/javac}).
 */
class JdkSelectionTest {

    @TempDir
    Path dir;

    @Test
    void anOldDefaultIsReplacedByTheNewestJdkFoundAndTheChoiceIsSaid() throws Exception {
        Path old = jdk("jdk-17", "17.0.15");
        jdk("search/jdk-21", "21.0.5");
        Path newest = jdk("search/jdk-25", "25.0.3");
        Result result = select(Map.of("JAVA_HOME", old.toString(), "APG_JDK_SEARCH", dir.resolve("search") + "/*"));
        assertEquals(0, result.exit(), result.err());
        assertEquals(newest.toString(), result.out().strip());
        assertTrue(result.err().contains("using JDK 25 at " + newest), result.err());
    }

    @Test
    void aDefaultThatIsNewEnoughIsKeptWithoutAWord() throws Exception {
        Path mine = jdk("jdk-21", "21.0.5");
        jdk("search/jdk-25", "25.0.3");
        Result result = select(Map.of("JAVA_HOME", mine.toString(), "APG_JDK_SEARCH", dir.resolve("search") + "/*"));
        assertEquals(0, result.exit(), result.err());
        assertEquals(mine.toString(), result.out().strip());
        assertEquals("", result.err());
    }

    @Test
    void withNoJdkNewEnoughOneLineSaysWhatToInstall() throws Exception {
        Path old = jdk("jdk-17", "17.0.15");
        jdk("search/jdk-11", "11.0.2");
        Result result = select(Map.of("JAVA_HOME", old.toString(), "APG_JDK_SEARCH", dir.resolve("search") + "/*"));
        assertEquals(1, result.exit());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("needs a JDK 21 or newer") && result.err().contains("Install a JDK 21+"),
                result.err());
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path javac = Files.createDirectories(home.resolve("bin")).resolve("javac");
        Files.writeString(javac, "#!/bin/sh\n");
        javac.toFile().setExecutable(true);
        return home;
    }

    private record Result(int exit, String out, String err) {}

    private Result select(Map<String, String> env) throws Exception {
        Path script = Path.of(".mvn", "select-jdk.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "set -euf; . \"$0\"; echo \"$JAVA_HOME\"", script.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the script ended");
        return new Result(process.exitValue(), out, err);
    }
}
