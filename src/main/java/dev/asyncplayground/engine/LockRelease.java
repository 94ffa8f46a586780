package dev.asyncplayground.engine;

/** Lets go of a named lock held by the calling task: how depends on the model. */
@FunctionalInterface
interface LockRelease {

    void release(String lock);
}
