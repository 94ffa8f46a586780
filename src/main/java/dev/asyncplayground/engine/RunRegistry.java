package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.LimitExceededException;
import dev.asyncplayground.scenario.Program;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Starts runs (through {@link Admission}) and finds them by id; the oldest finished ones are
 * forgotten once they take more than the store's byte budget ({@link RunStore}).
 */
public final class RunRegistry implements AutoCloseable {

    private final Limits limits;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final RunStore store;
    private final LiveThreads threads = new LiveThreads();
    private final ScheduledExecutorService timer = DaemonTimer.started("run-timer");
    private final Admission admission;
    /** False for runs nobody times: they go at the speed asked and start without waiting for calm. */
    private final boolean timed;

    /** A registry with the default admission budget, whose store may take a quarter of the maximum heap. */
    public RunRegistry(Limits limits) {
        this(limits, AdmissionBudget.DEFAULTS, StoreBudget.byDefault());
    }

    /** A registry with the default admission budget whose finished runs may take {@code budgetBytes} of heap. */
    public RunRegistry(Limits limits, long budgetBytes) {
        this(limits, AdmissionBudget.DEFAULTS, budgetBytes);
    }

    /** A registry with the given admission budget, whose store may take a quarter of the maximum heap. */
    public RunRegistry(Limits limits, AdmissionBudget budget) {
        this(limits, budget, StoreBudget.byDefault());
    }

    /** A registry whose finished runs may take {@code budgetBytes} of heap together. */
    public RunRegistry(Limits limits, AdmissionBudget budget, long budgetBytes) {
        this(limits, budget, budgetBytes, QuietStart.DEFAULT);
    }

    /**
     * A registry for runs that nobody times, such as the warm-up's: CPU runs start the moment their
     * turn comes, without waiting for a calm server ({@link QuietStart}), and every run goes at the
     * speed asked, however short its steps ({@link SpeedChoice}).
     */
    public static RunRegistry forRunsNobodyTimes(Limits limits, AdmissionBudget budget) {
        return new RunRegistry(limits, budget, StoreBudget.byDefault(), QuietStart.NONE, false);
    }

    /** A registry whose CPU runs wait for a calm server by the given rule. */
    RunRegistry(Limits limits, AdmissionBudget budget, long budgetBytes, QuietStart quietStart) {
        this(limits, budget, budgetBytes, quietStart, true);
    }

