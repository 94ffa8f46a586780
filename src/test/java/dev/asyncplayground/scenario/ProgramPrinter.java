package dev.asyncplayground.scenario;

import dev.asyncplayground.timeline.Measure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes parameters and expanded programs as scenario text, deterministically, for golden files. */
final class ProgramPrinter {

    private final StringBuilder out = new StringBuilder();

    private ProgramPrinter() {
    }

    /** The declared parameters as param lines. */
    static String params(List<Param> params) {
        ProgramPrinter printer = new ProgramPrinter();
        params.forEach(printer::param);
        return printer.out.toString();
    }

    /** The program as shared lines (sorted by name), measure lines and task blocks (in order). */
    static String program(Program program) {
        ProgramPrinter printer = new ProgramPrinter();
        new TreeMap<>(program.shared()).forEach((name, value) ->
                printer.out.append("shared ").append(name).append(" = ").append(value).append('\n'));
        program.measures().forEach(printer::measure);
        program.tasks().forEach(printer::task);
        return printer.out.toString();
    }

    private void param(Param param) {
        out.append("param ").append(param.name()).append(" = ").append(literal(param.defaultValue())).append(' ')
                .append(param.type().keyword());
        if (param.min() != null) {
            out.append(' ').append(literal(param.min())).append("..").append(literal(param.max()));
        }
        if (!param.choices().isEmpty()) {
            out.append(' ').append(String.join(", ", param.choices()));
        }
        if (!param.description().isEmpty()) {
            out.append(' ').append(quote(param.description()));
        }
        out.append('\n');
    }

    private void measure(Measure measure) {
        out.append("measure ").append(measure.name()).append(" = ").append(measure.kind().word());
        switch (measure.kind().subject()) {
            case NONE -> { }
            case SHARED -> out.append(' ').append(measure.subject());
            case TEXT -> out.append(' ').append(quote(measure.subject()));
        }
        out.append('\n');
    }

    private void task(TaskSpec task) {
        out.append("task ").append(quote(task.name()));
        if (!task.after().isEmpty()) {
            out.append(" after ").append(quoteAll(task.after()));
        }
        out.append(":\n");
        steps(task.steps(), "  ");
    }

    private void steps(List<Step> steps, String indent) {
        for (Step step : steps) {
            out.append(indent);
            switch (step) {
                case Step.Wait wait -> out.append("wait ").append(time(wait.duration())).append(label(wait.label()));
                case Step.Cpu cpu -> out.append("cpu ").append(time(cpu.duration())).append(label(cpu.label()));
                case Step.Print print -> out.append("print ").append(quote(print.text()));
                case Step.Locked locked -> out.append("lock ").append(quote(locked.lock())).append(':');
                case Step.Update update -> out.append("update ").append(update.shared()).append(" by ")
                        .append(update.delta()).append(" thinking ").append(time(update.think()));
                case Step.Await await -> out.append("await ").append(quoteAll(await.tasks()));
                case Step.Timeout timeout -> out.append("timeout ").append(time(timeout.limit())).append(':');
                case Step.Fail fail -> out.append("fail ").append(quote(fail.message()));
            }
            out.append('\n');
            if (step instanceof Step.Locked locked) {
                steps(locked.body(), indent + "  ");
            } else if (step instanceof Step.Timeout timeout) {
                steps(timeout.body(), indent + "  ");
            }
        }
    }

    private static String literal(Value value) {
        return value instanceof Value.IntList list
                ? list.values().stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"))
                : value.display();
    }

    private static String time(Duration duration) {
        return Durations.format(duration);
    }

    private static String label(String label) {
        return label.isEmpty() ? "" : " " + quote(label);
    }

    private static String quoteAll(List<String> names) {
        return names.stream().map(ProgramPrinter::quote).collect(Collectors.joining(", "));
    }

    /** A string literal that reads back as the same text: quotes, backslashes and braces escaped. */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("{", "{{").replace("}", "}}") + "\"";
    }

    /** Parameter values in name order, for headers like {@code count=5; unit=10ms}. */
    static String describe(Map<String, String> values) {
        return new TreeMap<>(values).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
