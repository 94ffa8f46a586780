package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BurnWallTest {

    @Test
    void oneStepBurningCountsItsWallTimeAndOneCore() {
        BurnWall wall = new BurnWall(2);
        wall.started(1_000);
        wall.stopped(1_100);
        assertEquals(new CpuUse(90, 100, 100, 1, 2), wall.use(90, 5_000));
    }

    @Test
    void timeWithNoStepBurningIsLeftOut() {
        BurnWall wall = new BurnWall(2);
        wall.started(0);
        wall.stopped(10);
        wall.started(20);
        wall.stopped(30);
        assertEquals(20, wall.use(20, 40).wallNanos());
    }

    @Test
    void stepsBeyondTheCoresCanUseNoMoreThanTheCores() {
        BurnWall wall = new BurnWall(2);
        for (int i = 0; i < 3; i++) {
            wall.started(0);
        }
        wall.stopped(60);
        wall.stopped(80);
        wall.stopped(100);
        CpuUse use = wall.use(180, 100);
        assertEquals(100, use.wallNanos());
        assertEquals(2 * 60 + 2 * 20 + 20, use.coreNanos(), "two cores while three or two burn, then one");
        assertEquals(3, use.mostAtOnce());
    }

    @Test
    void aStepStillBurningCountsUpToNow() {
        BurnWall wall = new BurnWall(4);
        wall.started(0);
        wall.started(10);
        CpuUse use = wall.use(30, 20);
        assertEquals(20, use.wallNanos());
        assertEquals(10 + 2 * 10, use.coreNanos());
        wall.stopped(30);
        assertEquals(30 + 20, wall.use(50, 30).coreNanos(), "asking in between changes nothing");
    }
}
