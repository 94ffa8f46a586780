/*
 * scrub.js: the time cursor of a finished comparison. A slider (arrows step, Shift+arrows step
 * ten times further, PageUp/PageDown too, Home and End jump) sets the instant every timeline of
 * the comparison is cut at; each output panel then shows only the lines printed by then.
 */
(function () {
  'use strict';

  const STEPS = 200;
  const BIG_STEP = 20;
  const BIG_KEYS = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 };

  function apply(comparison, redraw) {
    const slider = comparison.querySelector('.scrubber');
    const endMs = Number(comparison.dataset.endMs);
    const value = Number(slider.value);
    const atMs = endMs * value / STEPS;
    if (value >= STEPS) delete comparison.dataset.cursorMs;
    else comparison.dataset.cursorMs = atMs;
    comparison.querySelector('.scrub-at').textContent =
      `${window.Timeline.seconds(atMs)} of ${window.Timeline.seconds(endMs)}`;
    comparison.querySelectorAll('.output li[data-at-ms]').forEach((li) => {
      li.hidden = value < STEPS && Number(li.dataset.atMs) > atMs;
    });
    redraw();
  }

  /** Shows the slider of a finished comparison whose runs end by endMs, at its end. */
  function enable(comparison, endMs, redraw) {
    const label = comparison.querySelector('.scrub');
    const slider = label.querySelector('.scrubber');
    label.hidden = false;
    comparison.dataset.endMs = endMs;
    slider.max = STEPS;
    slider.value = STEPS;
    if (!slider.dataset.bound) {
      slider.dataset.bound = 'yes';
      slider.addEventListener('input', () => apply(comparison, redraw));
      slider.addEventListener('keydown', (event) => {
        if (!event.shiftKey || !(event.key in BIG_KEYS)) return;
        event.preventDefault();
        slider.value = Math.min(STEPS, Math.max(0, Number(slider.value) + BIG_KEYS[event.key] * BIG_STEP));
        apply(comparison, redraw);
      });
    }
    apply(comparison, redraw);
  }

  window.Scrub = { enable, STEPS };
})();
