package dev.asyncplayground.web;

/**
 * What the error page shows.
 *
 * @param status  the HTTP status
 * @param heading a few words for the title and heading
 * @param message what went wrong, for the reader
 */
public record ErrorPage(int status, String heading, String message) {
}
