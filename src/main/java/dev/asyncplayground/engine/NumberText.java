package dev.asyncplayground.engine;

/** Writes a number as messages and the form show it: {@code 30}, {@code 0.5}, {@code 1000}, {@code 2.5}. */
final class NumberText {

    private NumberText() {
    }

    /** A whole number without a decimal point, any other as Java writes a double. */
    static String of(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
