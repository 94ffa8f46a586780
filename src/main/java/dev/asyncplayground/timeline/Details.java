package dev.asyncplayground.timeline;

import java.util.Arrays;

/**
 * The details events carry beyond their kind, task and thread: a number and a string index.
 *
 * <p>Equal details (the same wait of the same label, the same lock) are usually stored once, so a
 * loop of a million identical steps keeps one: a fixed table of {@value #SLOTS} slots, indexed by
 * the detail's hash, remembers the last detail of each hash. A detail that is new, or whose slot
 * another took, is appended (12 bytes). So the memory per event stays bounded even when every
 * detail differs, and nothing grows to find equal ones. Not thread-safe: {@link EventLog} guards it.
 */
final class Details {

    private static final int SLOTS = 1 << 12;

    private final int[] recent = new int[SLOTS];
    private long[] values = new long[16];
    private int[] texts = new int[16];
    private int size;

    /** The index of the detail ({@code value}, {@code text}), stored now unless it was stored lately. */
    int of(long value, int text) {
        int slot = slot(value, text);
        int known = recent[slot] - 1;
        if (known >= 0 && values[known] == value && texts[known] == text) {
            return known;
        }
        if (size == values.length) {
            long[] moreValues = Arrays.copyOf(values, size * 2);
            int[] moreTexts = Arrays.copyOf(texts, size * 2);
            values = moreValues;
            texts = moreTexts;
        }
        values[size] = value;
        texts[size] = text;
        recent[slot] = size + 1;
        return size++;
    }

    long value(int detail) {
        return values[detail];
    }

    int text(int detail) {
        return texts[detail];
    }

    /** An estimate of the heap the details and their table take. */
    long retainedBytes() {
        return values.length * 12L + SLOTS * 4L;
    }

    private static int slot(long value, int text) {
        long hash = (value * 0x9E3779B97F4A7C15L) ^ (text * 0xC2B2AE3D27D4EB4FL);
        return (int) (hash >>> 52) & (SLOTS - 1);
    }
}
