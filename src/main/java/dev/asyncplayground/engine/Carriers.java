package dev.asyncplayground.engine;

import java.util.concurrent.Semaphore;

/**
 * The virtual-threads model's carriers as tokens: a task holds one whenever it runs and lets go
 * of it whenever it blocks, as a virtual thread holds and lets go of its carrier.
 *
 * <p>Used only when the engine's own carriers cannot be made ({@link CarrierPool#missing()}) and
 * the tasks run on the JVM's default scheduler, with the web server's requests. With one carrier
 * per core, a run whose cpu steps computed on every carrier would then leave the server silent (no
 * page, no answer, no event for anyone) until a step ended. So the server starts the JVM with one
 * carrier more than it has cores ({@link #spareOneForTheServer}), and the engine lets only as many
 * of its tasks run at once as there are cores, one token each: a run sees the carriers a plain Java
 * program on this machine would have, and the spare one answers requests. The tokens are shared
 * by every run, as carriers are.
 */
public final class Carriers {

    /** The JDK's system property for the number of carriers. */
    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";
    /** One token per core, for the tasks of every virtual-threads run. */
    static final Carriers SHARED = new Carriers(Runtime.getRuntime().availableProcessors());
    /** For platform threads, which the OS schedules: never waits. */
    static final Carriers UNLIMITED = new Carriers(Integer.MAX_VALUE / 2);

    private final Semaphore tokens;

    Carriers(int count) {
        tokens = new Semaphore(count, true);
    }

    /**
     * Asks the JVM for one carrier more than its cores, for the web server, unless the property
     * is set already. Works only before the JVM's first virtual thread, so call it first in main.
     * Asked for even when the engine has carriers of its own: it costs nothing while idle.
     */
    public static void spareOneForTheServer() {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, Integer.toString(Runtime.getRuntime().availableProcessors() + 1));
        }
    }

    /** Waits for a token, as a virtual thread waits for a free carrier to run again. */
    void take() throws InterruptedException {
        tokens.acquire();
    }

    /** Gives a token back: its task blocks or has ended. */
    void give() {
        tokens.release();
    }
}
