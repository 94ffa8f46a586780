package dev.asyncplayground.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Names the OS thread running the caller: for a virtual thread, its carrier as the JDK describes it. */
final class Threads {

    private static final ConcurrentMap<String, String> NAMES = new ConcurrentHashMap<>();

    private Threads() {
    }

    /** The current OS thread's name, shared between events to keep them small. */
    static String current() {
        Thread thread = Thread.currentThread();
        String name = thread.isVirtual() ? carrierOf(thread.toString()) : thread.getName();
        return NAMES.computeIfAbsent(name, n -> n);
    }

    /**
     * Extracts the carrier from a virtual thread's description such as
     * {@code VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1}.
     */
    static String carrierOf(String description) {
        int at = description.lastIndexOf('@');
        return at < 0 ? description : description.substring(at + 1);
    }
}
