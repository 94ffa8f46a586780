package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.TaskSpec;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.TimelineEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/** What the tasks of one run share: the log, named locks, shared values and who has ended. */
final class RunState {

    final Program program;
    final RunOptions options;
    final EventLog log;
    final Limits limits;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final List<String> taskNames;
    private final CountDownLatch[] ended;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, Long> shared;
    private final AtomicInteger printed = new AtomicInteger();
    private volatile String stopReason = "cancelled";
    private volatile boolean stopping;

    RunState(Program program, RunOptions options, EventLog log, Limits limits) {
        this.program = program;
        this.options = options;
        this.log = log;
        this.limits = limits;
        this.ended = new CountDownLatch[program.tasks().size()];
        for (int i = 0; i < ended.length; i++) {
            ended[i] = new CountDownLatch(1);
            indexByName.put(program.tasks().get(i).name(), i);
        }
        this.shared = new ConcurrentHashMap<>(program.shared());
        this.taskNames = program.tasks().stream().map(TaskSpec::name).toList();
    }

    void record(LongFunction<TimelineEvent> event) {
        log.append(event);
    }

    int indexOf(String task) {
        Integer index = indexByName.get(task);
        if (index == null) {
            throw new TaskFailure("there is no task named '" + task + "'");
        }
        return index;
    }

    String nameOf(int task) {
        return program.tasks().get(task).name();
    }

    CountDownLatch endOf(int task) {
        return ended[task];
    }

    ReentrantLock lock(String name) {
        return locks.computeIfAbsent(name, n -> new ReentrantLock(true));
    }

    long read(String name) {
        return shared.getOrDefault(name, 0L);
    }

    void write(String name, long value) {
        shared.put(name, value);
    }

    /** Counts a printed line; false once the output limit is passed. */
    boolean countPrint() {
        return printed.incrementAndGet() <= limits.maxOutputLines();
    }

    /** Why running tasks are being stopped, for their end message. */
    String stopReason() {
        return stopReason;
    }

    /** True once the run has been asked to stop; no further task may start. */
    boolean stopping() {
        return stopping;
    }

    void stop(String reason) {
        stopReason = reason;
        stopping = true;
    }

    List<String> taskNames() {
        return taskNames;
    }
}
