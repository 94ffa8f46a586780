package dev.asyncplayground.scenario;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes fuzz inputs: golden files with random edits, random printable or binary text, and token soup. */
final class Mutator {

    private static final List<String> VOCABULARY = List.of(
            "param", "shared", "task", "for", "in", "if", "else", "wait", "cpu", "print", "lock", "update", "await",
            "timeout", "fail", "and", "or", "not", "true", "false", "after", "by", "thinking", "list", "of", "int",
            "duration", "bool", "choice", ":", ",", "(", ")", "[", "]", "=", "==", "!=", "<", "<=", ">", ">=", "+",
            "-", "*", "/", "%", "..", ".", "!", "&&", "|", ";", "{", "}", "\"", "'", "#", "\\", "0", "1", "7", "30",
            "-1", "999999999999999999", "1000000000", "1.5", "1ms", "100ms", "1s", "1.5s", "2min", "0ms", "1441min",
            "999999999min", "\"n{i}\"", "\"{\"", "\"}\"", "\"{{\"", "\"a\\\"b\"", "\"{1 / 0}\"", "\"{i * unit}\"",
            "\"\"", "i", "count", "sleepers", "unit", "kind", "balance", "x", "n1", "washer", "\n", "\r\n", "\r",
            "  ", "\t", "\n  ", "\n    ", "\u0000", "\uFEFF", "\u00A0", "é", "🎉", "\uD800", "“");

    private static final List<String> NUMBERS = List.of("0", "1", "2", "3", "-1", "10001", "1000000000",
            "999999999999999999");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Random random;
    private final List<String> seeds;
    private final List<String> valid;

    /** Mutates the given texts; those that parse are also changed gently, to explore expansion. */
    Mutator(Random random, List<String> seeds) {
        this.random = random;
        this.seeds = seeds;
        this.valid = seeds.stream().filter(seed -> ScenarioParser.parse(seed).ok()).toList();
    }

    String next() {
        return switch (random.nextInt(10)) {
            case 0 -> printable(random.nextInt(300));
            case 1 -> binary(random.nextInt(200));
            case 2 -> soup(random.nextInt(80));
            case 3, 4 -> renumber(valid.get(random.nextInt(valid.size())));
            case 5, 6 -> mutate(valid.get(random.nextInt(valid.size())), 1);
            default -> mutate(seed(), 1 + random.nextInt(4));
        };
    }

    private String seed() {
        return seeds.get(random.nextInt(seeds.size()));
    }

    private String renumber(String text) {
        Matcher digits = DIGITS.matcher(text);
        StringBuilder result = new StringBuilder();
        while (digits.find()) {
            String number = random.nextInt(4) == 0 ? NUMBERS.get(random.nextInt(NUMBERS.size())) : digits.group();
            digits.appendReplacement(result, number);
        }
        return digits.appendTail(result).toString();
    }

    private String mutate(String text, int edits) {
        String result = text;
        for (int i = 0; i < edits; i++) {
            result = edit(result);
        }
        return result;
    }

    private String edit(String text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        int to = Math.min(text.length(), at + random.nextInt(40));
        return switch (random.nextInt(8)) {
            case 0 -> text.substring(0, at) + text.substring(to);
            case 1 -> text.substring(0, to) + text.substring(at, to) + text.substring(to);
            case 2 -> text.substring(0, at) + word() + text.substring(at);
            case 3 -> text.substring(0, at) + (char) random.nextInt(0x10000) + text.substring(to == at ? at : at + 1);
            case 4 -> swapLines(text);
            case 5 -> reindent(text);
            case 6 -> text.substring(0, at) + tail(seed());
            default -> text.substring(0, at);
        };
    }

    private String tail(String other) {
        return other.substring(random.nextInt(other.length() + 1));
    }

    private String swapLines(String text) {
        String[] lines = text.split("\n", -1);
        int a = random.nextInt(lines.length);
        int b = random.nextInt(lines.length);
        String line = lines[a];
        lines[a] = lines[b];
        lines[b] = line;
        return String.join("\n", lines);
    }

    private String reindent(String text) {
        String[] lines = text.split("\n", -1);
        int a = random.nextInt(lines.length);
        lines[a] = " ".repeat(random.nextInt(9)) + lines[a].stripLeading();
        return String.join("\n", lines);
    }

    private String word() {
        return VOCABULARY.get(random.nextInt(VOCABULARY.size()));
    }

    private String printable(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int roll = random.nextInt(20);
            text.append(roll == 0 ? '\n' : roll == 1 ? ' ' : (char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    private String binary(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return text.toString();
    }

    private String soup(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(word()).append(random.nextInt(4) == 0 ? "" : " ");
        }
        return text.toString();
    }
}
