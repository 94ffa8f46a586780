package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimersTest {

    @Test
    void timersSetInOrderFireInOrder() {
        Timers timers = new Timers();
        for (int task = 0; task < 5; task++) {
            timers.add(100, task, 0, true);
        }
        assertEquals(List.of(0, 1, 2, 3, 4), firedTasks(timers, 100));
    }

    @Test
    void anEarlierTimerSetLaterFiresFirst() {
        Timers timers = new Timers();
        timers.add(300, 0, 0, true);
        timers.add(100, 1, 0, true);
        timers.add(300, 2, 0, true);
        timers.add(200, 3, 0, true);
        assertEquals(List.of(1, 3, 0, 2), firedTasks(timers, 300));
    }

    @Test
    void onlyDueTimersFire() {
        Timers timers = new Timers();
        timers.add(100, 0, 0, true);
        timers.add(200, 1, 0, true);
        assertEquals(List.of(0), firedTasks(timers, 150));
        assertEquals(200, timers.peek().at());
        assertEquals(List.of(1), firedTasks(timers, 200));
        assertNull(timers.peek());
    }

    @Test
    void randomTimesFireSortedByTimeThenBySettingOrder() {
        Random random = new Random(7);
        Timers timers = new Timers();
        List<long[]> set = new ArrayList<>();
        for (int task = 0; task < 2_000; task++) {
            long at = random.nextInt(50);
            timers.add(at, task, 0, true);
            set.add(new long[] {at, task});
        }
        set.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<Integer> expected = set.stream().map(timer -> (int) timer[1]).toList();
        assertEquals(expected, firedTasks(timers, Long.MAX_VALUE));
    }

    private static List<Integer> firedTasks(Timers timers, long now) {
        List<Integer> fired = new ArrayList<>();
        for (Timers.Timer timer = timers.pollDue(now); timer != null; timer = timers.pollDue(now)) {
            fired.add(timer.task());
        }
        return fired;
    }
}
