package dev.asyncplayground.bench;

import dev.asyncplayground.engine.CoresGiven;
import dev.asyncplayground.engine.FidelityBar;
import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.scenario.Parameters;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.web.WarmUp;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cores given under a competing load: a CPU run (4 x 250 ms of {@code cpu}) while 0, 1 or 2 other
 * programs ({@code python3} busy loops, one core each) compete for the 2 cores. Reports what the run
 * measured as given and whether it met the bar against the ideal for those cores.
 */
final class CoresBench {

    private static final List<Integer> COMPETITORS = List.of(0, 1, 2);
    private static final Duration MAX_RUN = Duration.ofSeconds(60);

    private final PrintStream out;

    CoresBench(PrintStream out) {
        this.out = out;
    }

    /** Prints the table; true if every run met the bar against the ideal for the cores it was given. */
    boolean run() throws IOException, InterruptedException {
        Catalogue catalogue = Catalogue.builtIn();
        out.println("warm-up " + WarmUp.run(catalogue).took().toMillis() + " ms");
        Limits limits = Limits.defaults();
        var scenario = catalogue.find("cpu-vs-io").orElseThrow().scenario();
        Program program = scenario.instantiate(Parameters.bind(scenario.params(),
                Map.of("kind", "cpu", "tasks", 4, "duration", "250ms")), limits.maxTasks());
        Table table = new Table("competing programs", "mode", "ideal ms", "measured ms", "cores given",
                "ideal for cores ms", "bar for cores ms", "note", "meets bar for cores");
        boolean met = true;
        try (RunRegistry registry = new RunRegistry(limits)) {
            for (int competitors : COMPETITORS) {
                for (RunOptions options : List.of(RunOptions.of(Mode.VIRTUAL_THREADS, 1),
                        new RunOptions(Mode.PLATFORM_THREADS, 1, 2, RunOptions.NO_LIMIT))) {
                    List<Process> load = compete(competitors);
                    try {
                        Thread.sleep(300);
                        Run run = registry.start(program, options);
                        RunClock.awaitEnd(run, MAX_RUN);
                        double measured = run.summary().elapsedMs();
                        CoresGiven cores = run.coresGiven().orElseThrow();
                        double bar = FidelityBar.of(cores.idealForCoresGivenMs());
                        boolean ok = measured <= bar;
                        met &= ok;
                        table.row(competitors, options.mode().id() + (options.mode() == Mode.PLATFORM_THREADS
                                        ? " (2)" : ""), Stats.f(run.idealMs(), 1), Stats.f(measured, 1),
                                Stats.f(cores.given(), 2) + " of " + Stats.f(cores.assumed(), 0),
                                Stats.f(cores.idealForCoresGivenMs(), 1), Stats.f(bar, 1),
                                cores.note().isEmpty() ? "-" : "says so", ok ? "yes" : "NO");
                    } finally {
                        load.forEach(Process::destroy);
                        for (Process p : load) {
                            p.waitFor();
                        }
                    }
                }
            }
        }
        table.print(out);
        out.println("competing programs: python3 busy loops started 300 ms before the run; the machine's other"
                + " load (uptime) comes on top. bar for cores = ideal for cores given x 1.02 + 10 ms.");
        return met;
    }

    private static List<Process> compete(int count) throws IOException {
        List<Process> load = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            load.add(new ProcessBuilder("/usr/bin/python3", "-c", "while True: pass").start());
        }
        return load;
    }
}
