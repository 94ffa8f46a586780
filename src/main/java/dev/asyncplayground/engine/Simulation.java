package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A discrete-event simulation of a program under a mode's rules, with zero overhead.
 *
 * <p>Tasks go through the same {@link TaskCursor} as in a real run, on a simulated clock. A task
 * needs a slot ({@link SimRules#slots()}) from its start to its end; CPU steps are scheduled on
 * {@link SimRules#cpus()} CPUs either non-preemptively on carriers or time-sliced (see
 * {@link SimRules}); waits, locks, awaits and timeouts go through an {@link Agenda}.
 */
final class Simulation {

    private record BurnEnd(long at, long seq, int task, boolean met) {}

    private final SimWorld world;
    private final SimRules rules;
    private final Agenda agenda;
    private final TaskCursor[] cursors;
    private final PriorityQueue<BurnEnd> burning =
            new PriorityQueue<>(Comparator.comparingLong(BurnEnd::at).thenComparingLong(BurnEnd::seq));
    private final CpuShare share;
    private final StepChains chains;
    private int freeCpus;
    private int freeSlots;
    private int admitted;
    private int unfinished;
    private long seq;
    private long carrierBusy;
    private long cpuWall;

    Simulation(Program program, SimRules rules) {
        this.world = new SimWorld(program, rules.oneAtATime());
        this.rules = rules;
        this.unfinished = program.tasks().size();
        this.chains = new StepChains(unfinished, rules.oneAtATime());
        this.agenda = new Agenda(unfinished, world::ended, task -> chains.readied(task, world.now()));
        this.cursors = new TaskCursor[unfinished];
        this.share = new CpuShare(rules.cpus());
        this.freeCpus = rules.cpus();
        this.freeSlots = rules.slots();
    }

    /** Runs the simulation until every task has ended, or until the unfinished ones are stuck for good. */
    IdealTime.Result run() {
        admit();
        while (true) {
            dispatch();
            long now = world.now();
            long next = Math.min(agenda.nextTimerAt(), Math.min(nextBurnEnd(), share.nextEvent(now)));
            if (unfinished == 0 || next == Long.MAX_VALUE) {
                return new IdealTime.Result(now, carrierBusy + share.busyNanos(), unfinished == 0, cpuWall,
                        chains.longest(), share.uneven());
            }
            if (!burning.isEmpty() || share.burning()) {
                cpuWall += next - now;
            }
            share.advance(next - now);
            world.advanceTo(next);
            chains.timersFire();
            agenda.fireDue(next);
            endBurns(next);
        }
    }

    private void admit() {
        while (freeSlots > 0 && admitted < cursors.length) {
            int task = admitted++;
            freeSlots--;
            cursors[task] = new TaskCursor(world, task, agenda::unlock);
            agenda.ready(task, true);
        }
    }

    private void dispatch() {
        while (agenda.hasReady() && (!rules.carriers() || freeCpus > 0)) {
            Agenda.Resume next = agenda.nextReady();
            if (rules.carriers()) {
                freeCpus--;
                chains.getsCarrier(next.task(), world.now());
            }
            chains.resumes(next.task());
            drive(next.task(), next.met());
        }
    }

    private void drive(int task, boolean met) {
        TaskCursor cursor = cursors[task];
        Need need = cursor.advance(met);
        while (need != null) {
            need = switch (need) {
                case Need.Sleep sleep -> {
                    agenda.sleep(task, sleep);
                    yield letGo();
                }
                case Need.Burn burn -> {
                    burn(task, burn);
                    yield null;
                }
                case Need.Lock lock -> agenda.lock(task, lock) ? cursor.advance(true) : letGo();
                case Need.Join join -> agenda.join(task, join) ? cursor.advance(true) : letGo();
                case Need.Finished finished -> {
                    finish(task);
                    yield null;
                }
            };
        }
    }

    private void burn(int task, Need.Burn burn) {
        long now = world.now();
        if (!rules.carriers()) {
            share.add(task, burn.nanos(), burn.deadline());
            return;
        }
        long room = burn.deadline() == TaskCursor.NO_DEADLINE ? Long.MAX_VALUE : Math.max(0, burn.deadline() - now);
        long length = Math.min(burn.nanos(), room);
        carrierBusy += length;
        burning.add(new BurnEnd(now + length, seq++, task, burn.nanos() <= room));
    }

    private long nextBurnEnd() {
        BurnEnd first = burning.peek();
        return first == null ? Long.MAX_VALUE : first.at();
    }

    private void endBurns(long now) {
        while (!burning.isEmpty() && burning.peek().at() <= now) {
            BurnEnd end = burning.poll();
            chains.goesOnAfterItsCpuStep(end.task());
            drive(end.task(), end.met());
        }
        for (CpuShare.Done done : share.due(now)) {
            chains.goesOnAfterItsCpuStep(done.task());
            drive(done.task(), done.met());
        }
    }

    /** The task stops using its CPU (it waits, or is parked). */
    private Need letGo() {
        if (rules.carriers()) {
            freeCpus++;
            chains.leavesCarrier();
        }
        return null;
    }

    private void finish(int task) {
        letGo();
        cursors[task] = null;
        unfinished--;
        agenda.ended(task);
        freeSlots++;
        admit();
    }
}
