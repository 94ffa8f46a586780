package dev.asyncplayground.engine;

/**
 * Names the OS thread running the caller: for a virtual thread, its carrier as the JDK describes it.
 *
 * <p>Nothing is remembered here: each run's log stores each name once ({@code EventLog}), so no
 * name outlives the runs that recorded it.
 */
final class Threads {

    private Threads() {
    }

    /** The current OS thread's name. */
    static String current() {
        Thread thread = Thread.currentThread();
        return thread.isVirtual() ? carrierOf(thread.toString()) : thread.getName();
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
