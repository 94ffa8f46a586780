package dev.asyncplayground.export;

/** The end of an exported Python file: {@code run()}, which reports a failed task, and {@code main()}. */
final class Runners {

    private Runners() {
    }

    /**
     * @param shared  true to print the shared values at the end
     * @param limited true if tasks first take one of the {@code slots} (an in-flight limit)
     */
    static void python(Lines out, Style style, boolean shared, boolean limited) {
        if (style == Style.CALLBACKS) {
            callbacks(out, shared);
            return;
        }
        boolean async = style == Style.ASYNCIO;
        out.open((async ? "async def" : "def") + " run(name, task):")
                .add("\"\"\"Runs one task; a failure ends only that task, as in the playground.\"\"\"");
        if (limited) {
            out.open("async with slots:  # waits until fewer than LIMIT tasks are in flight");
        }
        out.open("try:").add(async ? "await task()" : "task()").close()
                .open("except Exception as failure:")
                .add("print(f\"task {name!r} failed: {failure!r}\", file=sys.stderr)").close();
        switch (style) {
            case PLAIN -> { }
            case FUTURES -> out.open("finally:").add("ended[name].set_result(None)").close();
            default -> out.open("finally:").add("ended[name].set()").close();
        }
        if (limited) {
            out.close();
        }
        out.close().blank().blank();
        main(out, style);
        out.add("print(f\"elapsed {(time.monotonic() - started) * 1000:.0f} ms\", file=sys.stderr)");
        if (shared) {
            out.add("print(f\"shared values at the end: {shared}\", file=sys.stderr)");
        }
        out.close().blank().blank();
        out.open("if __name__ == \"__main__\":").add(async ? "asyncio.run(main())" : "main()").close();
    }

    private static void callbacks(Lines out, boolean shared) {
        out.open("def run(name, task):")
                .add("\"\"\"Starts one task, which calls done() when it ends or failed(message) when it fails.\"\"\"")
                .open("def done():").add("ended[name].set_result(None)").close()
                .blank()
                .open("def failed(message):").add("print(f\"task {name!r} failed: {message!r}\", file=sys.stderr)")
                .add("done()").close()
                .blank()
                .add("task(done, failed)").close().blank().blank();
        out.open("def main():").add("started = time.monotonic()")
                .open("for name, task in TASKS.items():").add("loop.call_soon(run, name, task)").close()
                .add("loop.run_until_complete(asyncio.gather(*ended.values()))  # until every task has ended")
                .add("print(f\"elapsed {(time.monotonic() - started) * 1000:.0f} ms\", file=sys.stderr)");
        if (shared) {
            out.add("print(f\"shared values at the end: {shared}\", file=sys.stderr)");
        }
        out.close().blank().blank();
        out.open("if __name__ == \"__main__\":").add("main()").close();
    }

    private static void main(Lines out, Style style) {
        boolean async = style == Style.ASYNCIO;
        out.open((async ? "async def" : "def") + " main():").add("started = time.monotonic()");
        switch (style) {
            case PLAIN -> out.open("for name, task in TASKS.items():  # one after another, in order")
                    .add("run(name, task)").close();
            case ASYNCIO -> out.add("await asyncio.gather(*(run(name, task) for name, task in TASKS.items()))");
            case THREADS -> out.open("with ThreadPoolExecutor(max_workers=POOL_SIZE) as pool:")
                    .open("for name, task in TASKS.items():  # queued in order; each keeps its thread to the end")
                    .add("pool.submit(run, name, task)").close().close();
            case PROCESSES -> out.add("fork = multiprocessing.get_context(\"fork\")  # workers inherit the locks and events")
                    .open("with ProcessPoolExecutor(max_workers=POOL_SIZE, mp_context=fork) as pool:")
                    .open("for name, task in TASKS.items():")
                    .add("pool.submit(run, name, task)").close().close();
            case FUTURES -> out.open("with ThreadPoolExecutor(max_workers=len(TASKS)) as pool:")
                    .add("futures = [pool.submit(run, name, task) for name, task in TASKS.items()]")
                    .add("wait(futures)").close();
            case EXECUTOR, CALLBACKS -> throw new IllegalArgumentException("not written here: " + style);
        }
    }
}
