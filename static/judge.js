/*
 * judge.js: the figures of a comparison's table: speedups against a stated baseline, guesses
 * against measured times, metrics. The history's table uses the same rules.
 */
(function () {
  'use strict';

  const { seconds } = window.Timeline;

  /** Below this many scenario milliseconds a ratio of elapsed times says nothing: it is noise. */
  const SHORTEST_COMPARED_MS = 1;

  /**
   * Speedup of every finished run against a baseline named in the column's header: the sequential
   * run of the comparison, or without one the slowest run shown. Runs too short to time give "—".
   */
  function updateSpeedups(comparison) {
    const finished = [...comparison.querySelectorAll('tbody tr[data-elapsed-ms]')];
    if (finished.length === 0) return;
    const sequential = finished.find((row) => row.dataset.mode === 'sequential');
    const base = sequential || finished.reduce((a, b) => (Number(b.dataset.elapsedMs) > Number(a.dataset.elapsedMs) ? b : a));
    const baseMs = Number(base.dataset.elapsedMs);
    comparison.querySelector('.speedup-head').textContent = `speedup vs ${sequential ? '' : 'slowest, '}${base.dataset.mode}`;
    finished.forEach((row) => {
      const elapsed = Number(row.dataset.elapsedMs);
      const cell = row.querySelector('.speedup');
      cell.textContent = Judge.speedup(baseMs, elapsed);
      cell.title = cell.textContent === '—' ? 'too short to compare: under 1 ms'
        : `${base.dataset.mode} took ${seconds(baseMs)}, this run ${seconds(elapsed)}`;
    });
  }

  /** Ratios and judgements shared with the history's comparison table. */
  const Judge = {
    speedup(baseMs, elapsedMs) {
      const timeable = elapsedMs >= SHORTEST_COMPARED_MS && baseMs >= SHORTEST_COMPARED_MS;
      return timeable ? (baseMs / elapsedMs).toFixed(2) + '×' : '—';
    },
    /** "+25 % (too long)" for a guess against the measured time, or '' without a guess. */
    guessError(predictedMs, elapsedMs) {
      if (predictedMs === null || predictedMs === undefined || Number.isNaN(predictedMs)) return '';
      if (elapsedMs < SHORTEST_COMPARED_MS) return 'too short to judge';
      const error = Math.round((predictedMs - elapsedMs) / elapsedMs * 100);
      if (Math.abs(error) <= 10) return `${error >= 0 ? '+' : ''}${error} % (close!)`;
      return `${error > 0 ? '+' : ''}${error} % (${error > 0 ? 'too long' : 'too short'})`;
    },
    /**
     * One measured figure for reading, as [label, value]: its camel-case key as words, times (keys
     * ending in Ms) in seconds like the rest of the table, shares (ending in Percent) with a % sign.
     */
    metricText(name, value) {
      const words = (key) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
      if (name.endsWith('Ms')) return [words(name.slice(0, -2)), seconds(value)];
      if (name.endsWith('Percent')) return [words(name.slice(0, -7)), value.toFixed(1) + ' %'];
      return [words(name), String(value)];
    },
    /** A run's measured figures on one line, e.g. "lost updates 4, final balance 110"; '—' without any. */
    metrics(summary) {
      const metrics = summary && summary.metrics;
      if (!metrics || Object.keys(metrics).length === 0) return '—';
      return Object.entries(metrics).map(([name, value]) => Judge.metricText(name, value).join(' ')).join(', ');
    },
  };

  function predictedOf(panel) {
    return panel.dataset.predictedMs ? Number(panel.dataset.predictedMs) : null;
  }

  /** Shows the guess beside the measured and ideal times, with its error. */
  function judge(panel, row, summary) {
    const predicted = predictedOf(panel);
    if (predicted === null) return;
    const verdict = Judge.guessError(predicted, summary.elapsedMs);
    panel.querySelector('.judged').textContent = `you guessed ${seconds(predicted)}; it took ${seconds(summary.elapsedMs)}`
      + ` (ideal ${seconds(summary.idealMs)}): ${verdict}`;
    if (row) row.querySelector('.guess').textContent = `${seconds(predicted)}, ${verdict}`;
  }

  window.Judge = { updateSpeedups, judge, predictedOf, Judge };
})();
