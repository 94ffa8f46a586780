package dev.asyncplayground.timeline;

/** One printed line, in the order printing really happened. */
public record OutputLine(double atMs, String task, String text) {}
