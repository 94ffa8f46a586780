package dev.asyncplayground.scenario;

/** Describes characters that have no place in scenario text, with a hint at what was meant. */
final class Characters {

    private Characters() {
    }

    /** The character as a message shows it: {@code '§' (U+00A7)}, or just the code for invisible ones. */
    static String show(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        return isVisible(codePoint) ? "'" + new String(Character.toChars(codePoint)) + "' (" + code + ")" : code;
    }

    /** A hint that starts with "; " (or " (") and says what to write instead; empty if there is none. */
    static String hint(int codePoint, int next) {
        return switch (codePoint) {
            case '!' -> "; write 'not' to negate a condition, or != for 'is not equal to'";
            case '&' -> next == '&' ? "; write 'and' instead of &&" : "; write 'and' to combine conditions";
            case '|' -> "; write 'or' to combine conditions";
            case '.' -> "; ranges use two dots, like 1..10";
            case ';' -> "; put each step on its own line instead";
            case '{', '}' -> "; braces belong inside strings, like \"n{i}\"";
            case '`' -> "; strings use double quotes, like \"hello\"";
            case '\\' -> "; a backslash only has a meaning inside strings";
            case '\u201C', '\u201D', '\u201E', '\u2018', '\u2019' -> "; use a straight double quote (\") for strings";
            case '\u00A0' -> " (a no-break space); use an ordinary space";
            case '\uFEFF', '\u200B' -> " (an invisible character); delete it";
            default -> Character.isLetter(codePoint)
                    ? "; names use only the letters a-z and A-Z, digits and _ (any character may appear in strings"
                            + " and comments)"
                    : "";
        };
    }

    /** True for characters that are never part of a token: control characters and everything past ASCII. */
    static boolean isJunk(int c) {
        return c >= 0x7F || c >= 0 && c < ' ' && c != '\n' && c != '\t';
    }

    private static boolean isVisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.SURROGATE,
                 Character.PRIVATE_USE -> false;
            default -> true;
        };
    }
}
