package dev.asyncplayground.scenario;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A typed value of a parameter or an expression: a whole number, duration, boolean, list or text. */
public sealed interface Value {

    /** How the value reads inside printed text and form fields. */
    String display();

    /** A whole number. */
    record Int(long value) implements Value {
        public String display() {
            return Long.toString(value);
        }
    }

    /** A length of time. */
    record Dur(Duration value) implements Value {
        public String display() {
            return Durations.format(value);
        }
    }

    /** True or false. */
    record Bool(boolean value) implements Value {
        public String display() {
            return Boolean.toString(value);
        }
    }

    /** A list of whole numbers. */
    record IntList(List<Long> values) implements Value {
        public IntList {
            values = List.copyOf(values);
        }

        public String display() {
            return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
    }

    /** A piece of text, such as one of a choice parameter's options. */
    record Text(String value) implements Value {
        public String display() {
            return value;
        }
    }
}
