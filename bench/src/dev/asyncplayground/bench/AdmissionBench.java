package dev.asyncplayground.bench;

import dev.asyncplayground.engine.FidelityBar;
import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.web.App;
import dev.asyncplayground.web.WarmUp;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Admission under a crowd, through HTTP on the real app with its default limits: a class of 60
 * clients each starting a counting run (unit 100 ms) within one second, then each comparing all
 * four modes (240 runs), and a flood of 200
 * starts of CPU runs from 50 clients while a CPU run goes; then, for comparison, the same CPU runs
 * queued one behind another with no flood.
 */
final class AdmissionBench {

    static final int CLASS_SIZE = 60;
    static final int FLOOD = 200;
    static final int FLOOD_CLIENTS = 50;
    private static final Duration MAX_RUN = Duration.ofSeconds(120);
    /** The pause before each of the host's own burns, as a client takes between runs. */
    private static final Duration HOST_GAP = Duration.ofMillis(300);
    static final Map<String, Object> CPU_RUN = Map.of("exercise", "cpu-vs-io", "mode", "virtual-threads",
            "params", Map.of("kind", "cpu", "tasks", 4, "duration", "250ms"));

    private final PrintStream out;

    AdmissionBench(PrintStream out) {
        this.out = out;
    }

    /** Prints both tables; true if the class was all admitted and every admitted run met the bar. */
    boolean run() throws IOException, InterruptedException {
        Catalogue catalogue = Catalogue.builtIn();
        out.println("warm-up " + WarmUp.run(catalogue).took().toMillis() + " ms");
        Javalin app = App.create(catalogue, new RunRegistry(Limits.fromEnvironment(Map.of()))).start("127.0.0.1", 0);
        try {
            ApiClient api = new ApiClient(app.port());
            boolean classMet = classBurst(api, app.port());
            boolean floodMet = floods(api, app.port());
            return classMet && floodMet;
        } finally {
            app.stop();
        }
    }

    /**
     * Posts the class from a process of its own, spread over a second and then all at once, with
     * the clients elsewhere (the verdict) and then beside the server; prints the four rows.
     */
    private boolean classBurst(ApiClient api, int port) throws IOException, InterruptedException {
        Table table = new Table("class of 60", "clients", "posted over", "posts sent within ms", "admitted",
                "refused", "queued at start", "over p50 ms", "over p99 ms", "over max ms", "met bar", "meets goal");
        boolean met = true;
        for (boolean elsewhere : List.of(true, false)) {
            try (ClientProcess clients = ClientProcess.start(port, elsewhere)) {
                for (int modes : elsewhere ? List.of(1, Mode.values().length) : List.of(1)) {
                    for (long spreadMs : List.of(1000L, 0L)) {
                        boolean rowMet = classRow(api, clients, spreadMs, modes, elsewhere, table);
                        met &= rowMet || !elsewhere;
                    }
                }
            }
        }
        table.print(out);
        out.println("counting: one run per client, half sequential, half virtual-threads; 'all 4 modes': each client"
                + " compares every mode, four runs at once. One client (loopback address) each, from a JVM of"
                + " their own (ClientProcess): first at the lowest priority, standing in for sixty browsers on"
                + " other machines (the verdict), then at normal priority, on the server's own cores; over ="
                + " elapsed - ideal; goal: all admitted, each within ideal x 1.02 + 10 ms.");
        return met;
    }

    /**
     * One post of the class: counting at unit 100 ms. With one mode per client, every other client
     * posts {@code virtual-threads}, the rest {@code sequential}; with more, client {@code client}'s
     * {@code mode}-th post is in the {@code mode}-th mode, as a comparison of every mode asks.
     */
    static Map<String, Object> classRun(int client, int mode, int modes) {
        String id = modes == 1 ? (client % 2 == 0 ? "virtual-threads" : "sequential") : Mode.values()[mode].id();
        return Map.of("exercise", "counting", "mode", id, "params", Map.of("unit", "100ms"));
    }

