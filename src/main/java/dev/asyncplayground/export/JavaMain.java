package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.TaskSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The end of an exported Java class: {@code run}, which reports a failed task, and {@code main},
 * which starts the tasks on the mode's threads, or as a chain of futures.
 */
final class JavaMain {

    private final Program program;
    private final ExportTarget target;
    private final Names names;
    private final String className;
    private final Set<String> imports;
    private boolean ended;

    JavaMain(Program program, ExportTarget target, Names names, String className, Set<String> imports) {
        this.program = program;
        this.target = target;
        this.names = names;
        this.className = className;
        this.imports = imports;
    }

    /** A class name from a title: {@code "Counting with naps"} becomes {@code CountingWithNaps}. */
    static String className(String title) {
        StringBuilder name = new StringBuilder();
        boolean upper = true;
        for (char c : title.toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "Scenario" + name : name.toString();
    }

    /** Writes the fields, helpers, {@code run} and {@code main}; {@code used} names the helpers the steps use. */
    void write(Lines out, Set<String> used) {
        boolean sequential = target.style() == Style.PLAIN;
        ended = used.contains("ended");
        boolean limited = target.options().mode().id().equals("virtual-threads") && target.options().limit() > 0;
        imports.add("java.util.Map");
        if (ended || target.style() == Style.FUTURES) {
            imports.add("java.util.concurrent.CompletableFuture");
        }
        if (ended) {
            imports.add("java.util.concurrent.ConcurrentHashMap");
        }
        if (ended) {
            out.add("/** Completes when the task of that name has ended, failed or not. */")
                    .add("static final Map<String, CompletableFuture<Void>> ENDED = new ConcurrentHashMap<>();").blank();
        }
        if (limited) {
            imports.add("java.util.concurrent.Semaphore");
            out.add("static final int LIMIT = " + target.options().limit() + "; // at most this many tasks in flight")
                    .add("static final Semaphore SLOTS = new Semaphore(LIMIT, true);").blank();
        }
        helpers(out, used);
        out.add("/** What a task does. */").add("interface Task {").add("    void run() throws Exception;").add("}").blank();
        run(out, limited);
        main(out, sequential);
    }

    private void helpers(Lines out, Set<String> used) {
        if (used.contains("notRunYet")) {
            out.open("static void notRunYet(String task) {")
                    .add("throw new IllegalStateException(\"waits for '\" + task")
                    .add("        + \"', which has not run yet: sequential runs tasks one at a time, in order\");")
                    .close("}").blank();
        }
        if (used.contains("awaitEnd")) {
            out.add("/** Waits for a task to end, giving up at a timeout's deadline. */")
                    .open("static void awaitEnd(String task, long deadline) throws Exception {")
                    .open("try {").add("ENDED.get(task).get(left(deadline), TimeUnit.NANOSECONDS);")
                    .close().open("} catch (TimeoutException late) {").add("throw new GaveUp();").close("}")
                    .close("}").blank();
        }
    }

    private void run(Lines out, boolean limited) {
        out.add("/** Runs one task; a failure ends only that task, as in the playground. */")
                .open("static void run(String name, Task task) {");
        if (limited) {
            out.add("SLOTS.acquireUninterruptibly(); // waits until fewer than LIMIT tasks are in flight");
        }
        out.open("try {").add("task.run();").close()
                .open("} catch (Exception failure) {")
                .add("System.err.println(\"task '\" + name + \"' failed: \" + failure);").close();
        if (ended || limited) {
            out.open("} finally {");
            if (limited) {
                out.add("SLOTS.release();");
            }
            if (ended) {
                out.add("ENDED.get(name).complete(null);");
            }
            out.close();
        }
        out.add("}").close("}").blank();
    }

    private void main(Lines out, boolean sequential) {
        out.open("public static void main(String[] args) throws Exception {");
        if (target.style() == Style.FUTURES) {
            futures(out);
        } else {
            imports.add("java.util.LinkedHashMap");
            out.add("Map<String, Task> tasks = new LinkedHashMap<>();");
            for (TaskSpec task : program.tasks()) {
                out.add("tasks.put(" + Literals.quoted(task.name()) + ", " + className + "::"
                        + names.of("task", task.name()) + ");");
            }
            if (ended) {
                out.add("tasks.keySet().forEach(name -> ENDED.put(name, new CompletableFuture<>()));");
            }
            out.add("long started = System.nanoTime();");
            if (sequential) {
                out.add("tasks.forEach(" + className + "::run); // one after another, in order");
            } else {
                out.open("try (ExecutorService pool = " + pool() + ") {")
                        .add("tasks.forEach((name, task) -> pool.submit(() -> run(name, task))); // queued in order")
                        .close("} // close() waits until every task has ended");
            }
        }
        out.add("System.err.printf(\"elapsed %d ms%n\", (System.nanoTime() - started) / 1_000_000);");
        if (!program.shared().isEmpty()) {
            out.add("System.err.println(\"shared values at the end: \" + shared);");
        }
        out.close("}");
    }

    private String pool() {
        imports.add("java.util.concurrent.ExecutorService");
        imports.add("java.util.concurrent.Executors");
        return target.options().mode().id().equals("virtual-threads") ? "Executors.newVirtualThreadPerTaskExecutor()"
                : "Executors.newFixedThreadPool(" + target.options().threads() + ")";
    }

    private void futures(Lines out) {
        if (ended) {
            for (TaskSpec task : program.tasks()) {
                out.add("ENDED.put(" + Literals.quoted(task.name()) + ", new CompletableFuture<>());");
            }
        }
        out.add("long started = System.nanoTime();");
        out.open("try (ExecutorService pool = " + pool() + ") {");
        List<String> all = new ArrayList<>();
        for (TaskSpec task : inStartOrder()) {
            String future = names.of("task", task.name());
            String start = task.after().isEmpty() ? "CompletableFuture.runAsync("
                    : task.after().size() == 1 ? names.of("task", task.after().getFirst()) + ".thenRunAsync("
                    : "CompletableFuture.allOf(" + String.join(", ", task.after().stream()
                            .map(a -> names.of("task", a)).toList()) + ").thenRunAsync(";
            out.add("CompletableFuture<Void> " + future + " = " + start + "() -> run(" + Literals.quoted(task.name())
                    + ", " + className + "::" + future + "), pool);");
            all.add(future);
        }
        out.add("CompletableFuture.allOf(" + String.join(", ", all) + ").join();").close("}");
    }

    /** The tasks with every task after the ones it starts after (declaration order otherwise). */
    private List<TaskSpec> inStartOrder() {
        List<TaskSpec> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<TaskSpec> left = new ArrayList<>(program.tasks());
        while (!left.isEmpty()) {
            TaskSpec next = left.stream().filter(t -> placed.containsAll(t.after())).findFirst()
                    .orElse(left.getFirst());
            left.remove(next);
            placed.add(next.name());
            ordered.add(next);
        }
        return ordered;
    }
}
