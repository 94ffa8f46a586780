package dev.asyncplayground.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of the benchmark's own making, such as the viewers' or the flood's clients': started with
 * this JVM's {@code java} and class path, told what to do a line at a time on its standard input,
 * and told {@code QUIT} at the end.
 */
final class ChildJvm {

    private static final long QUIT_WITHIN_SECONDS = 10;

    private ChildJvm() {
    }

    /**
     * Starts {@code main} in a new JVM: {@code prefix} first (a program that runs it, such as
     * {@code nice}, or nothing), then {@code java}, {@code options}, the class path, {@code main}
     * and {@code args}. Its standard error goes to this JVM's.
     */
    static Process start(List<String> prefix, List<String> options, Class<?> main, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Tells the JVM to quit and waits for it, at most {@value #QUIT_WITHIN_SECONDS} s before ending it. */
    static void quit(Process process, PrintStream commands) throws InterruptedException {
        commands.println("QUIT");
        if (!process.waitFor(QUIT_WITHIN_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
