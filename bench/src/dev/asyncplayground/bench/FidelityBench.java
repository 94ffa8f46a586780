package dev.asyncplayground.bench;

import dev.asyncplayground.engine.CoresGiven;
import dev.asyncplayground.engine.FidelityBar;
import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.engine.RunStatus;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.exercise.Exercise;
import dev.asyncplayground.scenario.LimitExceededException;
import dev.asyncplayground.scenario.Parameters;
import dev.asyncplayground.scenario.Program;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measured elapsed against ideal for every built-in exercise at its defaults, in every mode.
 *
 * <p>Each exercise runs at one speed for all modes: its own default speed (the exercises of the
 * catalogue, eight of them, at the speed their page starts with), unless its slowest mode would
 * then take more than {@value #REAL_BUDGET_MS} ms of real time, in which case the smallest whole
 * speed that fits (at most {@value #MAX_SPEED}).
 * Times are scenario milliseconds, as the app reports them, so at speed S the bar's 10 ms is 10/S
 * real ms. Every exercise and mode runs once to warm up (discarded), then {@link #REPEATS} times.
 * With {@code beyond}, cases with other parameters take the defaults' place, some at a speed of
 * their own, which the registry slows down when they would be too quick to time ({@code
 * SpeedChoice}); the speed column gives the speed used and, when it differs, the one asked.
 */
final class FidelityBench {

    static final int REPEATS = 3;
    /** The case whose platform-threads run has more threads computing than the machine has cores. */
    static final String CROWDED = "cpu-vs-io cpu 3x1s";
    /** Its tasks, each computing for {@link #CROWDED_BURN}. */
    private static final int CROWDED_TASKS = 3;
    private static final Duration CROWDED_BURN = Duration.ofSeconds(1);
    static final double REAL_BUDGET_MS = 5_000;
    static final double MAX_SPEED = 3600;
    private static final Duration MAX_WAIT = Duration.ofSeconds(120);

    private final PrintStream out;
    private final boolean realTime;
    private final boolean beyond;

    /**
     * Prepares the section.
     *
     * @param realTime run every exercise at speed 1, however long it takes
     * @param beyond   measure cases beyond the exercises' defaults instead of the defaults
     */
    FidelityBench(PrintStream out, boolean realTime, boolean beyond) {
        this.out = out;
        this.realTime = realTime;
        this.beyond = beyond;
    }

    /** Runs the section and prints its table; returns true if every run met the bar. */
    boolean run() throws InterruptedException {
        Limits limits = Limits.defaults().withRuns(1, 8);
        Catalogue catalogue = Catalogue.builtIn();
        out.println("Exercises: " + catalogue.ids() + "; modes: " + Mode.ids() + "; platform-threads with "
                + RunOptions.DEFAULT_THREADS + " threads; " + REPEATS + " timed runs each after 1 warm-up.");
        Table table = new Table("exercise", "mode", "speed", "ideal ms", "min ms", "median ms", "max ms",
                "bar ms", "worst over (real ms)", "cores given (min)", "meets bar");
        boolean allMet = true;
        List<Case> cases = beyond ? beyondDefaults(catalogue) : defaults(catalogue);
        try (RunRegistry registry = new RunRegistry(limits)) {
            for (Case c : cases) {
                Exercise exercise = c.exercise();
                Program program = exercise.scenario().instantiate(
                        Parameters.bind(exercise.scenario().params(), c.params()), limits.maxTasks());
                Probe probe = Probe.of(registry, program);
                double speed = realTime ? 1 : c.speed() > 0 ? c.speed() : Math.min(MAX_SPEED,
                        Math.max(exercise.speed(), Math.ceil(probe.slowestIdealMs() / REAL_BUDGET_MS)));
                for (Mode mode : Mode.values()) {
                    if (probe.neverEnding().contains(mode)) {
                        table.row(c.label(), mode.id(), "-", "never ends", "-", "-", "-", "-", "-", "-", "n/a");
                        continue;
                    }
                    try {
                        allMet &= measure(registry, c.label(), program, RunOptions.of(mode, speed), table);
                    } catch (LimitExceededException refused) {
                        table.row(c.label(), mode.id(), Stats.f(speed, 0), "-", "-", "-", "-", "-", "-", "-",
                                "refused: " + refused.limit());
                        allMet = false;
                    }
                }
            }
        }
        table.print(out);
        out.println("bar: measured <= ideal x 1.02 + 10 ms (scenario ms), or, for a run the machine gave fewer"
                + " cores than its ideal assumes, the same against its idealForCoresGivenMs (PRODUCT.md section 7)."
                + " 'worst over' = max measured - ideal, in real ms (scenario ms / speed).");
        if (!beyond) {
            crowdedHostAlone();
        }
        return allMet;
    }

    /** Every exercise at its defaults, then three cases of {@code cpu-vs-io} with {@code cpu} steps. */
    private static List<Case> defaults(Catalogue catalogue) {
        List<Case> cases = new ArrayList<>();
        catalogue.all().forEach(exercise -> cases.add(new Case(exercise.id(), exercise, Map.of(), 0)));
        catalogue.find("cpu-vs-io").ifPresent(cpuVsIo -> {
            cases.add(new Case("cpu-vs-io kind=cpu", cpuVsIo, Map.of("kind", "cpu"), 0));
            cases.add(new Case("cpu-vs-io cpu 4x250ms", cpuVsIo,
                    Map.of("kind", "cpu", "tasks", 4, "duration", "250ms"), 0));
            cases.add(new Case(CROWDED, cpuVsIo, Map.of("kind", "cpu", "tasks", CROWDED_TASKS,
                    "duration", CROWDED_BURN.toMillis() + "ms"), 0));
        });
        return cases;
    }

    /**
     * Parameters a learner may pick that make steps, or whole runs, short in real time: quick chess
     * moves, a quick laundry move, three exercises asked to go at speed 100, many short computing
     * tasks at real time, where every task's start and end cost the busy cores a little, and three
     * computing tasks on two cores, which a pool of four time-slices.
     */
    private static List<Case> beyondDefaults(Catalogue catalogue) {
        List<Case> cases = new ArrayList<>();
        catalogue.find("chess-simul").ifPresent(chess -> {
            cases.add(new Case("chess 20x10 think=100ms reply=1s", chess,
                    Map.of("boards", 20, "moves", 10, "think", "100ms", "reply", "1s"), 0));
            cases.add(new Case("chess think=1s", chess, Map.of("think", "1s"), 0));
        });
        catalogue.find("laundry").ifPresent(laundry -> cases.add(new Case("laundry move=10s wash=dry=1min", laundry,
                Map.of("move", "10s", "washing", "1min", "drying", "1min"), 0)));
        catalogue.find("counting").ifPresent(counting -> cases.add(new Case("counting unit=10ms @100", counting,
                Map.of("unit", "10ms"), 100)));
        catalogue.find("cpu-vs-io").ifPresent(cpuVsIo -> {
            cases.add(new Case("cpu-vs-io cpu 8x10ms @100", cpuVsIo, Map.of("kind", "cpu", "duration", "10ms"), 100));
            cases.add(new Case("cpu-vs-io cpu 200x10ms", cpuVsIo,
                    Map.of("kind", "cpu", "tasks", 200, "duration", "10ms"), 0));
            cases.add(new Case("cpu-vs-io cpu 3x333ms", cpuVsIo,
                    Map.of("kind", "cpu", "tasks", 3, "duration", "333ms"), 0));
        });
        catalogue.find("api-calls").ifPresent(api -> cases.add(new Case("api-calls latency=10ms @100", api,
                Map.of("latency", "10ms"), 100)));
        return cases;
    }

    /**
     * The {@value #CROWDED} row's platform-threads run with no server around it: one plain platform
     * thread per task, each burning the task's CPU time, on this machine's cores. With more threads
     * than cores the OS time-slices them; how evenly it does decides how far past the ideal even
     * plain threads end.
     */
    private void crowdedHostAlone() throws InterruptedException {
        int threads = CROWDED_TASKS;
        long burnNanos = CROWDED_BURN.toNanos();
        int cores = Runtime.getRuntime().availableProcessors();
        double ideal = threads * CROWDED_BURN.toMillis() / (double) Math.min(threads, cores);
        double[] elapsed = new double[REPEATS];
        int met = 0;
        HostYardstick.burn(threads, 1, burnNanos / 10);
        for (int i = 0; i < REPEATS; i++) {
            elapsed[i] = HostYardstick.burn(threads, 1, burnNanos) / 1e6;
            met += elapsed[i] <= FidelityBar.of(ideal) ? 1 : 0;
        }
        out.printf("host alone, for the %s row: %d plain platform threads burning %d ms of CPU each on %d cores,"
                + " ideal %.0f ms: %s ms, %d of %d within the bar (HostYardstick)%n", CROWDED, threads,
                CROWDED_BURN.toMillis(), cores, ideal,
                Stats.f(Stats.min(elapsed), 1) + " / " + Stats.f(Stats.median(elapsed), 1) + " / "
                        + Stats.f(Stats.max(elapsed), 1) + " (min / median / max)", met, REPEATS);
    }

    private boolean measure(RunRegistry registry, String id, Program program, RunOptions options, Table table)
            throws InterruptedException {
        runOnce(registry, program, options);
        double[] measured = new double[REPEATS];
        double ideal = 0;
        double fewestCores = Double.NaN;
        int met = 0;
        int metForCores = 0;
        String unfinished = "";
        double used = options.speed();
        for (int i = 0; i < REPEATS; i++) {
            Run run = runOnce(registry, program, options);
            used = run.options().speed();
            ideal = run.idealMs();
            double elapsed = run.summary().elapsedMs();
            measured[i] = elapsed;
            Optional<CoresGiven> cores = run.coresGiven();
            double given = cores.map(CoresGiven::given).orElse(Double.NaN);
            fewestCores = Double.isNaN(fewestCores) ? given : Math.min(fewestCores, given);
            if (run.status() != RunStatus.DONE) {
                unfinished = " " + run.status().label() + ": " + run.message();
            } else if (elapsed <= FidelityBar.of(ideal)) {
                met++;
            } else if (cores.filter(c -> c.given() < c.assumed())
                    .filter(c -> elapsed <= FidelityBar.of(c.idealForCoresGivenMs())).isPresent()) {
                metForCores++;
            }
        }
        double worstReal = (Stats.max(measured) - ideal) / used;
        String speed = Stats.f(used, 0) + (used == options.speed() ? "" : " (asked " + Stats.f(options.speed(), 0) + ")");
        table.row(id, options.mode().id(), speed, Stats.f(ideal, 1),
                Stats.f(Stats.min(measured), 1), Stats.f(Stats.median(measured), 1), Stats.f(Stats.max(measured), 1),
                Stats.f(FidelityBar.of(ideal), 1), Stats.f(worstReal, 2), Double.isNaN(fewestCores) ? "-" : Stats.f(fewestCores, 2),
                verdict(met, metForCores) + unfinished);
        return met + metForCores == REPEATS;
    }

    /**
     * "yes" when every run met the plain bar; when some met it only against the ideal for the
     * cores the machine gave them (PRODUCT.md section 7 allows that), says how many.
     */
    private static String verdict(int met, int metForCores) {
        if (met + metForCores < REPEATS) {
            return "NO (" + (met + metForCores) + "/" + REPEATS + " met)";
        }
        return metForCores == 0 ? "yes" : "yes (" + metForCores + "/" + REPEATS + " for cores given)";
    }

    private static Run runOnce(RunRegistry registry, Program program, RunOptions options) throws InterruptedException {
        Run run = registry.start(program, options);
        RunClock.awaitEnd(run, MAX_WAIT);
        return run;
    }

    /** An exercise with some parameters set, how the table names it, and its speed (0: the section's rule). */
    private record Case(String label, Exercise exercise, Map<String, ?> params, double speed) {}

    /**
     * What a quick look at each mode's ideal tells before the timed runs.
     *
     * @param slowestIdealMs the largest ideal over the modes that end, in scenario ms
     * @param neverEnding    modes under which the program waits forever (only the wall-clock limit
     *                       would stop it), so that measuring it says nothing about fidelity
     */
    private record Probe(double slowestIdealMs, Set<Mode> neverEnding) {

        /** Starts the program once per mode at speed 1000, reads its ideal, and cancels it. */
        static Probe of(RunRegistry registry, Program program) throws InterruptedException {
            double slowest = 0;
            Set<Mode> never = EnumSet.noneOf(Mode.class);
            for (Mode mode : Mode.values()) {
                Run probe = registry.start(program, RunOptions.of(mode, 1000));
                if (probe.neverEnds()) {
                    never.add(mode);
                } else {
                    slowest = Math.max(slowest, probe.idealMs());
                }
                probe.cancel();
                RunClock.awaitEnd(probe, MAX_WAIT);
            }
            return new Probe(slowest, never);
        }
    }
}
