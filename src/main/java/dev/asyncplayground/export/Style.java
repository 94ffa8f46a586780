package dev.asyncplayground.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How an exported program expresses its mode: which constructs of the language it uses. */
public enum Style {
    /** Plain functions called one after another. */
    PLAIN("plain"),
    /** Python coroutines on an asyncio event loop. */
    ASYNCIO("asyncio"),
    /** Python callbacks on an asyncio event loop ({@code loop.call_later}), no coroutines. */
    CALLBACKS("callbacks"),
    /** Futures: Python's {@code concurrent.futures}, Java's {@code CompletableFuture} chains. */
    FUTURES("futures"),
    /** Python's {@code threading} and a {@code ThreadPoolExecutor}. */
    THREADS("threads"),
    /** Python's {@code multiprocessing}: one process per worker, nothing shared. */
    PROCESSES("processes"),
    /** Java tasks submitted to an {@code ExecutorService}. */
    EXECUTOR("executor");

    private final String id;

    Style(String id) {
        this.id = id;
    }

    /** The name used in the API, e.g. {@code asyncio}. */
    public String id() {
        return id;
    }

    /** The style with this id, if any. */
    public static Optional<Style> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** The ids of some styles, comma separated. */
    public static String ids(List<Style> styles) {
        return styles.stream().map(Style::id).collect(Collectors.joining(", "));
    }
}
