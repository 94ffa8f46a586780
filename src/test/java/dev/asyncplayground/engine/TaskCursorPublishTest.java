package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.asyncplayground.scenario.Step;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A cursor wakes a task's viewers when the task is about to wait or compute, not when it has ended.
 *
 * <p>A task's end is left to what its thread does next (the models publish when a thread goes idle
 * or leaves: {@code EventsPublishedPerStepTest}). These tests count the cursor's publishes in a
 * simulated world.
 */
class TaskCursorPublishTest {

    private final AtomicInteger publishes = new AtomicInteger();

    private TaskWorld countingPublishes(List<Step> steps) {
        SimWorld world = new SimWorld(program(task("t", steps.toArray(Step[]::new))), false);
        return (TaskWorld) Proxy.newProxyInstance(TaskWorld.class.getClassLoader(), new Class<?>[] {TaskWorld.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("publish")) {
                        publishes.incrementAndGet();
                    }
                    try {
                        return method.invoke(world, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
    }

    private TaskCursor cursorOver(Step... steps) {
        return new TaskCursor(countingPublishes(List.of(steps)), 0, lock -> { });
    }

    @Test
    void aTaskThatEndsWithoutWaitingIsNotPublishedByItsCursor() {
        Need need = cursorOver(print("x"), print("y")).advance(true);
        assertEquals(Need.FINISHED, need);
        assertEquals(0, publishes.get(), "its thread's next step, or the model, publishes its end");
    }

    @Test
    void aTaskAboutToWaitIsPublishedOnce() {
        Need need = cursorOver(print("x"), waitMs(10), print("y")).advance(true);
        assertInstanceOf(Need.Sleep.class, need);
        assertEquals(1, publishes.get());
    }

    @Test
    void aTaskAboutToComputeIsPublishedOnce() {
        Need need = cursorOver(print("x"), cpuMs(10)).advance(true);
        assertInstanceOf(Need.Burn.class, need);
        assertEquals(1, publishes.get());
    }

    @Test
    void theStretchAfterTheLastWaitEndsTheTaskWithoutAPublish() {
        TaskCursor cursor = cursorOver(waitMs(10), print("y"));
        cursor.advance(true);
        Need need = cursor.advance(true);
        assertEquals(Need.FINISHED, need);
        assertEquals(1, publishes.get(), "only the stretch that led to the wait was published");
    }
}
