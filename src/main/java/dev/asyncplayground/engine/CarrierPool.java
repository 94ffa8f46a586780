package dev.asyncplayground.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.BooleanSupplier;

/**
 * Starts the virtual-threads model's tasks on carriers of their own, one per core, apart from the
 * web server's.
 *
 * <p>Why their own: the web server's requests run on virtual threads too, on the JVM's default
 * scheduler. Sharing its carriers, a task whose nap had ended waited in line behind everyone's
 * requests: with sixty clients starting runs and following their event streams at once, tasks
 * started up to 90 ms late (docs/benchmarks.md, 2026-11-29 08:25 UTC). A plain Java program on
 * this machine has its carriers to itself, and so do the runs here; the OS shares the cores between
 * the engine's carriers and the server's, as between any threads.
 *
 * <p>The JDK has no public way yet to give virtual threads another scheduler. Its own tests use the
 * virtual thread builder's package-private constructor that takes one, which needs
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED}: {@code .mvn/jvm.config} and the jar's
 * manifest give it. Without it the tasks share the default scheduler, one {@link Carriers} token
 * per core, and {@link #missing()} says so.
 */
public final class CarrierPool {

    /** The JVM option the pool needs. */
    private static final String OPTION = "--add-opens java.base/java.lang=ALL-UNNAMED";

    private static final Optional<Constructor<?>> BUILDER = builderTakingAScheduler();
    private static final ForkJoinPool POOL = BUILDER.isPresent() ? new HandOverPool() : null;

    /** Set on a task's thread only while it unlocks just before it sleeps. */
    private static final ThreadLocal<Boolean> SLEEPING_NEXT = new ThreadLocal<>();

    private CarrierPool() {
    }

    /** A new builder of task threads: on the pool's carriers if it could be made, else on the default ones. */
    static Thread.Builder.OfVirtual threads() {
        if (POOL == null) {
            return Thread.ofVirtual();
        }
        try {
            return (Thread.Builder.OfVirtual) BUILDER.orElseThrow().newInstance(POOL);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the JDK's virtual thread builder could not be made", e);
        }
    }

    /** The tokens a task must hold to run: none on the pool, whose carriers are one per core already. */
    static Carriers tokens() {
        return POOL == null ? Carriers.SHARED : Carriers.UNLIMITED;
    }

    /**
     * Runs a task thread's unlocking just before it sleeps, so that a task it wakes runs on this
     * thread's carrier once this thread sleeps, instead of waking the other carrier for it. On the
     * VM measured, that halved the time a chess master took to pass from board to board
     * (docs/benchmarks.md, 2026-11-29 18:10-18:41 UTC). The thread must then give up its carrier
     * even if it does not sleep ({@link Thread#yield}). Returns what {@code unlocking} returns.
     */
    static boolean beforeSleeping(BooleanSupplier unlocking) {
        SLEEPING_NEXT.set(Boolean.TRUE);
        try {
            return unlocking.getAsBoolean();
        } finally {
            SLEEPING_NEXT.remove();
        }
    }

    /**
     * True if a carrier of this name is one of the pool's, whose names share a prefix such as
     * {@code ForkJoinPool-1-worker-}.
     */
    static boolean isOwn(String carrier) {
        if (POOL == null) {
            return false;
        }
        String one = POOL.submit(Threads::current).join();
        return carrier.startsWith(one.substring(0, one.lastIndexOf('-') + 1));
    }

    /** Why the tasks share the web server's carriers, to tell whoever starts the server; empty when they do not. */
    public static Optional<String> missing() {
        return POOL != null ? Optional.empty() : Optional.of("virtual-threads runs share the web server's"
                + " carriers, so a busy server can delay them; start Java with " + OPTION
                + " to give them carriers of their own.");
    }

    private static Optional<Constructor<?>> builderTakingAScheduler() {
        try {
            Constructor<?> builder = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder")
                    .getDeclaredConstructor(Executor.class);
            builder.setAccessible(true);
            return Optional.of(builder);
        } catch (ReflectiveOperationException | RuntimeException closed) {
            return Optional.empty();
        }
    }

    /**
     * One carrier per core, taking tasks first in, first out, as the default scheduler does; its
     * threads are daemons named as the JDK names them ({@code ForkJoinPool-1-worker-1}), which is
     * what a learner's own program would show.
     *
     * <p>A task woken by a thread that is about to sleep ({@link #beforeSleeping}) is queued on that
     * thread's carrier without waking another ({@link ForkJoinPool#lazySubmit}, which the JDK's own
     * scheduler uses where it knows a carrier will soon be free). JDK 25 calls {@code execute} on
     * the waking thread, which is how the pool sees the flag; a JDK that calls it on the carrier
     * instead leaves the flag unseen, and the pool wakes another carrier as it always did. Being a
     * {@code ForkJoinPool}, the pool keeps its own timers for sleeping tasks, as before.
     */
    private static final class HandOverPool extends ForkJoinPool {

        HandOverPool() {
            super(Runtime.getRuntime().availableProcessors(), ForkJoinPool.defaultForkJoinWorkerThreadFactory,
                    null, true);
        }

        @Override
        public void execute(Runnable task) {
            if (SLEEPING_NEXT.get() != null) {
                lazySubmit(ForkJoinTask.adapt(task));
            } else {
                super.execute(task);
            }
        }
    }
}
