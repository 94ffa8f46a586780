package dev.asyncplayground.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores each distinct string of a log once and hands out its index.
 *
 * <p>Not thread-safe: the log calls it under its lock. The last string seen is remembered by
 * identity, so a run of events naming the same thread or label costs no hashing.
 */
final class Interner {

    /** Rough heap bytes of one distinct string: the String, its array, a map entry and a list slot. */
    private static final int OVERHEAD = 40 + 16 + 48 + 8;

    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private String last;
    private int lastIndex = -1;
    private long bytes;

    Interner() {
        index("");
    }

    /** The index of {@code text}, adding it the first time it is seen. */
    int index(String text) {
        if (text == last) {
            return lastIndex;
        }
        Integer known = indexes.get(text);
        int index;
        if (known != null) {
            index = known;
        } else {
            index = strings.size();
            strings.add(text);
            indexes.put(text, index);
            bytes += OVERHEAD + text.length();
        }
        last = text;
        lastIndex = index;
        return index;
    }

    String get(int index) {
        return strings.get(index);
    }

    int size() {
        return strings.size();
    }

    /** An estimate of the heap the strings and their index take. */
    long retainedBytes() {
        return bytes;
    }
}
