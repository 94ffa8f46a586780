package dev.asyncplayground.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A string of scenario text with its {@code {expression}} holes, such as {@code "n{i}"}.
 *
 * @param parts literal text and holes, in order; adjacent texts are already joined
 * @param pos   where the opening quote stands
 */
record Template(List<Part> parts, Pos pos) {

    Template {
        parts = List.copyOf(parts);
    }

    /** One piece of a template. */
    sealed interface Part {

        /** Text taken as it is. */
        record Text(String text) implements Part {}

        /** An expression whose value is written in its place. */
        record Hole(Expr expr) implements Part {}
    }

    /** A template with no text at all, for a step written without a label. */
    static Template empty(Pos pos) {
        return new Template(List.of(), pos);
    }

    /** The text, if the template has no holes. */
    Optional<String> fixed() {
        if (parts.isEmpty()) {
            return Optional.of("");
        }
        return parts.size() == 1 && parts.getFirst() instanceof Part.Text text
                ? Optional.of(text.text()) : Optional.empty();
    }
}
