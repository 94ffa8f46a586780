package dev.asyncplayground.export;

import java.util.Set;

/**
 * The few helpers an exported file needs: a CPU burn, a sleep a timeout can cut short, and the
 * callbacks style's {@code Place} for tasks with timeouts.
 */
final class Helpers {

    private Helpers() {
    }

    /** Python's helpers, only those the steps used. */
    static void python(Lines out, Set<String> used, Style style) {
        if (used.contains("say")) {
            String who = style == Style.PROCESSES ? "processes" : "threads";
            out.blank().open("def say(text):")
                    .add("\"\"\"Prints one line. print() from several " + who + " can mix two lines; one write cannot.\"\"\"")
                    .add("sys.stdout.write(text + \"\\n\")");
            if (style == Style.PROCESSES) {
                out.add("sys.stdout.flush()  # each process has its own buffer: write the line out now");
            }
            out.close().blank().blank();
        }
        if (used.contains("burn")) {
            boolean loop = style == Style.ASYNCIO || style == Style.CALLBACKS;
            boolean cut = used.contains("pause") || used.contains("place") || !loop;
            String until = cut ? ", deadline=float(\"inf\")" : "";
            out.blank().open("def burn(seconds" + until + "):")
                    .add("\"\"\"A cpu step: keeps this thread busy until it has used `seconds` of CPU time.\"\"\"")
                    .add("until = time.thread_time() + seconds")
                    .open("while time.thread_time() < until:");
            if (!until.isEmpty()) {
                out.open("if time.monotonic() >= deadline:").add("raise TimeoutError").close();
            }
            out.add("sum(i * i for i in range(1000))  # real work, not a sleep").close().close().blank().blank();
        }
        if (used.contains("pause")) {
            out.blank().open("def pause(seconds, deadline):")
                    .add("\"\"\"A wait under a timeout: sleeps, but raises TimeoutError at the deadline.\"\"\"")
                    .add("left = deadline - time.monotonic()")
                    .add("time.sleep(max(0, min(seconds, left)))")
                    .open("if seconds > left:").add("raise TimeoutError").close().close().blank().blank();
        }
        if (used.contains("place")) {
            CallbackPlace.python(out);
        }
    }

    /** Java's helpers, only those the steps used. */
    static void java(Lines out, Set<String> used) {
        if (used.contains("burn")) {
            out.add("/**")
                    .add(" * A cpu step: keeps this thread busy until it has used {@code cpu} of CPU time. A virtual")
                    .add(" * thread cannot read its CPU time; it counts wall time, as nothing takes its carrier away.")
                    .add(" */")
                    .open("static void burn(Duration cpu, long deadline) {")
                    .add("ThreadMXBean threads = ManagementFactory.getThreadMXBean();")
                    .add("boolean virtual = Thread.currentThread().isVirtual();")
                    .add("long until = (virtual ? System.nanoTime() : threads.getCurrentThreadCpuTime()) + cpu.toNanos();")
                    .add("long work = 0;")
                    .open("while ((virtual ? System.nanoTime() : threads.getCurrentThreadCpuTime()) < until) {")
                    .open("if (System.nanoTime() >= deadline) {").add("throw new GaveUp();").close("}")
                    .open("for (int i = 0; i < 10_000; i++) {").add("work += i * (long) i; // real work, not a sleep")
                    .close("}").close("}")
                    .add("sink = work;").close("}").blank()
                    .add("static volatile long sink;").blank()
                    .open("static void burn(Duration cpu) {").add("burn(cpu, Long.MAX_VALUE);").close("}").blank();
        }
        if (used.contains("pause")) {
            out.add("/** A wait under a timeout: sleeps, but gives up at the deadline. */")
                    .open("static void pause(Duration wait, long deadline) throws InterruptedException {")
                    .add("long left = deadline - System.nanoTime();")
                    .add("Thread.sleep(Duration.ofNanos(Math.max(0, Math.min(wait.toNanos(), left))));")
                    .open("if (wait.toNanos() > left) {").add("throw new GaveUp();").close("}").close("}").blank();
        }
        if (used.contains("left")) {
            out.add("/** Nanoseconds until a deadline (0 once it has passed). */")
                    .open("static long left(long deadline) {")
                    .add("return Math.max(0, deadline - System.nanoTime());").close("}").blank();
        }
        if (used.contains("gaveUp")) {
            out.add("/** Thrown when a timeout's deadline passes; the timeout catches it and the task goes on. */")
                    .open("static final class GaveUp extends RuntimeException {")
                    .add("GaveUp() {").add("    super(\"gave up: the timeout passed\", null, false, false);")
                    .add("}").close("}").blank();
        }
    }
}
