package dev.asyncplayground.export;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.RunOptions;
import java.util.List;
import java.util.Optional;

/**
 * What to export to: a language, a style of it, and the run options the program mirrors.
 *
 * @param language the language
 * @param style    one of the styles the language offers for the options' mode
 * @param options  mode, speed (durations are divided by it), pool size and in-flight limit
 * @param title    a title for the file's header and, in Java, its class name
 */
public record ExportTarget(Language language, Style style, RunOptions options, String title) {

    /**
     * Why this language and style cannot express the mode, naming the valid choices; empty if they can.
     *
     * @param style the requested style, or null for the mode's default
     */
    public static Optional<String> problem(Language language, Mode mode, String style) {
        List<Style> styles = language.styles(mode.id());
        if (styles.isEmpty()) {
            return Optional.of(language.id() + " has no standard-library way to write " + mode.id()
                    + "; modes for " + language.id() + ": " + language.modes());
        }
        if (style != null && Style.byId(style).filter(styles::contains).isEmpty()) {
            return Optional.of("unknown style '" + style + "' for " + mode.id() + " in " + language.id()
                    + "; styles: " + Style.ids(styles));
        }
        return Optional.empty();
    }

    /** The target for a valid combination (see {@link #problem}); the mode's default style when none is given. */
    public static ExportTarget of(Language language, String style, RunOptions options, String title) {
        List<Style> styles = language.styles(options.mode().id());
        Style chosen = style == null ? styles.getFirst() : Style.byId(style).orElseThrow();
        if (!styles.contains(chosen)) {
            throw new IllegalArgumentException(problem(language, options.mode(), style).orElseThrow());
        }
        return new ExportTarget(language, chosen, options, title);
    }
}
