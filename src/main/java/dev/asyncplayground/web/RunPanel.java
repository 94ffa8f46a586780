package dev.asyncplayground.web;

/**
 * One started run as the page shows it before any event arrives.
 *
 * @param id          the run's id, from which the page opens its event stream
 * @param mode        the mode's id
 * @param description what the mode does
 * @param idealMs     the ideal elapsed time, used to size the shared time axis from the start
 * @param speed       the time scale, so the page can estimate scenario time between events
 */
public record RunPanel(String id, String mode, String description, double idealMs, double speed) {}
