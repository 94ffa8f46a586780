package dev.asyncplayground.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Describes the machine and JVM the figures come from, including how busy the machine is. */
final class Machine {

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
