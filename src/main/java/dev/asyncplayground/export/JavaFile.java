package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One runnable Java file for a program ({@code java File.java}, Java 21 or later): every task a
 * static method, the locks and shared values as fields, and a {@code main} that runs the tasks the
 * way the mode and style do.
 */
final class JavaFile {

    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            "run", "main", "burn", "pause", "left", "sink", "shared", "tasks", "pool", "started", "args", "seen",
            "deadline", "awaitEnd", "notRunYet", "name", "task", "failure", "gaveUp");

    private final Program program;
    private final ExportTarget target;
    private final Style style;
    private final Names names = new Names(true, RESERVED);
    private final Lines out = new Lines("    ");
    private final Set<String> imports = new TreeSet<>();
    private final String className;

    private JavaFile(Program program, ExportTarget target) {
        this.program = program;
        this.target = target;
        this.style = target.style();
        this.className = JavaMain.className(target.title());
    }

    /** The whole file. */
    static String write(Program program, ExportTarget target, List<String> comments) {
        return new JavaFile(program, target).file(comments);
    }

    private String file(List<String> comments) {
        Lines body = new Lines("    ");
        body.open("public class " + className + " {").blank();
        Lines methods = new Lines("    ");
        Set<String> used = tasks(methods);
        fields(body);
        body.addAll(methods).blank();
        Helpers.java(body, used);
        new JavaMain(program, target, names, className, imports).write(body, used);
        body.close("}");
        out.add("// " + target.title() + ", exported from Async Playground.").add("//");
        for (String line : Headers.java(target).split("\n")) {
            out.add("// " + line);
        }
        out.add("// Run it with: java " + className + ".java (Java 21 or later; standard library only)");
        if (!comments.isEmpty()) {
            out.add("//").add("// The scenario's comments:");
            comments.forEach(c -> out.add(("// " + c).strip()));
        }
        out.blank();
        imports(used, body.toString()).forEach(i -> out.add("import " + i + ";"));
        out.blank();
        return (out + body.toString()).replaceAll("\n{3,}", "\n\n").replace("{\n\n", "{\n");
    }

    private Set<String> tasks(Lines lines) {
        TaskOrder order = new TaskOrder(program);
        Set<String> used = new LinkedHashSet<>();
        for (int i = 0; i < program.tasks().size(); i++) {
            TaskSpec task = program.tasks().get(i);
            JavaSteps steps = new JavaSteps(lines, names, target.options().speed(), style, order);
            lines.open("static void " + names.of("task", task.name()) + "() throws Exception {");
            steps.task(i, task.after(), task.steps());
            lines.close("}").blank();
            used.addAll(steps.used);
        }
        return used;
    }

    private void fields(Lines body) {
        if (!program.shared().isEmpty()) {
            imports.add("java.util.concurrent.ConcurrentHashMap");
            imports.add("java.util.Map");
            List<String> entries = new ArrayList<>();
            new TreeMap<>(program.shared()).forEach((name, value) -> entries.add(Literals.quoted(name) + ", " + value + "L"));
            body.add("static final Map<String, Long> shared = new ConcurrentHashMap<>(Map.of("
                    + String.join(", ", entries) + "));");
        }
        for (String lock : Locks.of(program)) {
            imports.add("java.util.concurrent.locks.ReentrantLock");
            body.add("static final ReentrantLock " + names.of("lock", lock)
                    + " = new ReentrantLock(true); // lock " + Literals.quoted(lock) + ", first come first served");
        }
        body.blank();
    }

    private Set<String> imports(Set<String> used, String code) {
        if (used.contains("burn")) {
            imports.add("java.lang.management.ManagementFactory");
            imports.add("java.lang.management.ThreadMXBean");
        }
        if (used.contains("left") || used.contains("awaitEnd")) {
            imports.add("java.util.concurrent.TimeUnit");
        }
        if (used.contains("awaitEnd")) {
            imports.add("java.util.concurrent.TimeoutException");
        }
        if (code.contains("Duration.")) {
            imports.add("java.time.Duration");
        }
        return imports;
    }
}
