package dev.asyncplayground.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden file of events and the segments they make, {@code segments/golden.json}.
 *
 * <p>Both the server's summary and the page's timeline code are tested against it.
 */
public final class GoldenSegments {

    /**
     * One case of the file.
     *
     * @param events   its events as the engine records them, starting with the run's start
     * @param segments per task, its expected segments as {@code [state, startMs, endMs, thread, detail]}
     */
    public record Case(String name, double speed, long endNanos, List<String> tasks, List<TimelineEvent> events,
                       Map<String, List<List<Object>>> segments) {

        @Override
        public String toString() {
            return name;
        }
    }

    private GoldenSegments() {
    }

    /** Every case of the golden file. */
    public static List<Case> cases() {
        try (InputStream in = GoldenSegments.class.getResourceAsStream("/segments/golden.json")) {
            List<Case> cases = new ArrayList<>();
            new ObjectMapper().readTree(in).get("cases").forEach(node -> cases.add(read(node)));
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case's segments as the server summarises them, in the golden file's shape. */
    public static Map<String, List<List<Object>>> summarised(Case c) {
        Map<String, List<List<Object>>> byTask = new LinkedHashMap<>();
        for (TaskTimeline task : TimelineSummary.of(c.events(), c.speed(), c.endNanos()).tasks()) {
            byTask.put(task.name(), task.segments().stream()
                    .map(s -> List.<Object>of(s.state(), s.startMs(), s.endMs(), s.thread(), s.detail())).toList());
        }
        return byTask;
    }

    private static Case read(JsonNode node) {
        List<String> tasks = new ArrayList<>();
        node.get("tasks").forEach(t -> tasks.add(t.asText()));
        List<TimelineEvent> events = new ArrayList<>();
        events.add(new TimelineEvent.RunStarted(0, "golden", tasks));
        node.get("events").forEach(e -> events.add(event(e, tasks)));
        Map<String, List<List<Object>>> segments = new LinkedHashMap<>();
        node.get("segments").properties().forEach(entry -> {
            List<List<Object>> list = new ArrayList<>();
            entry.getValue().forEach(s -> list.add(List.of(s.get(0).asText(), s.get(1).asDouble(),
                    s.get(2).asDouble(), s.get(3).asText(), s.get(4).asText())));
            segments.put(entry.getKey(), list);
        });
        return new Case(node.get("name").asText(), node.get("speed").asDouble(), nanos(node.get("endMs")), tasks,
                events, segments);
    }

    private static TimelineEvent event(JsonNode e, List<String> tasks) {
        long at = nanos(e.get("at"));
        int task = tasks.indexOf(e.get("task").asText());
        String thread = e.get("thread").asText();
        return switch (e.get("type").asText()) {
            case "task-queued" -> new TimelineEvent.TaskQueued(at, task);
            case "task-started" -> new TimelineEvent.TaskStarted(at, task, thread);
            case "wait-started" -> new TimelineEvent.WaitStarted(at, task, thread, nanos(e.get("durationMs")),
                    e.get("label").asText());
            case "wait-ended" -> new TimelineEvent.WaitEnded(at, task, thread);
            case "cpu-started" -> new TimelineEvent.CpuStarted(at, task, thread, nanos(e.get("durationMs")),
                    e.get("label").asText());
            case "cpu-ended" -> new TimelineEvent.CpuEnded(at, task, thread);
            case "lock-requested" -> new TimelineEvent.LockRequested(at, task, thread, e.get("lock").asText());
            case "lock-acquired" -> new TimelineEvent.LockAcquired(at, task, thread, e.get("lock").asText());
            case "lock-released" -> new TimelineEvent.LockReleased(at, task, thread, e.get("lock").asText());
            case "shared-read" -> new TimelineEvent.SharedRead(at, task, thread, e.get("name").asText(),
                    e.get("value").asLong());
            case "shared-written" -> new TimelineEvent.SharedWritten(at, task, thread, e.get("name").asText(),
                    e.get("value").asLong());
            case "await-started" -> new TimelineEvent.AwaitStarted(at, task, thread, texts(e.get("tasks")));
            case "await-ended" -> new TimelineEvent.AwaitEnded(at, task, thread);
            case "timed-out" -> new TimelineEvent.TimedOut(at, task, thread, nanos(e.get("limitMs")));
            case "printed" -> new TimelineEvent.Printed(at, task, thread, e.get("text").asText());
            case "task-ended" -> new TimelineEvent.TaskEnded(at, task, thread,
                    TaskOutcome.valueOf(e.get("outcome").asText().toUpperCase()), e.get("message").asText());
            default -> throw new IllegalArgumentException("golden.json: unknown event type " + e.get("type"));
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static long nanos(JsonNode ms) {
        return Math.round(ms.asDouble() * 1_000_000);
    }
}
