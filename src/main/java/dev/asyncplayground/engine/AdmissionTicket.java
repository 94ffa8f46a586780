package dev.asyncplayground.engine;

/**
 * Places a client holds in admission before its runs are built, so refusing costs nothing.
 *
 * <p>Taken with {@link RunRegistry#reserve} before a request is parsed, expanded or simulated;
 * each run started with it uses one place; closing it gives back the places not used. One
 * request's thread uses it.
 */
public final class AdmissionTicket implements AutoCloseable {

    private final Admission admission;
    private final String client;
    private int left;

    AdmissionTicket(Admission admission, String client, int places) {
        this.admission = admission;
        this.client = client;
        this.left = places;
    }

    String client() {
        return client;
    }

    /** Uses one place; false if none is left. */
    boolean take() {
        if (left == 0) {
            return false;
        }
        left--;
        return true;
    }

    /** Gives back the places not used. */
    @Override
    public void close() {
        if (left > 0) {
            admission.release(client, left);
            left = 0;
        }
    }
}
