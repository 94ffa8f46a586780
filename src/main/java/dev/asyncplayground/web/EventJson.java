package dev.asyncplayground.web;

import dev.asyncplayground.timeline.StateChange;
import dev.asyncplayground.timeline.TimelineEvent;
import dev.asyncplayground.timeline.TimelineSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns timeline events into the JSON objects the API and the page read.
 *
 * <p>Every object has {@code seq}, {@code type}, {@code atMs} (scenario milliseconds) and, for
 * task events, {@code task} (the name) and {@code thread}. An event that changes its task's state
 * also has {@code state} and {@code detail} ({@link StateChange}), so the page cuts segments by the
 * server's rule instead of a copy of it.
 */
final class EventJson {

    private final List<String> taskNames;
    private final double speed;

    EventJson(List<String> taskNames, double speed) {
        this.taskNames = taskNames;
        this.speed = speed;
    }

    Map<String, Object> toJson(long seq, TimelineEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", seq);
        json.put("atMs", TimelineSummary.ms(event.atNanos(), speed));
        switch (event) {
            case TimelineEvent.RunStarted e -> put(typed(json, "run-started"), "mode", e.mode(), "tasks", e.tasks());
            case TimelineEvent.TaskQueued e -> task(json, "task-queued", e.task(), "");
            case TimelineEvent.TaskStarted e -> task(json, "task-started", e.task(), e.thread());
            case TimelineEvent.WaitStarted e -> put(task(json, "wait-started", e.task(), e.thread()),
                    "durationMs", ms(e.durationNanos()), "label", e.label());
            case TimelineEvent.WaitEnded e -> task(json, "wait-ended", e.task(), e.thread());
            case TimelineEvent.CpuStarted e -> put(task(json, "cpu-started", e.task(), e.thread()),
                    "durationMs", ms(e.durationNanos()), "label", e.label());
            case TimelineEvent.CpuEnded e -> task(json, "cpu-ended", e.task(), e.thread());
            case TimelineEvent.LockRequested e -> put(task(json, "lock-requested", e.task(), e.thread()),
                    "lock", e.lock());
            case TimelineEvent.LockAcquired e -> put(task(json, "lock-acquired", e.task(), e.thread()),
                    "lock", e.lock());
            case TimelineEvent.LockReleased e -> put(task(json, "lock-released", e.task(), e.thread()),
                    "lock", e.lock());
            case TimelineEvent.SharedRead e -> put(task(json, "shared-read", e.task(), e.thread()),
                    "name", e.name(), "value", e.value());
            case TimelineEvent.SharedWritten e -> put(task(json, "shared-written", e.task(), e.thread()),
                    "name", e.name(), "value", e.value());
            case TimelineEvent.AwaitStarted e -> put(task(json, "await-started", e.task(), e.thread()),
                    "tasks", e.tasks());
            case TimelineEvent.AwaitEnded e -> task(json, "await-ended", e.task(), e.thread());
            case TimelineEvent.TimedOut e -> put(task(json, "timed-out", e.task(), e.thread()),
                    "limitMs", ms(e.limitNanos()));
            case TimelineEvent.Printed e -> put(task(json, "printed", e.task(), e.thread()), "text", e.text());
            case TimelineEvent.TaskEnded e -> put(task(json, "task-ended", e.task(), e.thread()),
                    "outcome", e.outcome().label(), "message", e.message());
        }
        StateChange.of(event, speed).ifPresent(change -> put(json, "state", change.state(), "detail", change.detail()));
        return json;
    }

    private double ms(long nanos) {
        return TimelineSummary.ms(nanos, speed);
    }

    private Map<String, Object> task(Map<String, Object> json, String type, int task, String thread) {
        typed(json, type);
        json.put("task", taskNames.get(task));
        json.put("thread", thread);
        return json;
    }

    private static Map<String, Object> typed(Map<String, Object> json, String type) {
        json.put("type", type);
        return json;
    }

    private static Map<String, Object> put(Map<String, Object> json, Object... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }
}
