package dev.asyncplayground.export;

/** Source text built line by line, with an indentation that blocks open and close. */
final class Lines {

    private final StringBuilder text = new StringBuilder();
    private final String unit;
    private int depth;

    /** @param unit one level of indentation, e.g. four spaces */
    Lines(String unit) {
        this.unit = unit;
    }

    /** Adds one line at the current indentation (an empty line stays empty). */
    Lines add(String line) {
        if (!line.isEmpty()) {
            text.append(unit.repeat(depth));
        }
        text.append(line).append('\n');
        return this;
    }

    /** Adds one line, then indents the lines that follow. */
    Lines open(String line) {
        add(line);
        depth++;
        return this;
    }

    /** Goes back one level of indentation. */
    Lines close() {
        depth--;
        return this;
    }

    /** Goes back one level of indentation and adds a line there. */
    Lines close(String line) {
        depth--;
        return add(line);
    }

    /** Adds everything written to another {@code Lines}, at this one's indentation. */
    Lines addAll(Lines other) {
        String text = other.toString();
        for (String line : text.substring(0, Math.max(0, text.length() - 1)).split("\n", -1)) {
            add(line);
        }
        return this;
    }

    /** Adds a blank line. */
    Lines blank() {
        text.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
