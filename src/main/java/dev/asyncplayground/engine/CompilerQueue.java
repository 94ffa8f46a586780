package dev.asyncplayground.engine;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The JIT compiler's work in hand, as {@code jcmd <pid> Compiler.queue} prints it.
 *
 * <p>The warm-up makes methods hot, but the compiler threads compile them afterwards, in the
 * background: a big method (the CPU burner's loop with its clock readings inlined took 485 ms of
 * one core) could still be compiling when a learner's first run began, and take that core from
 * its cpu steps. The warm-up therefore waits here until nothing is compiling or queued, and a CPU
 * run waits for a moment when nothing is ({@link QuietStart}): a burst of requests makes the
 * request path hot, and C2 then compiled for 100-400 ms of a core while the next CPU run burnt.
 */
public final class CompilerQueue {

    private static final Duration POLL = Duration.ofMillis(10);
    /** Calm for this many polls in a row: a queue that empties for one instant may fill again. */
    private static final int CALM_POLLS = 3;

    private CompilerQueue() {
    }

    /**
     * Waits until the JIT has nothing compiling and nothing queued, or until {@code max} has passed.
     *
     * @return how long it waited, or empty if this JVM cannot say (then it did not wait)
     */
    public static Optional<Duration> awaitCalm(Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + max.toNanos();
        int calm = 0;
        while (calm < CALM_POLLS && System.nanoTime() < end) {
            Optional<String> queue = describe();
            if (queue.isEmpty()) {
                return Optional.empty();
            }
            calm = busy(queue.get()) ? 0 : calm + 1;
            Thread.sleep(POLL);
        }
        return Optional.of(Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * True if the JIT is compiling or has methods queued now; false where this JVM cannot say. One
     * reading, unlike {@link #awaitCalm}: a CPU run waits for it, and a compile set off later by
     * the run itself is not what it waits for.
     */
    public static boolean busyNow() {
        return describe().map(CompilerQueue::busy).orElse(false);
    }

    /** True if the description names a method being compiled or waiting (a name with {@code ::}). */
    static boolean busy(String description) {
        return description.contains("::");
    }

    /** What {@code Compiler.queue} prints now, or empty where the diagnostic command is missing. */
    private static Optional<String> describe() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
            Object text = server.invoke(commands, "compilerQueue", new Object[] {null},
                    new String[] {String[].class.getName()});
            return Optional.of(String.valueOf(text));
        } catch (JMException | RuntimeException unavailable) {
            return Optional.empty();
        }
    }
}
