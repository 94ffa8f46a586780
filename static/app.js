/*
 * app.js: follows each run's event stream and keeps its timeline, output, table and summary current.
 *
 * Uses the browser's own EventSource, which reconnects by itself and sends Last-Event-ID, so a
 * dropped connection resumes exactly where it stopped.
 */
(function () {
  'use strict';

  const { RunModel, drawRun, seconds, threadColour, threadsOf } = window.Timeline;
  const runs = new Map();
  let frameQueued = false;

  /** The shared axis: long enough for every run's ideal and current time, so all runs compare. */
  function axisMs() {
    let max = 1;
    runs.forEach(({ model }) => { max = Math.max(max, model.idealMs, model.nowMs()); });
    return max * 1.04;
  }

  function redraw() {
    frameQueued = false;
    const axis = axisMs();
    let live = false;
    runs.forEach(({ model, panel }) => {
      const comparison = panel.closest('.comparison');
      const view = { colourBy: comparison.dataset.colourBy || 'state', highlight: comparison.dataset.highlight };
      drawRun(model, panel.querySelector('.timeline'), axis, view);
      drawThreadLegend(model, panel, view);
      live = live || !model.done;
    });
    if (live) setTimeout(requestRedraw, 100);
  }

  /** Lists the OS threads that ran this run's steps; clicking one highlights it. */
  function drawThreadLegend(model, panel, view) {
    const legend = panel.querySelector('.threads');
    const threads = threadsOf(model);
    legend.hidden = view.colourBy !== 'thread';
    const label = `${threads.length} OS thread${threads.length === 1 ? '' : 's'} ran steps: `;
    if (legend.dataset.shown === label + threads.join() + (view.highlight || '')) return;
    legend.dataset.shown = label + threads.join() + (view.highlight || '');
    legend.replaceChildren(label, ...threads.map((thread) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'thread-chip' + (view.highlight === thread ? ' selected' : '');
      button.style.borderColor = threadColour(thread);
      button.textContent = thread;
      button.addEventListener('click', () => {
        const comparison = panel.closest('.comparison');
        if (comparison.dataset.highlight === thread) delete comparison.dataset.highlight;
        else comparison.dataset.highlight = thread;
        requestRedraw();
      });
      return button;
    }));
  }

  function requestRedraw() {
    if (!frameQueued) {
      frameQueued = true;
      requestAnimationFrame(redraw);
    }
  }

  const MAX_OUTPUT_SHOWN = 1000;

  /** Appends a printed line; past MAX_OUTPUT_SHOWN lines only counts them, to keep the page quick. */
  function appendOutput(panel, ev) {
    const list = panel.querySelector('.output');
    if (list.querySelector('.more') || list.childElementCount >= MAX_OUTPUT_SHOWN) {
      const more = list.querySelector('.more') || list.appendChild(Object.assign(document.createElement('li'), { className: 'more' }));
      more.dataset.count = Number(more.dataset.count || 0) + 1;
      more.textContent = `… and ${more.dataset.count} more lines (GET /api/runs/{id} has them all)`;
      return;
    }
    const li = document.createElement('li');
    li.dataset.task = ev.task;
    const at = document.createElement('span');
    at.className = 'at';
    at.textContent = seconds(ev.atMs);
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = ev.text;
    li.append(at, ' ', text);
    list.appendChild(li);
  }

  function fillSegmentTable(model, panel) {
    const body = panel.querySelector('.segments tbody');
    const rows = [];
    model.lanes.forEach((lane) => model.segmentsOf(lane).forEach((s) => {
      const tr = document.createElement('tr');
      [lane.name, s.state + (s.detail ? ' (' + s.detail + ')' : ''), seconds(s.startMs), seconds(s.endMs), s.thread]
        .forEach((v) => { const td = document.createElement('td'); td.textContent = v; tr.appendChild(td); });
      rows.push(tr);
    }));
    body.replaceChildren(...rows);
  }

  function setStatus(panel, row, status) {
    panel.dataset.status = status;
    panel.querySelector('.run-status').textContent = status;
    if (row) row.querySelector('.status').textContent = status;
  }

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
      const timeable = elapsed >= SHORTEST_COMPARED_MS && baseMs >= SHORTEST_COMPARED_MS;
      cell.textContent = timeable ? (baseMs / elapsed).toFixed(2) + '×' : '—';
      cell.title = timeable ? `${base.dataset.mode} took ${seconds(baseMs)}, this run ${seconds(elapsed)}`
        : 'too short to compare: under 1 ms';
    });
  }

  function finish(entry, summary) {
    const { model, panel, row } = entry;
    model.finish(summary);
    setStatus(panel, row, summary.status);
    if (row) {
      row.dataset.elapsedMs = summary.elapsedMs;
      row.dataset.workMs = summary.workMs;
      row.querySelector('.elapsed').textContent = seconds(summary.elapsedMs);
      row.querySelector('.ideal').textContent = seconds(summary.idealMs);
      row.querySelector('.work').textContent = seconds(summary.workMs);
      row.querySelector('.cpu').textContent = summary.cpuBusyPercent.toFixed(0) + ' %';
      row.querySelector('.peak').textContent = summary.peakConcurrency;
      row.querySelector('.threads-used').textContent = summary.threadsUsed;
      row.querySelector('.shared').textContent = Object.entries(summary.shared)
        .map(([name, value]) => `${name} = ${value}`).join(', ') || '—';
      updateSpeedups(row.closest('.comparison'));
    }
    if (summary.message) panel.querySelector('.mode-description').textContent += ' — ' + summary.message;
    fillSegmentTable(model, panel);
    panel.querySelector('.timeline').setAttribute('aria-label',
      `Timeline of the ${model.mode} run: ${model.lanes.length} tasks, ${seconds(summary.elapsedMs)}, ${summary.status}`);
    requestRedraw();
  }

  function follow(panel) {
    const id = panel.dataset.runId;
    if (runs.has(id)) return;
    const row = panel.closest('.comparison').querySelector(`tr[data-run-id="${id}"]`);
    const model = new RunModel(id, panel.dataset.mode, Number(panel.dataset.idealMs), Number(panel.dataset.speed));
    const entry = { model, panel, row };
    runs.set(id, entry);
    if (row) row.querySelector('.ideal').textContent = seconds(model.idealMs);
    const source = new EventSource(`/api/runs/${encodeURIComponent(id)}/events`);
    const receive = (ev) => {
      if (!model.apply(ev)) return;
      if (ev.type === 'run-started') setStatus(panel, row, 'running');
      if (ev.type === 'printed') appendOutput(panel, ev);
    };
    source.onmessage = (message) => {
      receive(JSON.parse(message.data));
      requestRedraw();
    };
    source.addEventListener('batch', (message) => {
      JSON.parse(message.data).forEach(receive);
      requestRedraw();
    });
    source.addEventListener('done', (message) => {
      source.close();
      finish(entry, JSON.parse(message.data));
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED && !model.done) setStatus(panel, row, 'connection lost');
    };
    requestRedraw();
  }

  function linkToSettings(form) {
    const params = new URLSearchParams(new FormData(form));
    return `${location.origin}${location.pathname}?${params}`;
  }

  function bindForm(form) {
    if (form.dataset.bound) return;
    form.dataset.bound = 'yes';
    const copy = form.querySelector('#copy-link');
    copy.addEventListener('click', () => {
      const link = linkToSettings(form);
      history.replaceState(null, '', link);
      const done = () => { copy.textContent = 'Link copied'; setTimeout(() => { copy.textContent = 'Copy link to these settings'; }, 2000); };
      if (navigator.clipboard) navigator.clipboard.writeText(link).then(done, () => window.prompt('Copy this link', link));
      else window.prompt('Copy this link', link);
    });
    form.addEventListener('submit', () => history.replaceState(null, '', linkToSettings(form)));
  }

  function bindColourChoice(select) {
    if (select.dataset.bound) return;
    select.dataset.bound = 'yes';
    select.addEventListener('change', () => {
      const comparison = select.closest('.comparison');
      comparison.dataset.colourBy = select.value;
      delete comparison.dataset.highlight;
      requestRedraw();
    });
  }

  function bindAll(root) {
    root.querySelectorAll('.run[data-run-id]').forEach(follow);
    root.querySelectorAll('select.colour-by').forEach(bindColourChoice);
    root.querySelectorAll('form.run-form').forEach(bindForm);
  }

  /** Brings a comparison that just arrived into view: the timelines are what the learner came for. */
  function showNewComparison(event) {
    if (event.detail.target && event.detail.target.id === 'runs') {
      const newest = event.detail.target.querySelector('.comparison');
      if (newest) newest.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
  }

  document.addEventListener('DOMContentLoaded', () => bindAll(document));
  document.addEventListener('htmx:afterSwap', showNewComparison);
  document.addEventListener('htmx:load', (event) => bindAll(event.target.parentElement || document));
  window.addEventListener('resize', requestRedraw);
})();
