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

  /**
   * Speedup of every finished run against the sequential run of the same comparison, or, without
   * one, against its own work added up (what one thread doing everything in turn would need).
   */
  function updateSpeedups(comparison) {
    const sequential = comparison.querySelector('tr[data-mode="sequential"]');
    const base = sequential && sequential.dataset.elapsedMs ? Number(sequential.dataset.elapsedMs) : null;
    comparison.querySelectorAll('tbody tr[data-elapsed-ms]').forEach((row) => {
      const elapsed = Number(row.dataset.elapsedMs);
      const reference = base || Number(row.dataset.workMs);
      row.querySelector('.speedup').textContent = reference && elapsed > 0 ? (reference / elapsed).toFixed(2) + '×' : '—';
    });
  }

  /**
   * One measured figure for reading: its camel-case key as words, times (keys ending in Ms) in
   * seconds like the rest of the table, shares (ending in Percent) with a % sign.
   */
  function metricText(name, value) {
    const words = (key) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    if (name.endsWith('Ms')) return [words(name.slice(0, -2)), seconds(value)];
    if (name.endsWith('Percent')) return [words(name.slice(0, -7)), value.toFixed(1) + ' %'];
    return [words(name), String(value)];
  }

  /**
   * The lesson table, made on the first run that reports figures: one row per run of the
   * comparison (in the summary table's order), one column per measured figure.
   */
  function lessonTable(comparison) {
    let table = comparison.querySelector('table.lesson');
    if (table) return table;
    table = document.createElement('table');
    table.className = 'lesson';
    table.createCaption().textContent = 'The lesson in numbers';
    const head = table.createTHead().insertRow();
    const corner = document.createElement('th');
    corner.scope = 'col';
    corner.textContent = 'mode';
    head.appendChild(corner);
    const body = table.createTBody();
    comparison.querySelectorAll('table.summary tbody tr[data-run-id]').forEach((run) => {
      const tr = body.insertRow();
      tr.dataset.lessonRun = run.dataset.runId;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = run.dataset.mode;
      tr.appendChild(th);
    });
    comparison.querySelector('table.summary').after(table);
    return table;
  }

  /** The column of one figure, added (with a dash for the runs already shown) the first time it appears. */
  function lessonColumn(table, name) {
    const head = table.tHead.rows[0];
    let index = [...head.cells].findIndex((th) => th.dataset.metric === name);
    if (index >= 0) return index;
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.metric = name;
    th.title = `${name} in GET /api/runs/{id}`;
    th.textContent = metricText(name, 0)[0];
    head.appendChild(th);
    [...table.tBodies[0].rows].forEach((tr) => {
      const td = tr.insertCell();
      td.textContent = tr.dataset.done ? '—' : '…';
    });
    return head.cells.length - 1;
  }

  /** Writes one finished run's figures into the lesson table. */
  function fillLesson(row, metrics) {
    const names = Object.keys(metrics);
    const comparison = row.closest('.comparison');
    if (names.length === 0 && !comparison.querySelector('table.lesson')) return;
    const table = lessonTable(comparison);
    names.forEach((name) => lessonColumn(table, name));
    const tr = table.querySelector(`tr[data-lesson-run="${row.dataset.runId}"]`);
    if (!tr) return;
    tr.dataset.done = 'yes';
    [...table.tHead.rows[0].cells].slice(1).forEach((th, i) => {
      const value = metrics[th.dataset.metric];
      tr.cells[i + 1].textContent = value === undefined ? '—' : metricText(th.dataset.metric, value)[1];
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
      fillLesson(row, summary.metrics || {});
      updateSpeedups(row.closest('.comparison'));
    }
    if (summary.message) panel.querySelector('.mode-description').textContent += ' — ' + summary.message;
    showCoresGiven(summary, panel, row);
    fillSegmentTable(model, panel);
    panel.querySelector('.timeline').setAttribute('aria-label',
      `Timeline of the ${model.mode} run: ${model.lanes.length} tasks, ${seconds(summary.elapsedMs)}, ${summary.status}`);
    requestRedraw();
  }

  /** When other programs took cores from a CPU run, says so beside its figures, with the fair ideal. */
  function showCoresGiven(summary, panel, row) {
    if (!summary.coresNote) return;
    if (row) {
      row.querySelector('.ideal').textContent =
        `${seconds(summary.idealMs)} (${seconds(summary.idealForCoresGivenMs)} with ${summary.coresGiven} cores)`;
    }
    const note = panel.querySelector('.cores-note');
    note.textContent = `Timing note: ${summary.coresNote}.`;
    note.hidden = false;
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
