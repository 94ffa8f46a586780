package dev.asyncplayground.engine;

/** What admission said to a request for places: a ticket holding them, or why there is no room. */
public sealed interface Reservation {

    /** The places are held; close the ticket when done, and those not used are given back. */
    record Granted(AdmissionTicket ticket) implements Reservation {}

    /** No place is held. */
    record Refused(Busy busy) implements Reservation {}
}
