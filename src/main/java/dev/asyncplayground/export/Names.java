package dev.asyncplayground.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Identifiers for the scenario's tasks and locks in one language: readable, valid and distinct.
 *
 * <p>{@code "call 1"} becomes {@code call_1} in Python and {@code call1} in Java; a name that would
 * clash with a reserved word, a name the file already uses or another task gets a suffix.
 */
final class Names {

    private final boolean camel;
    private final Set<String> taken;
    private final Map<String, String> given = new HashMap<>();

    /**
     * @param camel    true for Java's {@code lowerCamel}, false for Python's {@code snake_case}
     * @param reserved the language's keywords and the names the file itself uses
     */
    Names(boolean camel, Set<String> reserved) {
        this.camel = camel;
        this.taken = new HashSet<>(reserved);
    }

    /** The identifier for a name of the given kind ({@code "task"} or {@code "lock"}), the same each time. */
    String of(String kind, String name) {
        return given.computeIfAbsent(kind + "\u0000" + name, key -> fresh(kind, name));
    }

    private String fresh(String kind, String name) {
        String base = words(kind.equals("lock") ? name + " lock" : name);
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = words(kind + " " + base);
        }
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + (camel ? "" : "_") + n;
        }
        return candidate;
    }

    private String words(String name) {
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (char c : name.toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                if (gap && !out.isEmpty()) {
                    out.append(camel ? "" : "_");
                    c = camel ? Character.toUpperCase(c) : c;
                }
                out.append(camel && out.isEmpty() ? Character.toLowerCase(c) : c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return camel ? out.toString() : out.toString().toLowerCase();
    }
}
