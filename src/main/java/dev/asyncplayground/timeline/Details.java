package dev.asyncplayground.timeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The details events carry beyond their kind, task and thread: a number and a string index.
 *
 * <p>Equal details (the same wait of the same label, the same lock) are stored once, so a loop of
 * a million identical steps keeps one. Past {@value #SHARED} distinct details new ones are only
 * appended (12 bytes each), so the index that finds equal ones stays bounded. Not thread-safe:
 * {@link EventLog} guards it.
 */
final class Details {

    private static final int SHARED = 1 << 16;
    /** Rough heap bytes of one entry of the index: map node, key record, boxed index. */
    private static final int INDEX_ENTRY = 32 + 24 + 16;

    private record Key(long value, int text) {}

    private final Map<Key, Integer> index = new HashMap<>();
    private long[] values = new long[16];
    private int[] texts = new int[16];
    private int size;

    /** The index of the detail ({@code value}, {@code text}), stored now if it is new. */
    int of(long value, int text) {
        Key key = new Key(value, text);
        Integer known = index.get(key);
        if (known != null) {
            return known;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            texts = Arrays.copyOf(texts, size * 2);
        }
        values[size] = value;
        texts[size] = text;
        if (index.size() < SHARED) {
            index.put(key, size);
        }
        return size++;
    }

    long value(int detail) {
        return values[detail];
    }

    int text(int detail) {
        return texts[detail];
    }

    /** An estimate of the heap the details and their index take. */
    long retainedBytes() {
        return values.length * 12L + (long) index.size() * INDEX_ENTRY;
    }
}
