package dev.asyncplayground.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A crowd's clients in a JVM of their own, so that what the crowd costs the server is measured
 * apart from what it costs the clients.
 *
 * <p>On a real server the clients are on other machines and cost its cores nothing: a class's
 * sixty browsers, or whoever floods it. Here they share the server's two cores. Posting 200 runs
 * over new connections takes the clients about as much CPU as it takes the server to refuse them,
 * and sixty clients connecting in one instant are sixty threads wanting a core just as the runs
 * they start want one. So the benchmark runs each crowd twice: once with this process at the lowest
 * CPU priority ({@code nice -n 19}), where the kernel gives it CPU mostly when the server does not
 * want it, standing in for clients elsewhere (that row is the verdict), and once at normal
 * priority, as if the crowd came from the server's own machine. At the lowest priority a crowd's
 * posts reach the server over a little longer than at normal priority (each reply says when its
 * post was sent).
 *
 * <p>It talks to the benchmark over its standard input and output, a line per command: it answers
 * {@code READY} once its own HTTP client is warm ({@link #WARM_UP_REQUESTS} posts that the server
 * answers 400 at once). On {@code FLOOD count clients} it posts the flood's CPU run {@code count}
 * times from {@code clients} loopback addresses at once; on {@code CLASS count spreadMs modes} it
 * posts counting runs at unit 100 ms from {@code count} clients, each from a loopback address of
 * its own, spread evenly over {@code spreadMs}: with {@code modes} 1, one run each, half of them
 * {@code virtual-threads} and half {@code sequential}; with {@code modes} 4, one run in every
 * mode each, as a student's comparison of all four modes asks for them. Then it answers one
 * {@code R status nanos sentNanos id} line per post, in post order ({@code nanos}: how long its
 * reply took; {@code sentNanos}: when it was sent, after the command; {@code id} is {@code -}
 * unless the run was admitted) and {@code END cpuNanos}, the CPU it used posting.
 */
final class ClientProcess implements AutoCloseable {

    /** The kernel's lowest priority: the clients get CPU mostly when the server does not want it. */
    static final int LOWEST_PRIORITY = 19;
    private static final Path NICE = Path.of("/usr/bin/nice");
    private static final int WARM_UP_REQUESTS = 300;
    /** A post the server answers 400 without starting anything: its mode does not exist. */
    private static final Map<String, Object> REFUSED_AT_ONCE = Map.of("scenario", "task oops", "mode", "none");

    /**
     * One reply to one post: its status, how long it took, when the post was sent (after the
     * command came) and the admitted run's id (else null).
     */
    record Reply(int status, long nanos, long sentNanos, String id) {}

    /** What a crowd's posts brought back: every reply, in post order, and the CPU the clients used. */
    record Crowd(List<Reply> replies, long clientCpuNanos) {

        /** The ids of the runs the server admitted, in reply order. */
        List<String> admittedIds() {
            return replies.stream().map(Reply::id).filter(Objects::nonNull).toList();
        }

        /** How long each 429 took to come back, in milliseconds, sorted. */
        double[] refusalMillis() {
            return Stats.sorted(replies.stream().filter(reply -> reply.status() == 429)
                    .mapToDouble(reply -> reply.nanos() / 1e6).toArray());
        }

        /** From the first post sent to the last, in milliseconds. */
        double sentWithinMillis() {
            LongSummaryStatistics sent = replies.stream().mapToLong(Reply::sentNanos).summaryStatistics();
            return replies.isEmpty() ? 0 : (sent.getMax() - sent.getMin()) / 1e6;
        }
    }

    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;
    private final boolean lowPriority;

    private ClientProcess(Process process, boolean lowPriority) {
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.lowPriority = lowPriority;
    }

    /**
     * Starts the clients' JVM for the app on {@code port}, at the lowest priority if asked and
     * {@code nice} is there, and returns once it is ready.
     */
    static ClientProcess start(int port, boolean lowest) throws IOException {
        boolean nice = lowest && Files.isExecutable(NICE);
        List<String> prefix = nice ? List.of(NICE.toString(), "-n", Integer.toString(LOWEST_PRIORITY)) : List.of();
        ClientProcess clients = new ClientProcess(
                ChildJvm.start(prefix, List.of(), ClientProcess.class, Integer.toString(port)), nice);
        String line = clients.answers.readLine();
        if (!"READY".equals(line)) {
            throw new IOException("the clients' process answered '" + line + "', not READY");
        }
        return clients;
    }

    /** True if the clients run at the lowest priority. */
    boolean lowPriority() {
        return lowPriority;
    }

    /** Posts the flood's CPU run {@code count} times from {@code clients} addresses at once; waits for every reply. */
    Crowd flood(int count, int clients) throws IOException {
        return crowd("FLOOD " + count + " " + clients);
    }

    /**
     * Posts a class's counting runs, {@code modes} per client (see {@link AdmissionBench#classRun}),
     * the clients spread over {@code spreadMs}; waits for every reply.
     */
    Crowd classOf(int count, long spreadMs, int modes) throws IOException {
        return crowd("CLASS " + count + " " + spreadMs + " " + modes);
    }

    private Crowd crowd(String command) throws IOException {
        commands.println(command);
        List<Reply> replies = new ArrayList<>();
        for (String line = answers.readLine(); line != null; line = answers.readLine()) {
            String[] words = line.split(" ");
            if (words[0].equals("END")) {
                return new Crowd(replies, Long.parseLong(words[1]));
            }
            replies.add(new Reply(Integer.parseInt(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]),
                    words[4].equals("-") ? null : words[4]));
        }
        throw new IOException("the clients' process ended early");
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
            postAll(api, out, posts(line.split(" ")));
        }
    }

    /** One post of a crowd: from whom, what, and how long after the command it is sent. */
    private record Post(String client, Map<String, Object> body, long afterNanos) {}

    /** The posts a {@code FLOOD count clients} or {@code CLASS count spreadMs modes} command asks for. */
    private static List<Post> posts(String[] command) {
        int count = Integer.parseInt(command[1]);
        List<Post> posts = new ArrayList<>(count);
        switch (command[0]) {
            case "FLOOD" -> {
                int clients = Integer.parseInt(command[2]);
                for (int i = 0; i < count; i++) {
                    posts.add(new Post(ApiClient.client(2000 + i % clients), AdmissionBench.CPU_RUN, 0));
                }
            }
            case "CLASS" -> {
                long spreadMs = Long.parseLong(command[2]);
                int modes = Integer.parseInt(command[3]);
                for (int i = 0; i < count; i++) {
                    for (int mode = 0; mode < modes; mode++) {
                        posts.add(new Post(ApiClient.client(i), AdmissionBench.classRun(i, mode, modes),
                                spreadMs * 1_000_000 * i / count));
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown command: " + String.join(" ", command));
        }
        return posts;
    }

    private static void postAll(ApiClient api, PrintStream out, List<Post> posts) throws InterruptedException {
        long cpuBefore = Machine.processCpuNanos();
        long start = System.nanoTime();
        List<Future<String>> replies = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Post post : posts) {
                replies.add(senders.submit(() -> {
                    Thread.sleep(Duration.ofNanos(Math.max(0, start + post.afterNanos() - System.nanoTime())));
                    return post(api, post, start);
                }));
            }
        }
        long cpu = Machine.processCpuNanos() - cpuBefore;
        for (Future<String> reply : replies) {
            out.println(get(reply));
        }
        out.println("END " + cpu);
        out.flush();
    }

    private static String post(ApiClient api, Post post, long commandCame) throws IOException {
        long sent = System.nanoTime();
        ApiClient.Reply reply = api.post(post.client(), "/api/runs", post.body());
        long nanos = System.nanoTime() - sent;
        Object id = reply.status() == 201 ? reply.body().get("id") : null;
        return "R " + reply.status() + " " + nanos + " " + (sent - commandCame) + " " + (id == null ? "-" : id);
    }

    private static String get(Future<String> reply) throws InterruptedException {
        try {
            return reply.get();
        } catch (ExecutionException e) {
            return "R 0 0 0 -";
        }
    }
}
