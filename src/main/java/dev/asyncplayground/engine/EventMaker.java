package dev.asyncplayground.engine;

import dev.asyncplayground.timeline.TimelineEvent;

/** Builds an event once its world knows when it happened and which OS thread recorded it. */
@FunctionalInterface
interface EventMaker {

    TimelineEvent make(long atNanos, String thread);
}