    /** Posts the class once and prints its row, judged if {@code judged}; true if it met the goal. */
    private boolean classRow(ApiClient api, ClientProcess clients, long spreadMs, int modes, boolean judged,
                             Table table) throws IOException, InterruptedException {
        ClientProcess.Crowd crowd = clients.classOf(CLASS_SIZE, spreadMs, modes);
        List<Map<String, Object>> runs = new ArrayList<>();
        int queued = 0;
        for (String id : crowd.admittedIds()) {
            Map<String, Object> first = api.get("/api/runs/" + id).body();
            queued += ApiClient.number(first, "queuePosition") > 0 ? 1 : 0;
            runs.add(first);
        }
        int refused = CLASS_SIZE * modes - runs.size();
        Outcome outcome = outcomes(api, runs);
        boolean ok = refused == 0 && outcome.met() == runs.size();
        String label = modes == 1 ? "counting" : "counting, all " + modes + " modes";
        table.row(label, priority(clients), spreadMs + " ms", Stats.f(crowd.sentWithinMillis(), 1), runs.size(),
                refused, queued, Stats.f(outcome.p50(), 1), Stats.f(outcome.p99(), 1), Stats.f(outcome.max(), 1),
                outcome.met() + "/" + runs.size(), judged ? (ok ? "yes" : "NO") : "-");
        return ok;
    }

    /** How a row's clients ran: elsewhere at the lowest priority, or beside the server. */
    private static String priority(ClientProcess clients) {
        return clients.lowPriority() ? "elsewhere (nice " + ClientProcess.LOWEST_PRIORITY + ")" : "beside (nice 0)";
    }

    /** Floods with the clients elsewhere (the verdict), then beside the server; prints both rows. */
    private boolean floods(ApiClient api, int port) throws IOException, InterruptedException {
        Table table = new Table("flood", "clients", "posts", "admitted", "429", "429 answered p50 / p99 ms",
                "clients' CPU ms", "running run over ms", "admitted over p50 ms", "admitted over max ms",
                "met plain bar", "fewest cores given", "met bar (for cores given)", "meets goal");
        boolean met = flood(api, port, true, table);
        flood(api, port, false, table);
        withoutAFlood(api, table);
        hostAlone(table);
        table.print(out);
        out.println("one CPU run (4 x 250 ms, virtual-threads, ideal 500 ms) started, then " + FLOOD + " more from "
                + FLOOD_CLIENTS + " clients at once, from a JVM of their own (ClientProcess): first at the lowest"
                + " priority, standing in for clients on other machines (the verdict), then at normal priority, on"
                + " the server's own cores; the admitted ones run one at a time, each against the plain bar"
                + " (idealMs): the bar for the cores given would forgive exactly the CPU a flood takes, so it is"
                + " shown beside it, with the fewest cores given, and not judged. Last, for"
                + " comparison, as many runs as the queue holds posted from one client each, without a flood; and"
                + " the host alone: two plain platform threads burning 2 x 250 ms of their own CPU time each, as"
                + " many times, with no server work around them (HostYardstick).");
        return met;
    }

