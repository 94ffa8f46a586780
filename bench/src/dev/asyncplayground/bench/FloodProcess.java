package dev.asyncplayground.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A flood's clients in a JVM of their own, so that what the flood costs the server is measured
 * apart from what it costs the clients.
 *
 * <p>On a real server the flooding clients are on other machines and cost its cores nothing. Here
 * they share the server's two cores: posting 200 runs over new connections takes the clients' JVM
 * about as much CPU as it takes the server to refuse them, and with the clients in the server's
 * JVM the running CPU run lost both. So the benchmark floods twice: once with this process at the
 * lowest CPU priority ({@code nice -n 19}), where the kernel gives it CPU mostly when the server
 * does not want it, standing in for clients elsewhere (that row is the verdict), and once at normal
 * priority, as if a learner flooded the server from a program on the server's own machine. At the
 * lowest priority its posts reach the server over about a second rather than in one instant.
 *
 * <p>It talks to the benchmark over its standard input and output, a line per command: it answers
 * {@code READY} once its own HTTP client is warm ({@link #WARM_UP_REQUESTS} posts that the server
 * answers 400 at once); on {@code FLOOD count clients} it posts the flood's CPU run {@code count}
 * times from {@code clients} loopback addresses at once, then answers one {@code R status nanos id}
 * line per reply ({@code id} is {@code -} unless the run was admitted) and {@code END cpuNanos},
 * the CPU it used posting.
 */
final class FloodProcess implements AutoCloseable {

    /** The kernel's lowest priority: the clients get CPU mostly when the server does not want it. */
    static final int LOWEST_PRIORITY = 19;
    private static final Path NICE = Path.of("/usr/bin/nice");
    private static final int WARM_UP_REQUESTS = 300;
    /** A post the server answers 400 without starting anything: its mode does not exist. */
    private static final Map<String, Object> REFUSED_AT_ONCE = Map.of("scenario", "task oops", "mode", "none");

    /** One reply to one post: its status, how long it took and the admitted run's id (else null). */
    record Reply(int status, long nanos, String id) {}

    /** What a flood brought back: every reply, and the CPU the clients used. */
    record Flood(List<Reply> replies, long clientCpuNanos) {

        /** The ids of the runs the server admitted, in reply order. */
        List<String> admittedIds() {
            return replies.stream().map(Reply::id).filter(Objects::nonNull).toList();
        }

        /** How long each 429 took to come back, in milliseconds, sorted. */
        double[] refusalMillis() {
            return Stats.sorted(replies.stream().filter(reply -> reply.status() == 429)
                    .mapToDouble(reply -> reply.nanos() / 1e6).toArray());
        }
    }

    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;
    private final boolean lowPriority;

    private FloodProcess(Process process, boolean lowPriority) {
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.lowPriority = lowPriority;
    }

    /**
     * Starts the clients' JVM for the app on {@code port}, at the lowest priority if asked and
     * {@code nice} is there, and returns once it is ready.
     */
    static FloodProcess start(int port, boolean lowest) throws IOException {
        boolean nice = lowest && Files.isExecutable(NICE);
        List<String> prefix = nice ? List.of(NICE.toString(), "-n", Integer.toString(LOWEST_PRIORITY)) : List.of();
        FloodProcess flood = new FloodProcess(
                ChildJvm.start(prefix, List.of(), FloodProcess.class, Integer.toString(port)), nice);
        String line = flood.answers.readLine();
        if (!"READY".equals(line)) {
            throw new IOException("the flood's process answered '" + line + "', not READY");
        }
        return flood;
    }

    /** True if the clients run at the lowest priority. */
    boolean lowPriority() {
        return lowPriority;
    }

    /** Posts the flood and waits for every reply. */
    Flood flood(int count, int clients) throws IOException {
        commands.println("FLOOD " + count + " " + clients);
        List<Reply> replies = new ArrayList<>();
        for (String line = answers.readLine(); line != null; line = answers.readLine()) {
            String[] words = line.split(" ");
            if (words[0].equals("END")) {
                return new Flood(replies, Long.parseLong(words[1]));
            }
            replies.add(new Reply(Integer.parseInt(words[1]), Long.parseLong(words[2]),
                    words[3].equals("-") ? null : words[3]));
        }
        throw new IOException("the flood's process ended early");
    }

    @Override
    public void close() throws InterruptedException {
        ChildJvm.quit(process, commands);
    }

    /** The clients' side: obeys commands from standard input until {@code QUIT}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        ApiClient api = new ApiClient(Integer.parseInt(args[0]));
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            api.post(ApiClient.client(2000 + i % 50), "/api/runs", REFUSED_AT_ONCE);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println("READY");
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("QUIT"); line = in.readLine()) {
            String[] words = line.split(" ");
            if (words[0].equals("FLOOD")) {
                flood(api, out, Integer.parseInt(words[1]), Integer.parseInt(words[2]));
            }
        }
    }

    private static void flood(ApiClient api, PrintStream out, int count, int clients) throws InterruptedException {
        long cpuBefore = Machine.processCpuNanos();
        List<Future<String>> replies = new ArrayList<>();
        try (ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String client = ApiClient.client(2000 + i % clients);
                replies.add(posts.submit(() -> post(api, client)));
            }
        }
        long cpu = Machine.processCpuNanos() - cpuBefore;
        for (Future<String> reply : replies) {
            out.println(get(reply));
        }
        out.println("END " + cpu);
        out.flush();
    }

    private static String post(ApiClient api, String client) throws IOException {
        long start = System.nanoTime();
        ApiClient.Reply reply = api.post(client, "/api/runs", AdmissionBench.CPU_RUN);
        long nanos = System.nanoTime() - start;
        Object id = reply.status() == 201 ? reply.body().get("id") : null;
        return "R " + reply.status() + " " + nanos + " " + (id == null ? "-" : id);
    }

    private static String get(Future<String> reply) throws InterruptedException {
        try {
            return reply.get();
        } catch (ExecutionException e) {
            return "R 0 0 -";
        }
    }
}
