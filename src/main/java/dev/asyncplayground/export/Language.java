package dev.asyncplayground.export;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A language a program can be exported to, with the styles it offers for each mode.
 *
 * <p>The first style listed for a mode is its default. A mode missing from the table has no
 * standard-library counterpart in that language.
 */
public enum Language {
    PYTHON("python", "py", Map.of(
            "sequential", List.of(Style.PLAIN),
            "event-loop", List.of(Style.ASYNCIO, Style.CALLBACKS, Style.FUTURES),
            "virtual-threads", List.of(Style.ASYNCIO),
            "platform-threads", List.of(Style.THREADS, Style.PROCESSES))),
    JAVA("java", "java", Map.of(
            "sequential", List.of(Style.PLAIN),
            "virtual-threads", List.of(Style.EXECUTOR, Style.FUTURES),
            "platform-threads", List.of(Style.EXECUTOR, Style.FUTURES)));

    private final String id;
    private final String extension;
    private final Map<String, List<Style>> styles;

    Language(String id, String extension, Map<String, List<Style>> styles) {
        this.id = id;
        this.extension = extension;
        this.styles = styles;
    }

    /** The name used in the API, e.g. {@code python}. */
    public String id() {
        return id;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The styles this language offers for a mode (by mode id), the default first; empty if none. */
    public List<Style> styles(String mode) {
        return styles.getOrDefault(mode, List.of());
    }

    /** The language with this id, if any. */
    public static Optional<Language> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }

    /** All ids, comma separated, for error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Language::id).collect(Collectors.joining(", "));
    }

    /** The modes this language can export, comma separated, for error messages. */
    public String modes() {
        return styles.keySet().stream().sorted().collect(Collectors.joining(", "));
    }
}
