package dev.asyncplayground.timeline;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Names packed into one array of UTF-8 bytes: an unmodifiable list that makes each string when asked.
 *
 * <p>A run of a million tasks keeps its task names for as long as it is kept; as strings they
 * would take about 50 bytes each, packed about 12.
 */
public final class PackedNames extends AbstractList<String> implements RandomAccess {

    private final byte[] bytes;
    private final int[] ends;

    private PackedNames(byte[] bytes, int[] ends) {
        this.bytes = bytes;
        this.ends = ends;
    }

    /** The names packed, or the list itself if it is packed already. */
    public static PackedNames of(List<String> names) {
        if (names instanceof PackedNames packed) {
            return packed;
        }
        int[] ends = new int[names.size()];
        byte[] bytes = new byte[Math.max(16, names.size() * 8)];
        int length = 0;
        for (int i = 0; i < ends.length; i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
            if (length + name.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + name.length));
            }
            System.arraycopy(name, 0, bytes, length, name.length);
            length += name.length;
            ends[i] = length;
        }
        return new PackedNames(Arrays.copyOf(bytes, length), ends);
    }

    @Override
    public String get(int index) {
        int start = index == 0 ? 0 : ends[index - 1];
        return new String(bytes, start, ends[index] - start, StandardCharsets.UTF_8);
    }

    @Override
    public int size() {
        return ends.length;
    }

    /** An estimate of the heap the packed names take. */
    public long retainedBytes() {
        return 48L + bytes.length + 4L * ends.length;
    }
}
