package dev.asyncplayground.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SSE viewers in a JVM of their own, as browser tabs are processes of their own: the server's JVM
 * then spends nothing on the viewers' parsing and garbage, and its pauses are its own.
 *
 * <p>The benchmark starts one such process for the whole streaming section and talks to it over
 * its standard input and output, a line per command: {@code CLOCK} answers the viewers'
 * {@link System#nanoTime()}; {@code VIEW port path n} opens n {@link SocketViewer}s, answers
 * {@code JOINED} once each has a first message, then, when every stream has ended, the CPU it
 * used since joining and one
 * {@code V events} line per viewer followed by its {@code E atMicros arrivedNanos} lines,
 * then {@code END cpuNanos collections collectionMillis errors}. Both JVMs read
 * {@code System.nanoTime()} from the same monotonic clock of the kernel; {@link #clockOffsetNanos()}
 * checks that.
 *
 * <p>Anything that delays every viewer at once is counted as the server's latency, so this JVM is
 * kept out of the way ({@link #OPTIONS}). Its heap is fixed at 1 GiB, 768 MiB of it young, each
 * viewer reads through a small buffer, and it collects once all viewers have joined, in the run's
 * 3 s lead-in: a round's garbage (about 100 MB at 1,000 viewers) then fits, and a collection of its
 * own, which would stop all 1,000 stand-ins for browser tabs at once where real tabs are
 * processes of their own, no longer lands on a burst (they are reported beside the server's). And
 * its sockets are polled by a platform thread ({@code -Djdk.pollerMode=1}). With JDK 25's
 * default on Linux, where the pollers are virtual threads, the first event after the 3 s lead-in
 * reached even the quickest of 100 or 1,000 viewers 10-16 ms late, in the viewers' JVM alone (the
 * server's own log readers got it within 5 ms).
 */
final class ViewerProcess implements AutoCloseable {

    /** The viewers' JVM options: a fixed heap and platform-thread socket pollers (see above). */
    static final List<String> OPTIONS = List.of("-Xms1g", "-Xmx1g", "-Xmn768m", "-Djdk.pollerMode=1");

    /** One viewer's record: for each event it noted, the server's stamp and its arrival. */
    record Viewer(long[] atMicros, long[] arrivedNanos) {}

    /** What a {@code VIEW} command brought back. */
    record Session(List<Viewer> viewers, long cpuNanos, long collections, long collectionMillis, String errors) {}

    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;

    private ViewerProcess(Process process) {
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the viewers' JVM with this JVM's java and class path. */
    static ViewerProcess start() throws IOException {
        return new ViewerProcess(ChildJvm.start(List.of(), OPTIONS, ViewerProcess.class));
    }

    /**
     * The viewers' clock minus this JVM's, in nanoseconds: the narrowest of 20 round trips, whose
     * width bounds the error. Near zero when both read the same clock.
     */
    long clockOffsetNanos() throws IOException {
        long best = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < 20; i++) {
            long before = System.nanoTime();
            commands.println("CLOCK");
            long theirs = Long.parseLong(answers.readLine());
            long after = System.nanoTime();
            if (after - before < best) {
                best = after - before;
                offset = theirs - (before + (after - before) / 2);
            }
        }
        return offset;
    }

    /** Opens {@code viewers} streams of {@code path} and returns once each has its first message. */
    void join(int port, String path, int viewers) throws IOException {
        commands.println("VIEW " + port + " " + path + " " + viewers);
        expect("JOINED");
    }

    /** Waits until every stream opened by {@link #join} has ended; returns what the viewers noted. */
    Session collect() throws IOException {
        List<Viewer> viewers = new ArrayList<>();
        for (String line = answers.readLine(); line != null; line = answers.readLine()) {
            String[] words = line.split(" ", 5);
            if (words[0].equals("END")) {
                return new Session(viewers, Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]),
                        words.length > 4 ? words[4] : "");
            }
            int events = Integer.parseInt(words[1]);
            long[] atMicros = new long[events];
            long[] arrivedNanos = new long[events];
            for (int i = 0; i < events; i++) {
                String[] event = answers.readLine().split(" ");
                atMicros[i] = Long.parseLong(event[1]);
                arrivedNanos[i] = Long.parseLong(event[2]);
            }
            viewers.add(new Viewer(atMicros, arrivedNanos));
        }
        throw new IOException("the viewers' process ended early");
    }

    private void expect(String word) throws IOException {
        String line = answers.readLine();
        if (!word.equals(line)) {
            throw new IOException("the viewers' process answered '" + line + "', not " + word);
        }
    }

    @Override
    public void close() throws InterruptedException {
        ChildJvm.quit(process, commands);
    }

    /** The viewers' side: obeys commands from standard input until {@code QUIT}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (String line = in.readLine(); line != null && !line.equals("QUIT"); line = in.readLine()) {
            if (line.equals("CLOCK")) {
                out.println(System.nanoTime());
                out.flush();
            } else if (line.startsWith("VIEW ")) {
                String[] words = line.split(" ");
                view(out, Integer.parseInt(words[1]), words[2], Integer.parseInt(words[3]));
            }
        }
    }

    private static void view(PrintStream out, int port, String path, int count) throws InterruptedException {
        List<SseViewer> viewers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SseViewer viewer = new SseViewer();
            viewers.add(viewer);
            SocketViewer.start(port, path, viewer);
        }
        for (SseViewer viewer : viewers) {
            viewer.firstMessage().await(30, TimeUnit.SECONDS);
        }
        out.println("JOINED");
        out.flush();
        System.gc();
        long cpuBefore = Machine.processCpuNanos();
        Machine.GcTotals gcBefore = Machine.collections();
        StringBuilder errors = new StringBuilder();
        for (SseViewer viewer : viewers) {
            if (!viewer.finished().await(60, TimeUnit.SECONDS) || viewer.error() != null) {
                errors.append(viewer.error() == null ? "a stream did not end; " : viewer.error() + "; ");
            }
        }
        long cpu = Machine.processCpuNanos() - cpuBefore;
        Machine.GcTotals gc = Machine.collections().since(gcBefore);
        for (SseViewer viewer : viewers) {
            out.println("V " + viewer.size());
            for (int i = 0; i < viewer.size(); i++) {
                out.println("E " + viewer.atMicros(i) + " " + viewer.arrivedNanos(i));
            }
        }
        out.println("END " + cpu + " " + gc.count() + " " + gc.millis() + " " + errors.toString().replace('\n', ' '));
        out.flush();
    }
}
