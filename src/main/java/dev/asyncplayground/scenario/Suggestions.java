package dev.asyncplayground.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds the word a learner probably meant: a known synonym, the same word in other case, or a near spelling. */
final class Suggestions {

    private static final int MAX_WORD = 64;

    private Suggestions() {
    }

    /** The synonym of {@code word} in {@code synonyms}, else the closest candidate. */
    static Optional<String> meant(String word, Map<String, String> synonyms, Collection<String> candidates) {
        String synonym = synonyms.get(word.toLowerCase(Locale.ROOT));
        return synonym != null ? Optional.of(synonym) : closest(word, candidates);
    }

    /** The candidate nearest to {@code word} if it is near enough to be a slip of the keyboard. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        if (word.length() > MAX_WORD) {
            return Optional.empty();
        }
        int limit = word.length() <= 2 ? 0 : word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates.stream().sorted().toList()) {
            int d = candidate.equalsIgnoreCase(word) ? 0 : distance(word, candidate, limit);
            if (d < bestDistance && d <= limit && !candidate.equals(word)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Edits (insert, delete, replace, swap two neighbours) from a to b; anything above limit is limit + 1. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit || b.length() > MAX_WORD) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return Math.min(d[a.length()][b.length()], limit + 1);
    }
}
