package dev.asyncplayground.web;

import dev.asyncplayground.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The app started as a server of its own, in a JVM of its own with the heap and environment given.
 *
 * <p>It runs {@link Main} from the test classpath on a free port, as {@code java -jar} would, so a
 * test can push it to its memory limits without risking the test's own JVM. Everything the
 * server prints is kept for the failure message.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private AppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread.ofPlatform().daemon(true).name("app-process-output").start(this::collectOutput);
    }

    /** Starts the server with these JVM options and environment, and waits until it listens. */
    static AppProcess start(List<String> jvmOptions, Map<String, String> env) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        AppProcess app = new AppProcess(builder.start(), port);
        app.awaitListening();
        return app;
    }

    /**
     * The environment given, plus {@code WARM_UP=off}: for tests of memory and limits, which judge
     * no timing and need not wait the seconds the warm-up takes.
     */
    static Map<String, String> withoutWarmUp(Map<String, String> env) {
        Map<String, String> withoutWarmUp = new HashMap<>(env);
        withoutWarmUp.put("WARM_UP", "off");
        return withoutWarmUp;
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Asks the server's JVM for a full garbage collection (jcmd GC.run) and waits for it. */
    void collectGarbage() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
                .redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            throw new IllegalStateException("jcmd GC.run failed for the server's JVM");
        }
    }

    /** What the server has printed so far. */
    String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private void awaitListening() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (lines.stream().anyMatch(line -> line.contains("is running"))) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited at start-up:\n" + output());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not start within 60 s:\n" + output());
    }

    private void collectOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                if (lines.size() > 2_000) {
                    lines.poll();
                }
            }
        } catch (IOException closed) {
            // the process has gone
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
