package dev.asyncplayground.export;

import dev.asyncplayground.engine.RunOptions;

/** The lines at the top of an exported file that say which mode it mirrors and how. */
final class Headers {

    private Headers() {
    }

    /** For a Python docstring. */
    static String python(ExportTarget target) {
        RunOptions options = target.options();
        String how = switch (target.style()) {
            case PLAIN -> "Mode sequential: plain functions called one after another; time.sleep blocks.";
            case ASYNCIO -> options.mode().id().equals("virtual-threads")
                    ? "Mode virtual-threads, written with asyncio (Python has no virtual threads): every task\n"
                    + "is a coroutine, all started together" + (options.limit() > 0
                    ? ", at most " + options.limit() + " in flight (a Semaphore)" : "")
                    + ". Unlike virtual threads, the\ncoroutines share one thread, so cpu steps do not run in parallel."
                    : "Mode event-loop, written with asyncio: every task is a coroutine on one thread;\n"
                    + "waits are awaited, cpu steps hold the loop and delay every task.";
            case CALLBACKS -> "Mode event-loop, written as callbacks on an asyncio loop, without async/await: each\n"
                    + "task is a chain of small functions, and a step that takes time asks the loop to call\n"
                    + "the next one (loop.call_later for a wait). cpu steps hold the loop and delay every task.";
            case FUTURES -> "Mode event-loop, written with concurrent.futures: every task runs on a thread of its\n"
                    + "own and ends a Future. CPython's global interpreter lock lets one thread run Python\n"
                    + "code at a time, so cpu steps take turns, as they do on the event loop.";
            case THREADS -> "Mode platform-threads (a pool of " + options.threads() + " threads), written with threading.\n"
                    + "CPython's global interpreter lock (GIL) lets one thread run Python code at a time:\n"
                    + "cpu steps take turns, waits overlap. Compare with the playground's gil option.";
            case PROCESSES -> "Mode platform-threads (a pool of " + options.threads() + " workers), written with\n"
                    + "multiprocessing: each worker is a process with its own interpreter, so cpu steps\n"
                    + "really run in parallel, and shared values are not shared.";
            case EXECUTOR -> throw new IllegalArgumentException("not a Python style");
        };
        return how + speed(options);
    }

    /** For a Java block comment (without the comment marks). */
    static String java(ExportTarget target) {
        RunOptions options = target.options();
        String pool = options.mode().id().equals("virtual-threads")
                ? "one virtual thread per task" + (options.limit() > 0
                ? ", at most " + options.limit() + " in flight (a Semaphore)" : "")
                : "a fixed pool of " + options.threads() + " platform threads";
        String how = switch (target.style()) {
            case PLAIN -> "Mode sequential: one thread calls the tasks one after another; sleeps block it.";
            case EXECUTOR -> "Mode " + options.mode().id() + ": " + pool + ".";
            case FUTURES -> "Mode " + options.mode().id() + ", written as CompletableFuture chains on " + pool
                    + ":\na task that starts after others is a stage that runs when their futures complete.";
            default -> throw new IllegalArgumentException("not a Java style");
        };
        return how + speed(options);
    }

    private static String speed(RunOptions options) {
        return options.speed() == 1 ? "" : "\nDurations are the scenario's divided by the speed, " + options.speed() + ".";
    }
}
