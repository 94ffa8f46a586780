package dev.asyncplayground.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the problems found in one scenario: at most one per position, reported in text order. */
final class Diagnostics {

    private final List<Diagnostic> found = new ArrayList<>();
    private final Set<Long> places = new HashSet<>();

    void add(int line, int column, String message) {
        if (places.add(((long) line << 32) | column)) {
            found.add(new Diagnostic(line, column, message));
        }
    }

    void add(Pos pos, String message) {
        add(pos.line(), pos.column(), message);
    }

    void addAll(List<Diagnostic> diagnostics) {
        diagnostics.forEach(d -> add(d.line(), d.column(), d.message()));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** True once more problems than can be reported have been found. */
    boolean full() {
        return found.size() > ScenarioLimits.MAX_DIAGNOSTICS;
    }

    /** The problems sorted by position; past the cap, one last line says how many were left out. */
    List<Diagnostic> report() {
        List<Diagnostic> sorted = found.stream()
                .sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column))
                .toList();
        if (sorted.size() <= ScenarioLimits.MAX_DIAGNOSTICS) {
            return sorted;
        }
        List<Diagnostic> shown = new ArrayList<>(sorted.subList(0, ScenarioLimits.MAX_DIAGNOSTICS));
        Diagnostic next = sorted.get(ScenarioLimits.MAX_DIAGNOSTICS);
        int more = sorted.size() - ScenarioLimits.MAX_DIAGNOSTICS;
        shown.add(new Diagnostic(next.line(), next.column(), "and " + more + " more "
                + (more == 1 ? "problem" : "problems") + " (only the first "
                + ScenarioLimits.MAX_DIAGNOSTICS + " are shown)"));
        return shown;
    }
}
