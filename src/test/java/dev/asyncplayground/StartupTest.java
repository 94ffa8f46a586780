package dev.asyncplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Start-up refuses a bad {@code PORT} with a message naming it, in the process a user would start. */
class StartupTest {

    @Nested
    class ReadingPort {

        @ParameterizedTest(name = "PORT=\"{0}\" → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                ''     | 7070
                '  '   | 7070
                1      | 1
                8080   | 8080
                ' 80 ' | 80
                65535  | 65535
                """)
        void aPortNumberOrNothingIsAccepted(String value, int port) {
            assertEquals(port, Port.fromEnvironment(value));
        }

        @ParameterizedTest(name = "PORT=\"{0}\" is refused")
        @ValueSource(strings = {"99999", "65536", "0", "-1", "abc", "80 80", "8080.0", "0x50", "１２３",
                "99999999999999999999"})
        void anythingElseIsRefusedNamingTheVariable(String value) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Port.fromEnvironment(value));
            assertTrue(e.getMessage().startsWith("PORT must be a whole number from 1 to 65535, got '"), e.getMessage());
        }
    }

    @Nested
    class TheProcess {

        @ParameterizedTest(name = "PORT={0} stops start-up")
        @ValueSource(strings = {"99999", "http"})
        void stopsWithAMessageNamingPort(String value) throws Exception {
            Exit exit = start(value);
            assertEquals(2, exit.code(), exit.output());
            assertTrue(exit.output().contains("Async Playground cannot start: PORT must be a whole number"),
                    exit.output());
        }

        @Test
        void aPortInUseStopsStartUpNamingPort() throws Exception {
            try (ServerSocket taken = new ServerSocket(0)) {
                Exit exit = start(Integer.toString(taken.getLocalPort()));
                assertEquals(2, exit.code(), exit.output());
                assertTrue(exit.output().contains("port " + taken.getLocalPort()
                        + " is already in use; set PORT to a free port"), exit.output());
            }
        }

        private record Exit(int code, String output) {
        }

        /** Runs {@link Main} in a JVM of its own with {@code PORT} set; it must stop within 60 s. */
        private static Exit start(String port) throws IOException, InterruptedException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName()).redirectErrorStream(true);
            builder.environment().put("PORT", port);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the app started on PORT=" + port + " instead of stopping");
            }
            return new Exit(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }
}
