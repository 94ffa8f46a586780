package dev.asyncplayground.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Describes the machine and JVM the figures come from, including how busy the machine is. */
final class Machine {

    private static final Duration WAKE_UP_PROBE = Duration.ofSeconds(3);

    private Machine() {
    }

    /** One line each: processors, memory, JDK, heap and collector, load average. */
    static List<String> describe() {
        Runtime runtime = Runtime.getRuntime();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return List.of(
                "processors   " + runtime.availableProcessors(),
                "memory       " + meminfo("MemTotal") + " total, " + meminfo("MemAvailable") + " available",
                "jdk          " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
                        + " " + Runtime.version() + " (" + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ")",
                "heap         max " + Stats.mib(runtime.maxMemory()) + " MiB; collectors: " + collectors,
                "load average " + loadAverage());
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or the JVM's 1 minute figure. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException unreadable) {
            return Stats.f(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2) + " (1 min)";
        }
    }

    /**
     * How late a plain 3 s sleep wakes up, in milliseconds, as one line. On this 2-vCPU VM it was
     * under 1 ms in a quiet half hour and 4-7 ms in a slow one, when every timing benchmark
     * degraded alike for old code and new (docs/benchmarks.md): the line tells which it was.
     */
    static String wakeUp() throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(WAKE_UP_PROBE);
        double lateMs = (System.nanoTime() - start - WAKE_UP_PROBE.toNanos()) / 1e6;
        return "a " + WAKE_UP_PROBE.toSeconds() + " s sleep woke " + Stats.f(lateMs, 1)
                + " ms late (a quiet host: under 1 ms)";
    }

    /** Collections and their milliseconds, summed over a JVM's collectors. */
    record GcTotals(long count, long millis) {

        /** The collections from an earlier reading to this one. */
        GcTotals since(GcTotals earlier) {
            return new GcTotals(count - earlier.count, millis - earlier.millis);
        }
    }

    /** This JVM's collections so far (a collector that does not say counts none). */
    static GcTotals collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new GcTotals(count, millis);
    }

    /** CPU time this JVM has used so far, all threads, or 0 if the platform does not say. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The process's resident set size now, in bytes, from {@code /proc/self/status} (0 if unknown). */
    static long residentBytes() {
        return procStatusKib("VmRSS") * 1024;
    }

    private static long procStatusKib(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
        return 0;
    }

    private static String meminfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith(key + ":")) {
                    long kib = Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
                    return Stats.f(kib / (1024.0 * 1024.0), 1) + " GiB";
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return "?";
        }
        return "?";
    }
}
