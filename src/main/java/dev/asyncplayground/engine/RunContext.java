package dev.asyncplayground.engine;

import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * What the registry gives a run besides its program and options.
 *
 * @param ideal   the simulated ideal run
 * @param speed   the speed asked for and the one the run goes at, with why they differ
 * @param cores   CPUs of the machine, for the summary's CPU figures
 * @param threads the registry's count of live engine threads
 * @param onEnd   called once when the run has ended (also when cancelled while queued)
 * @param place   the run's place in the admission queue (1 = next), 0 when not waiting
 */
record RunContext(IdealTime.Result ideal, SpeedChoice speed, int cores, LiveThreads threads, Consumer<Run> onEnd,
                  ToIntFunction<Run> place) {}