    private RunRegistry(Limits limits, AdmissionBudget budget, long budgetBytes, QuietStart quietStart, boolean timed) {
        this.limits = limits;
        this.timed = timed;
        this.store = new RunStore(budgetBytes);
        this.admission = new Admission(limits, budget, timer, quietStart);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Creates a run of the program and starts it, at once or when its turn comes: the shortcut for
     * runs started in-process (tests, benchmarks), with no per-client cap. Requests reserve places
     * first and get refusals as values ({@link #reserve}, {@link #start(Program, RunOptions,
     * AdmissionTicket)}).
     *
     * @throws LimitExceededException if even an ideal run would pass the wall-clock limit or the
     *                                CPU limit (a run that would never end is let through, see
     *                                {@link Run#neverEnds()})
     * @throws ServerBusyException    if as many runs as allowed are running and waiting
     * @throws IllegalStateException  once the registry is closed
     */
    public Run start(Program program, RunOptions options) {
        return admitted(reserve(null, 1), ticket -> start(program, options, ticket));
    }

    /**
     * Reserves places for a client's coming runs before any work is done on them, so that a
     * refusal costs next to nothing: refused if the client already holds
     * {@code MAX_RUNS_PER_CLIENT} runs, or the queue is full. Close a granted ticket when done:
     * unused places are given back.
     *
     * @param client the client's remote address; null for no per-client cap
     * @throws IllegalStateException once the registry is closed
     */
    public Reservation reserve(String client, int places) {
        return admission.reserve(client, places);
    }

    /**
     * Creates a run of the program on one of the ticket's places and starts it, at once or when its
     * turn comes; turned down if even an ideal run would pass a limit, or if the run would have to
     * wait and the queue filled since the places were reserved. The run goes slower than asked when
     * it would be too quick to time faithfully ({@link SpeedChoice}).
     */
    public Start start(Program program, RunOptions options, AdmissionTicket ticket) {
        Paced paced = timed ? Paced.faithfully(program, options, cores, limits) : Paced.asAsked(program, options, cores);
        Optional<Start.OverLimit> over = LimitChecks.check(paced.ideal(), paced.options(), limits);
        return over.isPresent() ? over.get() : startWithIdeal(program, paced, ticket);
    }

    /** Starts a run whose ideal is known, at the speed asked, without checking it against the limits (tests use it). */
    Run startWithIdeal(Program program, RunOptions options, IdealTime.Result ideal) {
        Paced paced = Paced.asAsked(options, ideal);
        return admitted(reserve(null, 1), ticket -> startWithIdeal(program, paced, ticket));
    }

    /** The run a shortcut started, or the refusal thrown as the shortcuts promise. */
    private static Run admitted(Reservation reservation, Function<AdmissionTicket, Start> start) {
        return switch (reservation) {
            case Reservation.Refused(Busy busy) -> throw new ServerBusyException(busy);
            case Reservation.Granted(AdmissionTicket ticket) -> {
                try (ticket) {
                    yield switch (start.apply(ticket)) {
                        case Start.Admitted(Run run) -> run;
                        case Start.Refused(Busy busy) -> throw new ServerBusyException(busy);
                        case Start.OverLimit(String limit, String message) -> throw new LimitExceededException(limit,
                                message);
                    };
                }
            }
        };
    }

    private Start startWithIdeal(Program program, Paced paced, AdmissionTicket ticket) {
        RunOptions options = paced.options();
        RunCost cost = RunCost.of(program, paced.ideal(), options, limits.maxRunTime());
        synchronized (store) {
            Run run = new Run(store.newId(), Gil.ifOn(program, options), options, limits,
                    new RunContext(paced.ideal(), paced.speed(), cores, threads, this::ended, admission::position));
            store.add(run);
            Optional<Busy> busy;
            try {
                busy = admission.admit(run, cost, ticket);
            } catch (RuntimeException closed) {
                store.remove(run);
                throw closed;
            }
            if (busy.isPresent()) {
                store.remove(run);
                return new Start.Refused(busy.get());
            }
            store.forgetOldRuns();
            return new Start.Admitted(run);
        }
    }

    /** The run with this id, if it is still known. */
    public Optional<Run> find(String id) {
        synchronized (store) {
            return Optional.ofNullable(store.find(id));
        }
    }

    /** True if this server started a run with this id and has since forgotten it to stay in its budget. */
    public boolean forgot(String id) {
        synchronized (store) {
            return store.forgot(id);
        }
    }

    /** The store's byte budget for finished runs. */
    public long budgetBytes() {
        return store.budgetBytes();
    }

    /** The estimated heap bytes the finished runs kept take together. */
    public long storedBytes() {
        synchronized (store) {
            return store.storedBytes();
        }
    }

    /** How many runs are kept, going on or finished. */
    public int keptRuns() {
        synchronized (store) {
            return store.size();
        }
    }

    /** How many runs are queued or running. */
    public int activeRuns() {
        synchronized (store) {
            return store.active();
        }
    }

    /** How many runs wait for their turn. */
    public int queuedRuns() {
        return admission.queued();
    }

    /**
     * Engine threads alive now: each run's supervisor, pool threads and live virtual task threads.
     * Zero when no run is active: nothing leaks.
     */
    public int liveEngineThreads() {
        return threads.count();
    }

    /** Takes no more runs, cancels every run still going or waiting, and stops the timer. */
    @Override
    public void close() {
        admission.close();
        List<Run> all;
        synchronized (store) {
            all = store.all();
        }
        all.forEach(Run::cancel);
        timer.shutdownNow();
    }

    /** A run has ended: its turn goes to the next, and the store counts it from now on. */
    private void ended(Run run) {
        try {
            admission.ended(run);
        } finally {
            synchronized (store) {
                store.finished(run);
            }
        }
    }
}
