package dev.asyncplayground.web;

import java.util.List;

/**
 * One press of Run as the page shows it: what was run, with which settings, and its runs.
 *
 * @param title    the exercise's title, or "Your scenario"
 * @param settings the parameters that differ from the scenario's defaults, and the speed if not 1
 * @param runs     one panel per ticked mode
 */
public record Comparison(String title, String settings, List<RunPanel> runs) {}