    /** The same CPU runs queued one behind another with no flood: what the host gives them by itself. */
    private void withoutAFlood(ApiClient api, Table table) throws IOException, InterruptedException {
        int runs = runningAndQueued();
        List<Map<String, Object>> admitted = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ApiClient.Reply reply = api.post(ApiClient.client(2000 + i), "/api/runs", CPU_RUN);
            if (reply.status() != 201) {
                throw new IllegalStateException("a run the queue has room for was refused: " + reply.body());
            }
            admitted.add(Map.of("id", reply.body().get("id")));
        }
        Map<String, Object> firstRun = api.awaitRun((String) admitted.getFirst().get("id"), MAX_RUN);
        Outcome outcome = outcomes(api, admitted);
        double firstOver = ApiClient.number(firstRun, "elapsedMs") - ApiClient.number(firstRun, "idealMs");
        table.row("cpu 4x250ms", "no flood", runs, admitted.size(), 0, "-", "-", Stats.f(firstOver, 1),
                Stats.f(outcome.p50(), 1), Stats.f(outcome.max(), 1), outcome.met() + "/" + admitted.size(),
                Stats.f(outcome.fewestCores(), 2), outcome.metForCores() + "/" + admitted.size(), "-");
    }

    /** The same work with no server around it: what the host gives two computing threads. */
    private void hostAlone(Table table) throws InterruptedException {
        int runs = runningAndQueued();
        double[] over = new double[runs];
        int met = 0;
        for (int i = 0; i < runs; i++) {
            Thread.sleep(HOST_GAP);
            double elapsed = HostYardstick.burn(2, 2, 250_000_000L) / 1e6;
            over[i] = elapsed - 500;
            met += elapsed <= FidelityBar.of(500) ? 1 : 0;
        }
        table.row("cpu 4x250ms", "host alone", runs, "-", "-", "-", "-", "-",
                Stats.f(Stats.percentile(Stats.sorted(over), 50), 1), Stats.f(Stats.max(over), 1),
                met + "/" + runs, "-", "-", "-");
    }

    /** As many CPU runs as the default limits hold at once: one running, the queue full behind it. */
    private static int runningAndQueued() {
        return 1 + Limits.fromEnvironment(Map.of()).maxQueuedRuns();
    }

    private boolean flood(ApiClient api, int port, boolean elsewhere, Table table)
            throws IOException, InterruptedException {
        ClientProcess.Crowd flood;
        String row;
        String firstId;
        try (ClientProcess clients = ClientProcess.start(port, elsewhere)) {
            row = priority(clients);
            firstId = (String) api.post(ApiClient.client(1000), "/api/runs", CPU_RUN).body().get("id");
            flood = clients.flood(FLOOD, FLOOD_CLIENTS);
        }
        List<Map<String, Object>> admitted = new ArrayList<>();
        admitted.add(Map.of("id", firstId));
        flood.admittedIds().forEach(id -> admitted.add(Map.of("id", id)));
        double[] refusalMs = flood.refusalMillis();
        int refused = refusalMs.length;
        Map<String, Object> firstRun = api.awaitRun(firstId, MAX_RUN);
        Outcome outcome = outcomes(api, admitted);
        double firstOver = ApiClient.number(firstRun, "elapsedMs") - ApiClient.number(firstRun, "idealMs");
        boolean ok = outcome.met() == admitted.size() && admitted.size() + refused == FLOOD + 1;
        table.row("cpu 4x250ms", row, FLOOD + 1, admitted.size(), refused,
                refused == 0 ? "-" : Stats.f(Stats.percentile(refusalMs, 50), 1) + " / "
                        + Stats.f(Stats.percentile(refusalMs, 99), 1),
                Stats.f(flood.clientCpuNanos() / 1e6, 0), Stats.f(firstOver, 1), Stats.f(outcome.p50(), 1),
                Stats.f(outcome.max(), 1), outcome.met() + "/" + admitted.size(), Stats.f(outcome.fewestCores(), 2),
                outcome.metForCores() + "/" + admitted.size(), elsewhere ? (ok ? "yes" : "NO") : "-");
        return ok;
    }

    /** Overshoot figures of finished runs, in scenario ms. */
    private record Outcome(double p50, double p99, double max, int met, int metForCores, double fewestCores) {}

    private static Outcome outcomes(ApiClient api, List<Map<String, Object>> runs) throws IOException, InterruptedException {
        double[] over = new double[runs.size()];
        int met = 0;
        int metForCores = 0;
        double fewestCores = Double.NaN;
        for (int i = 0; i < over.length; i++) {
            Map<String, Object> run = api.awaitRun((String) runs.get(i).get("id"), MAX_RUN);
            double ideal = ApiClient.number(run, "idealMs");
            double elapsed = ApiClient.number(run, "elapsedMs");
            over[i] = elapsed - ideal;
            met += "done".equals(run.get("status")) && elapsed <= FidelityBar.of(ideal) ? 1 : 0;
            metForCores += "done".equals(run.get("status"))
                    && elapsed <= FidelityBar.of(ApiClient.idealForCoresGiven(run)) ? 1 : 0;
            double given = ApiClient.number(run, "coresGiven");
            fewestCores = Double.isNaN(fewestCores) || given < fewestCores ? given : fewestCores;
        }
        double[] sorted = Stats.sorted(over);
        return new Outcome(Stats.percentile(sorted, 50), Stats.percentile(sorted, 99), Stats.max(over), met,
                metForCores, fewestCores);
    }
}
