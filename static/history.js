/*
 * history.js: every finished run of this browser, kept in localStorage with its timeline, and a
 * comparison of any ticked runs on one shared time axis with a table.
 *
 * Storage is bounded: at most MAX_RUNS runs and BUDGET characters of JSON; the oldest runs are
 * dropped first and the page says how many were. A run with more than Timeline.KEPT_EVENTS
 * events is kept without its timeline.
 */
(function () {
  'use strict';

  const KEY = 'playground:history';
  const DROPPED_KEY = 'playground:history-dropped';
  const MAX_RUNS = 60;
  let budget = 2000000;

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return []; }
  }

  /** Saves the runs, dropping the oldest until they fit the budget (and the browser's quota). */
  function save(entries) {
    let kept = entries.slice(-MAX_RUNS);
    let dropped = entries.length - kept.length;
    let text = JSON.stringify(kept);
    for (;;) {
      if (text.length <= budget || kept.length <= 1) {
        try {
          localStorage.setItem(KEY, text);
          break;
        } catch (full) {
          if (kept.length <= 1) { localStorage.removeItem(KEY); dropped += kept.length; kept = []; break; }
        }
      }
      kept = kept.slice(1);
      dropped += 1;
      text = JSON.stringify(kept);
    }
    if (dropped > 0) localStorage.setItem(DROPPED_KEY, String(Number(localStorage.getItem(DROPPED_KEY) || 0) + dropped));
    return kept;
  }

  function entryOf(model, panel, summary) {
    const comparison = panel.closest('.comparison');
    const title = comparison.querySelector('.comparison-title');
    return {
      id: model.id,
      title: title.firstChild ? title.firstChild.textContent.trim() : '',
      settings: comparison.querySelector('.settings').textContent,
      mode: model.mode,
      options: panel.querySelector('.options').textContent,
      at: Date.now(),
      speed: model.speed,
      idealMs: model.idealMs,
      predictedMs: panel.dataset.predictedMs ? Number(panel.dataset.predictedMs) : null,
      summary: { status: summary.status, elapsedMs: summary.elapsedMs, idealMs: summary.idealMs,
        metrics: summary.metrics || null, message: summary.message || '' },
      events: model.events,
    };
  }

  function record(event) {
    const { model, panel, summary } = event.detail;
    const entries = load();
    const entry = entryOf(model, panel, summary);
    const earlier = entries.findIndex((e) => e.id === model.id);
    if (earlier >= 0) {
      entry.at = entries[earlier].at;
      entries[earlier] = entry;
    } else {
      entries.push(entry);
    }
    save(entries);
    render();
  }

  function label(entry) {
    const options = entry.options ? ` (${entry.options})` : '';
    return `${entry.title} · ${entry.settings} · ${entry.mode}${options} · ${window.Timeline.seconds(entry.summary.elapsedMs)}`
      + ` · ${new Date(entry.at).toLocaleTimeString()}`;
  }

  function render() {
    const list = document.querySelector('#history .history-list');
    if (!list) return;
    const entries = load();
    const ticked = new Set([...list.querySelectorAll('input:checked')].map((box) => box.value));
    list.replaceChildren(...entries.slice().reverse().map((entry) => {
      const li = document.createElement('li');
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: entry.id,
        checked: ticked.has(entry.id), id: 'history-' + entry.id });
      const text = Object.assign(document.createElement('label'), { htmlFor: box.id, textContent: label(entry) });
      if (!entry.events) text.textContent += ' (timeline too big to keep)';
      li.dataset.runId = entry.id;
      li.append(box, ' ', text);
      return li;
    }));
    document.getElementById('history').hidden = entries.length === 0 && !localStorage.getItem(DROPPED_KEY);
    const dropped = Number(localStorage.getItem(DROPPED_KEY) || 0);
    document.querySelector('#history .history-note').textContent = dropped > 0
      ? `The ${dropped} oldest run${dropped === 1 ? ' was' : 's were'} dropped to keep this list within `
        + `${Math.round(budget / 1000)} kB of browser storage and ${MAX_RUNS} runs.` : '';
  }

  function modelOf(entry) {
    const model = new window.Timeline.RunModel(entry.id, entry.mode, entry.idealMs, entry.speed);
    (entry.events || []).forEach((ev) => model.apply(ev));
    model.finish(entry.summary);
    return model;
  }

  function cell(row, text, className) {
    const td = document.createElement(row.childElementCount === 0 ? 'th' : 'td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
  }

  /** Shows the ticked runs stacked on one time axis, with a table against the slowest of them. */
  function compare() {
    const ids = [...document.querySelectorAll('#history .history-list input:checked')].map((box) => box.value);
    const chosen = load().filter((entry) => ids.includes(entry.id));
    const out = document.querySelector('#history .history-compare');
    if (chosen.length === 0) {
      out.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Tick the runs to compare first.' }));
      return;
    }
    const Judge = window.Judge.Judge;
    const slowest = Math.max(...chosen.map((entry) => entry.summary.elapsedMs));
    const axis = Math.max(1, ...chosen.map((entry) => Math.max(entry.summary.elapsedMs, entry.idealMs))) * 1.04;
    const table = document.createElement('table');
    table.className = 'summary history-table';
    table.innerHTML = '<caption>The ticked runs, against the slowest of them</caption><thead><tr><th scope="col">run</th>'
      + '<th scope="col">elapsed</th><th scope="col">ideal</th><th scope="col">speedup vs slowest selected</th>'
      + '<th scope="col">your guess</th><th scope="col">metrics</th></tr></thead><tbody></tbody>';
    const lanes = [];
    chosen.forEach((entry) => {
      const row = document.createElement('tr');
      row.dataset.runId = entry.id;
      cell(row, label(entry));
      cell(row, window.Timeline.seconds(entry.summary.elapsedMs), 'elapsed');
      cell(row, window.Timeline.seconds(entry.summary.idealMs), 'ideal');
      cell(row, Judge.speedup(slowest, entry.summary.elapsedMs), 'speedup');
      cell(row, entry.predictedMs === null ? '—' : `${window.Timeline.seconds(entry.predictedMs)}, `
        + Judge.guessError(entry.predictedMs, entry.summary.elapsedMs), 'guess');
      cell(row, Judge.metrics(entry.summary), 'metrics');
      table.tBodies[0].appendChild(row);
      const section = document.createElement('section');
      section.className = 'history-run';
      section.dataset.runId = entry.id;
      const heading = Object.assign(document.createElement('h4'), { textContent: label(entry) });
      const timeline = Object.assign(document.createElement('div'), { className: 'timeline' });
      section.append(heading, timeline);
      lanes.push({ entry, timeline });
      out.appendChild(section);
    });
    out.replaceChildren(table, scrubber(), ...lanes.map(({ timeline }) => timeline.parentElement));
    const models = lanes.map(({ entry }) => (entry.events ? modelOf(entry) : null));
    const draw = () => lanes.forEach(({ timeline }, i) => {
      const cursor = out.dataset.cursorMs === undefined ? null : Number(out.dataset.cursorMs);
      if (models[i]) window.Timeline.drawRun(models[i], timeline, axis, { cursorMs: cursor });
      else timeline.textContent = 'This run\'s timeline was too big to keep in the browser.';
    });
    window.Scrub.enable(out, slowest, draw);
    out.scrollIntoView({ block: 'start' });
  }

  /** The time cursor of the compared runs, as a comparison has one. */
  function scrubber() {
    const label = Object.assign(document.createElement('label'), { className: 'scrub', textContent: 'Time cursor ' });
    const slider = Object.assign(document.createElement('input'), { type: 'range', className: 'scrubber' });
    slider.setAttribute('aria-label', 'Time cursor: arrows step, Shift+arrows step further, Home and End jump');
    label.append(slider, ' ', Object.assign(document.createElement('output'), { className: 'scrub-at' }));
    return label;
  }

  function clear() {
    localStorage.removeItem(KEY);
    localStorage.removeItem(DROPPED_KEY);
    document.querySelector('#history .history-compare').replaceChildren();
    render();
  }

  document.addEventListener('playground:run-finished', record);
  document.addEventListener('DOMContentLoaded', () => {
    const panel = document.getElementById('history');
    if (!panel) return;
    panel.querySelector('.history-compare-button').addEventListener('click', compare);
    panel.querySelector('.history-clear').addEventListener('click', clear);
    render();
  });

  window.RunHistory = { load, setBudget: (chars) => { budget = chars; }, MAX_RUNS };
})();
