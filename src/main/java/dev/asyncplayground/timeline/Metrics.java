package dev.asyncplayground.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the figures a scenario's {@code measure} lines ask for from a run's recorded events.
 *
 * <p>Times come in scenario milliseconds (rounded to 0.01), shares in percent (to 0.1), counts as
 * whole numbers. A figure that has no value in this run (a line never printed, a shared value
 * nobody touched, CPU work in a run without any) is left out rather than shown as 0.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The figures, in the order the measures were declared.
     *
     * @param measures     what to measure
     * @param events       the run's events, starting with {@link TimelineEvent.RunStarted}
     * @param speed        the run's time scale: scenario time = real time × speed
     * @param elapsedNanos real nanoseconds the run took (or has taken so far); open steps are cut there
     */
    public static Map<String, Number> of(List<Measure> measures, List<TimelineEvent> events, double speed,
                                         long elapsedNanos) {
        Map<String, Number> figures = new LinkedHashMap<>();
        if (measures.isEmpty() || events.isEmpty() || !(events.getFirst() instanceof TimelineEvent.RunStarted)) {
            return figures;
        }
        Reading run = new Reading(events, speed, elapsedNanos, StepSpans.of(events, elapsedNanos));
        for (Measure measure : measures) {
            run.value(measure).ifPresent(value -> figures.put(measure.name(), value));
        }
        return figures;
    }

    /** One run's events with what several measures share. */
    private record Reading(List<TimelineEvent> events, double speed, long elapsedNanos, StepSpans spans) {

        Optional<Number> value(Measure measure) {
            return switch (measure.kind()) {
                case EXPECTED -> shared(measure).map(SharedHistory::expected);
                case FINAL -> shared(measure).map(SharedHistory::last);
                case LOST -> shared(measure).map(SharedHistory::lost);
                case LINES -> Optional.of((long) printedAt(measure.subject()).size());
                case LARGEST_GAP -> largestGap(printedAt(measure.subject())).map(this::ms);
                case PRINTED_AT -> printedAt(measure.subject()).stream().findFirst().map(this::ms);
                case TIMEOUTS -> Optional.of((long) spans.timeouts());
                case WAITS_PER_SECOND -> elapsedNanos <= 0 ? Optional.empty()
                        : Optional.of(round(spans.finishedWaits() * 1e9 / (elapsedNanos * speed), 100));
                case MOST_WAITS -> Optional.of((long) StepSpans.mostAtOnce(spans.waits()));
                case MEAN_QUEUE_WAIT -> spans.tasks() == 0 ? Optional.empty()
                        : Optional.of(ms(spans.queuedNanos() / spans.tasks()));
                case CPU_BUSY_PERCENT -> elapsedNanos <= 0 ? Optional.empty()
                        : Optional.of(round(StepSpans.coveredAtLeast(spans.cpus(), 1) * 100.0 / elapsedNanos, 10));
                case WAIT_OVERLAP -> Optional.of(ms(StepSpans.coveredAtLeast(spans.waits(), 2)));
                case CPU_SPEEDUP -> cpuSpeedup();
            };
        }

        private Optional<SharedHistory> shared(Measure measure) {
            SharedHistory history = SharedHistory.of(measure.subject(), events);
            return history.seen() ? Optional.of(history) : Optional.empty();
        }

        private List<Long> printedAt(String prefix) {
            List<Long> times = new ArrayList<>();
            for (TimelineEvent event : events) {
                if (event instanceof TimelineEvent.Printed printed && printed.text().startsWith(prefix)) {
                    times.add(printed.atNanos());
                }
            }
            return times;
        }

        private static Optional<Long> largestGap(List<Long> times) {
            long largest = -1;
            for (int i = 1; i < times.size(); i++) {
                largest = Math.max(largest, times.get(i) - times.get(i - 1));
            }
            return largest < 0 ? Optional.empty() : Optional.of(largest);
        }

        private Optional<Number> cpuSpeedup() {
            long cpu = spans.cpus().stream().mapToLong(StepSpans.Span::length).sum();
            return cpu == 0 || elapsedNanos <= 0 ? Optional.empty() : Optional.of(round((double) cpu / elapsedNanos, 100));
        }

        private Number ms(long nanos) {
            return TimelineSummary.ms(nanos, speed);
        }
    }

    private static double round(double value, int per) {
        return Math.round(value * per) / (double) per;
    }
}
