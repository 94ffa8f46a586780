/*
 * app.js: follows each run's event stream and keeps its timeline, output, table and summary current.
 *
 * Uses the browser's own EventSource, which reconnects by itself and sends Last-Event-ID, so a
 * dropped connection resumes exactly where it stopped. Cancel (and Esc) stop a comparison's runs;
 * a queued run says how many runs are ahead of it.
 */
(function () {
  'use strict';

  const { RunModel, drawRun, growRun, seconds, threadColour, threadsOf } = window.Timeline;
  const { updateSpeedups, judge, predictedOf, Judge } = window.Judge;
  const runs = new Map();
  let frameQueued = false;
  let nextFrameQueued = false;
  /** When the last redraw ran (performance.now()). */
  let lastRedrawAt = -Infinity;
  /**
   * The live view's frame: events are drawn at most this often, as clocks tick. A run with many
   * events (a chess simul sends over a hundred a second) was drawn anew every animation frame, and
   * the page took a core from the run it showed (docs/benchmarks.md).
   */
  const FRAME_MS = 100;

  /** The shared axis: long enough for every run's ideal and current time, so all runs compare. */
  function axisMs() {
    let max = 1;
    runs.forEach(({ model }) => { max = Math.max(max, model.idealMs, model.nowMs()); });
    return max * 1.04;
  }

  function viewOf(comparison) {
    const cursor = comparison.dataset.cursorMs;
    return { colourBy: comparison.dataset.colourBy || 'state', highlight: comparison.dataset.highlight,
      cursorMs: cursor === undefined ? null : Number(cursor), presenting: document.body.classList.contains('presenting'),
      laneBudget: laneBudget(comparison) };
  }

  /**
   * Pixels of lanes each run may use. In the presentation view every mode of a comparison must
   * fit one screen: the screen less the comparison's title, table, legend and the one time axis
   * (only the first run shows it), shared by its runs, less each run's heading.
   */
  function laneBudget(comparison) {
    if (!document.body.classList.contains('presenting')) return 480;
    const panels = comparison.querySelectorAll('.run');
    let fixed = 0;
    [...comparison.children].forEach((child) => { if (!child.classList.contains('run')) fixed += child.offsetHeight; });
    const free = window.innerHeight - fixed - 36;
    const heading = panels.length ? panels[0].querySelector('h3').offsetHeight : 30;
    return Math.max(30, Math.floor((free - 32) / Math.max(1, panels.length)) - heading - 6 - 6 - 14);
  }

  /**
   * Redraws every run whose picture changed: a live run's open segments grow in place while
   * nothing else changed; a run is drawn anew when an event came, or the axis, the view or the
   * page's width moved. Reads the page first, then writes, so the browser lays it out once.
   */
  function redraw() {
    frameQueued = false;
    lastRedrawAt = performance.now();
    const axis = axisMs();
    const frames = [];
    runs.forEach((entry) => {
      const comparison = entry.panel.closest('.comparison');
      if (!comparison) return;
      const view = viewOf(comparison);
      const first = comparison.querySelector('.run') === entry.panel;
      const options = Object.assign({}, view, { axis: !view.presenting || first });
      const container = entry.panel.querySelector('.timeline');
      frames.push({ entry, view, options, container, shape: shapeOf(entry.model, container, axis, options),
        clock: entry.model.nowMs() });
    });
    let live = false;
    frames.forEach(({ entry, view, options, container, shape, clock }) => {
      const { model, panel } = entry;
      const sameShape = entry.shape === shape && container.firstElementChild === entry.drawn;
      if (!sameShape || (entry.clock !== clock && !growRun(container, clock))) {
        drawRun(model, container, axis, options);
        entry.drawn = container.firstElementChild;
        if (entry.drawn) panel.style.setProperty('--output-height', entry.drawn.getAttribute('height') + 'px');
      }
      entry.shape = shape;
      entry.clock = clock;
      drawThreadLegend(model, panel, view);
      showClock(model, panel, clock);
      live = live || !model.done;
    });
    if (live) redrawNextFrame();
  }

  /**
   * Everything a run's timeline depends on but its clock, as one string: the same string, the
   * same drawing, whose open segments only grow as the clock ticks.
   */
  function shapeOf(model, container, axis, options) {
    return [model.lastSeq, model.done, axis, container.clientWidth, options.colourBy, options.highlight,
      options.cursorMs, options.presenting, options.axis, options.laneBudget].join('|');
  }

  /** The elapsed clock of a run, at nowMs as its timeline shows it: ticking while it runs, final once done. */
  function showClock(model, panel, nowMs) {
    const clock = panel.querySelector('.clock');
    if (panel.dataset.status !== 'running' && !model.done) return;
    const text = seconds(nowMs);
    if (clock.textContent !== text) clock.textContent = text;
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

  /**
   * A redraw at the live view's next frame: at once if the last redraw was a frame ago, else when
   * the frame is up. Events that came in and a live run's ticking clock both ask for it, so they
   * share one timer and the view is drawn at most once a frame.
   */
  function redrawNextFrame() {
    if (nextFrameQueued) return;
    const wait = lastRedrawAt + FRAME_MS - performance.now();
    if (wait <= 0) {
      requestRedraw();
      return;
    }
    nextFrameQueued = true;
    setTimeout(() => {
      nextFrameQueued = false;
      requestRedraw();
    }, wait);
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
    li.dataset.atMs = ev.atMs;
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
    if (row) {
      row.querySelector('.status').textContent = status;
      row.classList.toggle('waiting', status.startsWith('queued'));
    }
  }

  /**
   * The lesson table, made on the first run that reports figures: one row per run of the
   * comparison (in the summary table's order), one column per measured figure.
   */
  function lessonTable(comparison) {
    let table = comparison.querySelector('table.figures');
    if (table) return table;
    table = document.createElement('table');
    table.className = 'figures';
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
    th.textContent = Judge.metricText(name, 0)[0];
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
    if (names.length === 0 && !comparison.querySelector('table.figures')) return;
    const table = lessonTable(comparison);
    names.forEach((name) => lessonColumn(table, name));
    const tr = table.querySelector(`tr[data-lesson-run="${row.dataset.runId}"]`);
    if (!tr) return;
    tr.dataset.done = 'yes';
    [...table.tHead.rows[0].cells].slice(1).forEach((th, i) => {
      const value = metrics[th.dataset.metric];
      tr.cells[i + 1].textContent = value === undefined ? '—' : Judge.metricText(th.dataset.metric, value)[1];
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
    judge(panel, row, summary);
    if (summary.message) panel.querySelector('.mode-description').textContent += ' — ' + summary.message;
    showCoresGiven(summary, panel, row);
    fillSegmentTable(model, panel);
    panel.querySelector('.timeline').setAttribute('aria-label',
      `Timeline of the ${model.mode} run: ${model.lanes.length} tasks, ${seconds(summary.elapsedMs)}, ${summary.status}`);
    comparisonFinished(panel.closest('.comparison'));
    document.dispatchEvent(new CustomEvent('playground:run-finished', { detail: { model, panel, summary } }));
    requestRedraw();
  }

  /** When a CPU run got clearly fewer cores than its ideal assumed, says so and why beside its figures, with the fair ideal. */
  function showCoresGiven(summary, panel, row) {
    if (!summary.coresNote) return;
    if (row) {
      const fair = document.createElement('span');
      fair.className = 'cores-ideal';
      fair.textContent = `(${seconds(summary.idealForCoresGivenMs)} with ${summary.coresGivenInWords})`;
      row.querySelector('.ideal').replaceChildren(`${seconds(summary.idealMs)} `, fair);
    }
    const note = panel.querySelector('.cores-note');
    note.textContent = `Timing note: ${summary.coresNote}.`;
    note.hidden = false;
  }

  /** Once every run of a comparison is over: no Cancel any more, and the time cursor appears. */
  function comparisonFinished(comparison) {
    const all = [...comparison.querySelectorAll('.run')].map((panel) => runs.get(panel.dataset.runId));
    if (!all.every((entry) => entry && entry.model.done)) return;
    comparison.dataset.live = 'no';
    comparison.querySelector('.cancel-runs').hidden = true;
    window.Scrub.enable(comparison, Math.max(...all.map((entry) => entry.model.nowMs())), requestRedraw);
  }

  /**
   * What a queued run's status says at its place in the queue (1 = next; 0 = not known yet). The
   * next to start may also be waiting a moment for the server to calm down (see README, Admission).
   */
  function queuedText(place) {
    if (place === 1) return 'queued: next to start, as soon as the server is free';
    if (place < 1) return 'queued: the server is busy with other runs';
    const ahead = place - 1;
    return `queued: the server is busy with other runs; ${ahead} waiting run${ahead === 1 ? ' is' : 's are'} ahead of this one`;
  }

  /** Says why a queued run waits and how many runs are ahead of it, asking the server each second. */
  function watchQueue(entry) {
    const { model, panel, row } = entry;
    if (model.lastSeq > 0 || model.done || !document.contains(panel)) return;
    fetch(`/api/runs/${encodeURIComponent(model.id)}`).then((r) => (r.ok ? r.json() : null)).then((run) => {
      if (!run || model.lastSeq > 0 || model.done) return;
      if (run.status === 'queued') setStatus(panel, row, queuedText(run.queuePosition));
      setTimeout(() => watchQueue(entry), 1000);
    }, () => setTimeout(() => watchQueue(entry), 1000));
  }

  function follow(panel) {
    const id = panel.dataset.runId;
    if (runs.has(id)) return;
    const row = panel.closest('.comparison').querySelector(`tr[data-run-id="${id}"]`);
    const model = new RunModel(id, panel.dataset.mode, Number(panel.dataset.idealMs), Number(panel.dataset.speed));
    const entry = { model, panel, row, source: null };
    runs.set(id, entry);
    if (row) row.querySelector('.ideal').textContent = seconds(model.idealMs);
    if (row && predictedOf(panel) !== null) row.querySelector('.guess').textContent = seconds(predictedOf(panel));
    const source = new EventSource(`/api/runs/${encodeURIComponent(id)}/events`);
    entry.source = source;
    const receive = (ev) => {
      if (!model.apply(ev)) return;
      if (ev.type === 'run-started') setStatus(panel, row, 'running');
      if (ev.type === 'printed') appendOutput(panel, ev);
    };
    source.onmessage = (message) => {
      receive(JSON.parse(message.data));
      redrawNextFrame();
    };
    source.addEventListener('batch', (message) => {
      JSON.parse(message.data).forEach(receive);
      redrawNextFrame();
    });
    source.addEventListener('done', (message) => {
      source.close();
      finish(entry, JSON.parse(message.data));
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED && !model.done) {
        setStatus(panel, row, 'no longer on the server (it keeps a bounded number of runs)');
      }
    };
    setTimeout(() => watchQueue(entry), 700);
    requestRedraw();
  }

  /** Asks the server to stop every run of the comparison that is still going. */
  function cancelComparison(comparison) {
    comparison.querySelectorAll('.run').forEach((panel) => {
      const entry = runs.get(panel.dataset.runId);
      if (entry && !entry.model.done) {
        setStatus(panel, entry.row, 'cancelling…');
        fetch(`/api/runs/${encodeURIComponent(entry.model.id)}`, { method: 'DELETE' });
      }
    });
  }

  /** Esc (outside the editor and form fields) cancels every live comparison on the page. */
  function cancelOnEscape(event) {
    if (event.key !== 'Escape') return;
    const target = event.target;
    if (target && target.closest && target.closest('textarea, input, select')) return;
    document.querySelectorAll('.comparison[data-live="yes"]').forEach(cancelComparison);
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

  function bindComparison(comparison) {
    if (comparison.dataset.bound) return;
    comparison.dataset.bound = 'yes';
    comparison.querySelector('.cancel-runs').addEventListener('click', () => cancelComparison(comparison));
    const at = comparison.querySelector('.started-at');
    if (!at.textContent) at.textContent = new Date(Number(comparison.dataset.startedAt || Date.now())).toLocaleTimeString();
  }

  function bindAll(root) {
    root.querySelectorAll('.comparison').forEach(bindComparison);
    root.querySelectorAll('.run[data-run-id]').forEach(follow);
    root.querySelectorAll('select.colour-by').forEach(bindColourChoice);
  }

  /** Brings a comparison that just arrived into view: the timelines are what the learner came for. */
  function showNewComparison(event) {
    if (event.detail.target && event.detail.target.id === 'runs') {
      const newest = event.detail.target.querySelector('.comparison');
      if (newest) newest.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
  }

  window.Playground = { requestRedraw, runs };
  document.addEventListener('DOMContentLoaded', () => bindAll(document));
  document.addEventListener('keydown', cancelOnEscape);
  document.addEventListener('htmx:afterSwap', showNewComparison);
  document.addEventListener('htmx:load', (event) => bindAll(event.target.parentElement || document));
  window.addEventListener('resize', requestRedraw);
})();
