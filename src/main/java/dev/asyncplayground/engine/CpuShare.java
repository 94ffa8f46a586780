package dev.asyncplayground.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * CPU steps of OS threads sharing the CPUs fairly, as a time-slicing scheduler does: with k steps
 * burning on c CPUs, each progresses at min(1, c/k) of a CPU.
 *
 * <p>Part of the ideal-time simulation. Progress is tracked as the CPU time every burning step has
 * received so far ({@code service}); a step ends when the service reaches its finish tag.
 */
final class CpuShare {

    /** A step that ended: its task, and whether it burnt all it wanted before its deadline. */
    record Done(int task, boolean met) {}

    private record Job(int task, double finishTag, long deadline) {}

    private static final double SLACK = 1e-3;

    private final int cpus;
    private final List<Job> jobs = new ArrayList<>();
    private double service;
    private double busy;
    private boolean uneven;

    CpuShare(int cpus) {
        this.cpus = cpus;
    }

    /** A task starts burning {@code nanos} of CPU time, cut off at {@code deadline}. */
    void add(int task, long nanos, long deadline) {
        jobs.add(new Job(task, service + nanos, deadline));
    }

    /** When the next step ends (by finishing or by its deadline), or {@code Long.MAX_VALUE}. */
    long nextEvent(long now) {
        long next = Long.MAX_VALUE;
        for (Job job : jobs) {
            double left = Math.max(0, (job.finishTag() - service) / rate() - 1e-6);
            next = Math.min(next, Math.min(job.deadline(), now + (long) Math.ceil(left)));
        }
        return next;
    }

    /** Lets {@code nanos} of time pass. */
    void advance(long nanos) {
        if (nanos > 0 && jobs.size() > cpus && jobs.size() % cpus != 0) {
            uneven = true;
        }
        if (!jobs.isEmpty()) {
            service += nanos * rate();
            busy += (double) nanos * Math.min(jobs.size(), cpus);
        }
    }

    /** Removes and returns the steps that have ended at {@code now}, in the order they began. */
    List<Done> due(long now) {
        List<Done> done = new ArrayList<>();
        for (Iterator<Job> it = jobs.iterator(); it.hasNext(); ) {
            Job job = it.next();
            boolean finished = job.finishTag() <= service + SLACK;
            if (finished || job.deadline() <= now) {
                it.remove();
                done.add(new Done(job.task(), finished));
            }
        }
        return done;
    }

    /** True while some step burns. */
    boolean burning() {
        return !jobs.isEmpty();
    }

    /** CPU time given out so far, in nanoseconds. */
    long busyNanos() {
        return Math.round(busy);
    }

    /**
     * True if, for some time so far, more steps burnt than there are CPUs, in a number the CPUs do
     * not divide (3 on 2), which an OS with a queue per CPU shares out unevenly.
     */
    boolean uneven() {
        return uneven;
    }

    private double rate() {
        return jobs.size() <= cpus ? 1.0 : (double) cpus / jobs.size();
    }
}
