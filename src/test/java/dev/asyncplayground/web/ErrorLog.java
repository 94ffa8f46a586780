package dev.asyncplayground.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies what the app logs (slf4j-simple writes to {@code System.err}) while it is open, so a
 * test can check that a refusal left no ERROR or stack trace behind.
 */
final class ErrorLog implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private ErrorLog() {
    }

    static ErrorLog capture() {
        ErrorLog log = new ErrorLog();
        System.setErr(new PrintStream(new Tee(log.original, log.copy), true, StandardCharsets.UTF_8));
        return log;
    }

    /** Everything logged since {@link #capture()}. */
    String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (second) {
                second.write(bytes, offset, length);
            }
            try {
                first.write(bytes, offset, length);
            } catch (IOException ignored) {
                // the console is only a copy; the test reads the buffer
            }
        }
    }
}
