package dev.asyncplayground.scenario;

import java.util.List;

/**
 * The values a {@code for} loop's variable takes, known without listing a range.
 *
 * @param first the first value of a range
 * @param count how many rounds the loop runs
 * @param items a list's items, or empty for a range
 */
record Rounds(long first, long count, List<Long> items) {

    static Rounds of(Stmt.Loop source, Evaluator evaluator) {
        return switch (source) {
            case Stmt.Loop.Range range -> {
                long from = evaluator.integer(range.from());
                long to = evaluator.integer(range.to());
                yield new Rounds(from, to < from ? 0 : size(from, to), List.of());
            }
            case Stmt.Loop.Each each -> {
                List<Long> items = evaluator.list(each.list());
                yield new Rounds(0, items.size(), items);
            }
        };
    }

    /** The variable's value in round {@code k}, counting from 0. */
    long value(long k) {
        return items.isEmpty() ? first + k : items.get((int) k);
    }

    private static long size(long from, long to) {
        long difference = to - from;
        return difference < 0 || difference == Long.MAX_VALUE ? Long.MAX_VALUE : difference + 1;
    }
}
