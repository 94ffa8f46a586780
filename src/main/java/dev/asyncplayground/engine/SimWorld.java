package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The world of the ideal-time simulation: a simulated clock in scenario nanoseconds, no records. */
final class SimWorld implements TaskWorld {

    private final TaskIndex tasks;
    private final boolean oneAtATime;
    private final boolean[] ended;
    private final Map<String, Long> shared;
    private long clock;

    SimWorld(Program program, boolean oneAtATime) {
        this.tasks = new TaskIndex(program);
        this.oneAtATime = oneAtATime;
        this.ended = new boolean[tasks.size()];
        this.shared = new HashMap<>(program.shared());
    }

    /** Moves the simulated clock forward. */
    void advanceTo(long time) {
        clock = Math.max(clock, time);
    }

    @Override
    public long now() {
        return clock;
    }

    @Override
    public long nanos(Duration scenario) {
        return scenario.toNanos();
    }

    @Override
    public String currentThread() {
        return "";
    }

    @Override
    public void record(EventMaker event, String thread) {
        // the simulation only keeps time
    }

    @Override
    public void publish() {
        // nobody watches a simulation
    }

    @Override
    public TaskIndex tasks() {
        return tasks;
    }

    @Override
    public boolean ended(int task) {
        return ended[task];
    }

    @Override
    public void markEnded(int task) {
        ended[task] = true;
    }

    @Override
    public boolean oneAtATime() {
        return oneAtATime;
    }

    @Override
    public long read(String name) {
        return shared.getOrDefault(name, 0L);
    }

    @Override
    public void write(String name, long value) {
        shared.put(name, value);
    }

    @Override
    public boolean countPrint(String text) {
        return true;
    }

    /** A simulation has no engine cost to bound. */
    @Override
    public long engineClock() {
        return 0;
    }

    @Override
    public void chargeEngine(long nanos) {
        // the simulation's own time is not the run's
    }

    @Override
    public boolean stopping() {
        return false;
    }

    @Override
    public String stopReason() {
        return "";
    }
}
