package dev.asyncplayground.scenario;

import java.util.List;
import java.util.Map;

/** What the parser says about a line that starts wrongly: a statement out of place, or a word that starts nothing. */
final class Advice {

    /** Where a statement stands, which decides what may stand there. */
    enum Context { TOP, GENERATOR, TASK }

    private static final List<String> TOP_WORDS = List.of("param", "shared", "task", "for", "if", "else", "else if");
    private static final List<String> STEP_WORDS = List.of("wait", "cpu", "print", "lock", "update", "await",
            "timeout", "fail", "for", "if", "else", "else if");
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("sleep", "wait"), Map.entry("pause", "wait"), Map.entry("delay", "wait"),
            Map.entry("work", "cpu"), Map.entry("compute", "cpu"), Map.entry("busy", "cpu"),
            Map.entry("echo", "print"), Map.entry("say", "print"), Map.entry("log", "print"),
            Map.entry("println", "print"), Map.entry("mutex", "lock"), Map.entry("synchronized", "lock"),
            Map.entry("join", "await"), Map.entry("throw", "fail"), Map.entry("raise", "fail"),
            Map.entry("error", "fail"), Map.entry("increment", "update"), Map.entry("elif", "else if"),
            Map.entry("while", "for"), Map.entry("def", "task"), Map.entry("job", "task"),
            Map.entry("var", "param"), Map.entry("let", "param"));

    private Advice() {
    }

    /** Why a statement cannot stand in this context, or empty if it can. */
    static String misplaced(Token first, Context context) {
        String word = "'" + first.lexeme() + "'";
        return switch (first.type()) {
            case PARAM, SHARED -> context == Context.TOP ? ""
                    : word + " lines belong at the top level, not inside a block";
            case TASK -> context != Context.TASK ? "" : "a task cannot contain another task; write 'task' lines at"
                    + " the top level, or inside a top-level 'for' or 'if'";
            case WAIT, CPU, PRINT, LOCK, UPDATE, AWAIT, TIMEOUT, FAIL -> context == Context.TASK ? ""
                    : word + " is a step, so it belongs inside a task: indent it under a 'task' line";
            default -> "";
        };
    }

    /** What to say about a line that starts with a word that is no statement. */
    static String unknownStatement(String word, boolean assignment, Context context) {
        if (assignment) {
            return "a line cannot start with '" + word + " ='; to change a shared value, write update " + word
                    + " by 1";
        }
        boolean inTask = context == Context.TASK;
        List<String> words = inTask ? STEP_WORDS : TOP_WORDS;
        String meant = Suggestions.meant(word, SYNONYMS, words).filter(words::contains)
                .or(() -> Suggestions.closest(word, words)).map(m -> "; did you mean '" + m + "'?").orElse("");
        if (inTask) {
            return "unknown step '" + word + "'" + (meant.isEmpty()
                    ? "; the steps are wait, cpu, print, lock, update, await, timeout and fail" : meant);
        }
        return "'" + word + "' cannot start a line here" + (meant.isEmpty()
                ? "; a line here starts with param, shared, task, for or if" : meant);
    }
}
