package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * What the tasks of one run share: the log, named locks, shared values, who has ended, and the
 * run's output, event, CPU and engine-time budgets.
 */
final class RunState implements TaskWorld {

    final RunOptions options;
    final EventLog log;
    final Limits limits;
    final LiveThreads threads;
    private final Consumer<String> failRun;
    private final TaskIndex tasks;
    private CountDownLatch[] ended;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, Long> shared;
    private final RunBudget budget;
    private final BurnWall burnWall;
    private final int cores;
    private final boolean sharedUnevenly;
    private CpuBurner.Burning burning = CpuBurner::burn;
    private volatile String stopReason = "cancelled";
    private volatile boolean stopping;

    /**
     * @param cores          CPUs of the machine, against which the cpu steps' burning is measured
     * @param sharedUnevenly true if the ideal has more cpu steps burning at once than the cores
     *                       divide evenly, for a time ({@link IdealTime.Result#uneven})
     * @param failRun        stops the whole run as failed with the given reason (a limit was passed)
     */
    RunState(Program program, RunOptions options, EventLog log, Limits limits, LiveThreads threads, int cores,
             boolean sharedUnevenly, Consumer<String> failRun) {
        this.options = options;
        this.log = log;
        this.limits = limits;
        this.threads = threads;
        this.failRun = failRun;
        this.burnWall = new BurnWall(cores);
        this.cores = cores;
        this.sharedUnevenly = sharedUnevenly;
        this.tasks = new TaskIndex(program);
        this.ended = new CountDownLatch[tasks.size()];
        for (int i = 0; i < ended.length; i++) {
            ended[i] = new CountDownLatch(1);
        }
        this.shared = new ConcurrentHashMap<>(program.shared());
        this.budget = new RunBudget(limits, failRun, log::waitedNanos);
    }

    @Override
    public long now() {
        return System.nanoTime();
    }

    @Override
    public long nanos(Duration scenario) {
        return options.realNanos(scenario);
    }

    @Override
    public String currentThread() {
        return Threads.current();
    }

    @Override
    public void record(EventMaker event, String thread) {
        budget.countEvent(log.appendQuietly(at -> event.make(at, thread)), stopping);
    }

    @Override
    public void publish() {
        log.publish();
    }

    /**
     * Wakes the viewers to what was published, now rather than at the next tick: for a thread
     * about to sleep, which the wake-up cannot delay (its wake-up time is already set).
     */
    void wakeViewersBeforeSleeping() {
        log.wakeReadersToNewEvents();
    }

    @Override
    public TaskIndex tasks() {
        return tasks;
    }

    @Override
    public boolean ended(int task) {
        return ended[task].getCount() == 0;
    }

    @Override
    public void markEnded(int task) {
        ended[task].countDown();
    }

    CountDownLatch endOf(int task) {
        return ended[task];
    }

    @Override
    public boolean oneAtATime() {
        return options.mode() == Mode.SEQUENTIAL;
    }

    ReentrantLock lock(String name) {
        return locks.computeIfAbsent(name, n -> new ReentrantLock(true));
    }

    @Override
    public long read(String name) {
        return shared.getOrDefault(name, 0L);
    }

    @Override
    public void write(String name, long value) {
        shared.put(name, value);
    }

    /** The shared values as they stand now, sorted by name. */
    Map<String, Long> sharedValues() {
        return new TreeMap<>(shared);
    }

    /** Counts a printed line and its bytes; past an output limit, stops the whole run as failed. */
    @Override
    public boolean countPrint(String text) {
        return budget.countPrint(text);
    }

    @Override
    public long engineClock() {
        return System.nanoTime();
    }

    /** Adds engine time spent on a task's steps; past the engine limit, stops the whole run as failed. */
    @Override
    public void chargeEngine(long nanos) {
        budget.chargeEngine(nanos, stopping);
    }

    /** Adds CPU time burnt by a cpu step; past the CPU limit, stops the whole run as failed. */
    boolean chargeCpu(long nanos) {
        return budget.chargeCpu(nanos);
    }

    /** Stops the whole run as failed because the engine itself failed on one of its threads. */
    void abort(Throwable failure) {
        fail(EngineFailure.describe(failure));
    }

    /** CPUs of the machine the run's cpu steps burn on. */
    int cores() {
        return cores;
    }

    /** True if the ideal has the cpu steps share the CPUs unevenly for a time. */
    boolean sharedUnevenly() {
        return sharedUnevenly;
    }

    /** From now on the cpu steps burn in the turns given; call before the run's threads start. */
    void burnInTurns(CoreTurns turns) {
        burning = turns::burn;
    }

    /**
     * Burns a cpu step's CPU time, on the calling thread (see {@link CpuBurner#burn}) or in the
     * run's {@link CoreTurns}, noting the wall time during which cpu steps of the run burn.
     */
    boolean burn(Need.Burn burn) throws InterruptedException {
        burnWall.started(System.nanoTime());
        try {
            return burning.burn(burn.nanos(), burn.deadline(), this::chargeCpu);
        } finally {
            burnWall.stopped(System.nanoTime());
        }
    }

    /** The CPU time the cpu steps received so far, and the time they had to receive it. */
    CpuUse cpuUse() {
        return burnWall.use(budget.cpuBurnt(), System.nanoTime());
    }

    private void fail(String reason) {
        failRun.accept(reason);
    }

    /** Why running tasks are being stopped, for their end message. */
    @Override
    public String stopReason() {
        return stopReason;
    }

    /** True once the run has been asked to stop; no task takes another step. */
    @Override
    public boolean stopping() {
        return stopping;
    }

    void stop(String reason) {
        stopReason = reason;
        stopping = true;
    }

    /** Ends, as cancelled, a task that never started (it never got a thread, a permit or its turn). */
    void cancelUnstarted(int task) {
        String why = stopReason;
        record((at, thread) -> new TimelineEvent.TaskEnded(at, task, thread, TaskOutcome.CANCELLED, why), "");
        markEnded(task);
    }

    /** Ends, as cancelled, every task that has not ended, and lets viewers see it. */
    void cancelLeftovers() {
        for (int task = 0; task < ended.length; task++) {
            if (!ended(task)) {
                cancelUnstarted(task);
            }
        }
        publish();
    }

    List<String> taskNames() {
        return tasks.names();
    }

    /**
     * Lets go of what only a running run needs (the tasks' steps, their end latches, the locks), so
     * that a finished run kept for viewing holds little more than its log. Called once its threads
     * are gone.
     */
    void release() {
        tasks.release();
        ended = null;
        locks.clear();
    }
}
