package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * One runnable Python file for a program: every task a function, the locks and shared values at
 * the top, and a {@code main()} that runs the tasks the way the style does.
 */
final class PythonFile {

    private static final Set<String> RESERVED = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield", "print", "max", "min", "sum", "range", "burn", "pause", "run", "main", "shared",
            "ended", "time", "sys", "asyncio", "threading", "multiprocessing", "wait", "Future", "seen", "deadline",
            "steps", "slots", "started", "name", "task", "pool", "failure", "say", "fork", "futures", "left", "loop",
            "done", "failed", "place", "Place", "after_timeout", "step_1", "step_2", "step_3", "step_4", "step_5",
            "step_6", "step_7", "step_8", "step_9");

    private final Program program;
    private final ExportTarget target;
    private final Style style;
    private final Names names = new Names(false, RESERVED);
    private final Lines out = new Lines("    ");
    private final Set<String> usedBy = new LinkedHashSet<>();

    private PythonFile(Program program, ExportTarget target) {
        this.program = program;
        this.target = target;
        this.style = target.style();
    }

    /** The whole file. */
    static String write(Program program, ExportTarget target, List<String> comments) {
        return new PythonFile(program, target).file(comments);
    }

    private String file(List<String> comments) {
        Lines tasks = new Lines("    ");
        Set<String> used = tasks(tasks);
        out.add("#!/usr/bin/env python3");
        out.add("\"\"\"" + target.title().replace("\"\"\"", "'''") + ", exported from Async Playground.");
        out.blank().add(Headers.python(target)).add("Run it with: python3 <this file>").add("\"\"\"");
        if (!comments.isEmpty()) {
            out.blank().add("# The scenario's comments:");
            comments.forEach(c -> out.add(("# " + c).strip()));
        }
        out.blank();
        imports();
        globals();
        Helpers.python(out, used, style);
        out.addAll(tasks).blank().blank();
        runner();
        return out.toString().replaceAll("\n{4,}", "\n\n\n");
    }

    private Set<String> tasks(Lines lines) {
        TaskOrder order = new TaskOrder(program);
        StepWalk walk;
        for (int i = 0; i < program.tasks().size(); i++) {
            TaskSpec task = program.tasks().get(i);
            String function = names.of("task", task.name());
            lines.blank().blank();
            if (style == Style.CALLBACKS) {
                CallbackSteps steps = new CallbackSteps(lines, names, target.options().speed());
                lines.open("def " + function + "(done, failed):");
                steps.task(task.after(), task.steps());
                walk = steps;
            } else if (style == Style.ASYNCIO) {
                AsyncioSteps steps = new AsyncioSteps(lines, names, target.options().speed());
                lines.open("async def " + function + "():");
                steps.task(task.after(), task.steps());
                walk = steps;
            } else {
                PythonSteps steps = new PythonSteps(lines, names, target.options().speed(), style, order);
                lines.open("def " + function + "():");
                steps.task(i, task.after(), task.steps());
                walk = steps;
            }
            lines.close();
            usedBy.addAll(walk.used);
        }
        return usedBy;
    }

    private void imports() {
        if (style == Style.ASYNCIO || style == Style.CALLBACKS) {
            out.add("import asyncio");
        }
        if (style == Style.PROCESSES) {
            out.add("import multiprocessing");
        }
        out.add("import sys");
        if (style == Style.THREADS || style == Style.PLAIN && !Locks.of(program).isEmpty()) {
            out.add("import threading");
        }
        out.add("import time");
        switch (style) {
            case THREADS -> out.add("from concurrent.futures import ThreadPoolExecutor");
            case PROCESSES -> out.add("from concurrent.futures import ProcessPoolExecutor");
            case FUTURES -> out.add("from concurrent.futures import Future, ThreadPoolExecutor, wait")
                    .add("from threading import Lock");
            default -> { }
        }
        out.blank();
    }

    private void globals() {
        if (style == Style.CALLBACKS) {
            out.add("loop = asyncio.new_event_loop()  # every callback runs on this loop, one at a time");
        }
        if (style == Style.THREADS || style == Style.PROCESSES) {
            out.add("POOL_SIZE = " + target.options().threads() + "  # the playground's platform-threads pool size");
        }
        if (style == Style.ASYNCIO && target.options().limit() > 0) {
            out.add("LIMIT = " + target.options().limit() + "  # at most this many tasks in flight at once");
            out.add("slots = asyncio.Semaphore(LIMIT)");
        }
        if (!program.shared().isEmpty()) {
            if (style == Style.PROCESSES) {
                out.add("# Every process gets its own copy of these values: an update made in one process")
                        .add("# is not seen by the others or by main(). Shared values really are not shared;")
                        .add("# multiprocessing.Value would share one, at the cost of a lock around it.");
            }
            StringBuilder values = new StringBuilder();
            new TreeMap<>(program.shared()).forEach((name, value) -> values.append(values.isEmpty() ? "" : ", ")
                    .append(Literals.quoted(name)).append(": ").append(value));
            out.add("shared = {" + values + "}");
        }
        for (String lock : Locks.of(program)) {
            out.add(names.of("lock", lock) + " = " + switch (style) {
                case ASYNCIO, CALLBACKS -> "asyncio.Lock()";
                case PROCESSES -> "multiprocessing.Lock()";
                case FUTURES -> "Lock()";
                default -> "threading.Lock()";
            } + "  # lock " + Literals.quoted(lock));
        }
        out.blank();
    }

    private void runner() {
        out.open("TASKS = {");
        for (TaskSpec task : program.tasks()) {
            out.add(Literals.quoted(task.name()) + ": " + names.of("task", task.name()) + ",");
        }
        out.close("}");
        String ended = switch (style) {
            case ASYNCIO -> "asyncio.Event()";
            case THREADS -> "threading.Event()";
            case PROCESSES -> "multiprocessing.Event()";
            case FUTURES -> "Future()";
            case CALLBACKS -> "loop.create_future()";
            default -> null;
        };
        if (ended != null) {
            out.add("ended = {name: " + ended + " for name in TASKS}  # set when the task ends");
        }
        out.blank();
        Runners.python(out, style, !program.shared().isEmpty(),
                style == Style.ASYNCIO && target.options().limit() > 0);
    }
}
