/*
 * timeline.js: turns a run's events into lanes of segments and draws them as SVG.
 *
 * One RunModel per run follows the event stream; drawRun() renders a model on a time axis
 * shared by every run on the page, so lengths compare at a glance. The state a task enters with
 * an event comes with the event (its `state` and `detail`, decided by the server's
 * timeline.StateChange): this file only cuts a lane where the state changes and where the task
 * ends, checked against the server by src/test/resources/segments/golden.json.
 */
(function (global) {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  /** Above this many tasks a run is drawn as an aggregate plus a sample of lanes. */
  const DETAILED_LANES = 300;
  const SAMPLE_LANES = 40;
  /** Stacking order of the aggregate chart, bottom first. */
  const AGGREGATE_STATES = ['running', 'blocked', 'awaiting', 'waiting', 'queued'];

  /** Minutes read better than seconds from here on (laundry's day lasts hours). */
  const MINUTES_FROM_MS = 10 * 60000;

  /**
   * A duration for reading: seconds below ten minutes, whole minutes from there. The server's
   * timeline.ReadableDuration writes them the same way (a timing note names an ideal so); both are
   * checked against src/test/resources/durations/golden.json.
   */
  function seconds(ms) {
    if (ms === null || ms === undefined) return '';
    if (Math.abs(ms) >= MINUTES_FROM_MS) return Math.round(ms / 60000) + ' min';
    return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
  }

  /** One task's lane: closed segments, the open one, print marks and how it ended. */
  class Lane {
    constructor(name) {
      this.name = name;
      this.segments = [];
      this.open = null;
      this.marks = [];
      this.endMs = null;
      this.outcome = null;
      this.message = '';
    }

    enter(state, atMs, thread, detail) {
      this.close(atMs);
      this.open = { state, startMs: atMs, endMs: null, thread: thread || '', detail };
    }

    close(atMs) {
      if (this.open) {
        this.open.endMs = atMs;
        this.segments.push(this.open);
        this.open = null;
      }
    }
  }

  /** How many tasks are in each state over time, kept as per-bucket changes so events cost O(1). */
  class Aggregate {
    constructor(idealMs) {
      this.bucketMs = Math.max(1, Math.ceil(Math.max(idealMs, 1) / 1000));
      this.deltas = new Map(AGGREGATE_STATES.map((state) => [state, []]));
    }

    change(atMs, from, to) {
      const bucket = Math.floor(atMs / this.bucketMs);
      if (this.deltas.has(from)) this.add(from, bucket, -1);
      if (this.deltas.has(to)) this.add(to, bucket, +1);
    }

    add(state, bucket, n) {
      const list = this.deltas.get(state);
      while (list.length <= bucket) list.push(0);
      list[bucket] += n;
    }

    /** Counts per state for every bucket up to nowMs. */
    series(nowMs) {
      const buckets = Math.floor(nowMs / this.bucketMs) + 1;
      const series = new Map();
      this.deltas.forEach((list, state) => {
        const counts = new Array(buckets);
        let running = 0;
        for (let b = 0; b < buckets; b++) { running += list[b] || 0; counts[b] = running; }
        series.set(state, counts);
      });
      return series;
    }
  }

  /** A run keeps its events (for the history) up to this many; a bigger one keeps none. */
  const KEPT_EVENTS = 20000;

  /** Everything the page knows about one run, built from its events in order. */
  class RunModel {
    constructor(id, mode, idealMs, speed) {
      this.id = id;
      this.mode = mode;
      this.idealMs = idealMs;
      this.speed = speed || 1;
      this.lanes = [];
      this.byName = new Map();
      this.output = [];
      this.lastSeq = 0;
      this.lastMs = 0;
      this.startedAt = null;
      this.summary = null;
      this.taskCount = 0;
      this.aggregate = null;
      this.stateOf = new Map();
      this.events = [];
    }

    get aggregated() {
      return this.aggregate !== null;
    }

    /** Applies one event; ignores an event already seen (after a reconnect). */
    apply(ev) {
      if (ev.seq <= this.lastSeq) return false;
      this.lastSeq = ev.seq;
      if (this.events && this.events.length < KEPT_EVENTS) this.events.push(ev); else this.events = null;
      this.lastMs = Math.max(this.lastMs, ev.atMs);
      const estimate = performance.now() - ev.atMs / this.speed;
      this.startedAt = this.startedAt === null ? estimate : Math.min(this.startedAt, estimate);
      if (ev.type === 'run-started') {
        this.taskCount = ev.tasks.length;
        if (this.taskCount > DETAILED_LANES) this.aggregate = new Aggregate(this.idealMs);
        ev.tasks.slice(0, this.aggregated ? SAMPLE_LANES : this.taskCount).forEach((name) => this.lane(name));
        return true;
      }
      this.track(ev);
      if (ev.type === 'printed') this.output.push(ev);
      const lane = this.byName.get(ev.task);
      if (!lane) return true;
      if (ev.state) lane.enter(ev.state, ev.atMs, ev.thread, ev.detail);
      if (ev.type === 'printed') {
        lane.marks.push({ kind: 'mark', atMs: ev.atMs, text: `printed "${ev.text}"`, thread: ev.thread });
      }
      if (ev.type === 'shared-read' || ev.type === 'shared-written') {
        const verb = ev.type === 'shared-read' ? 'read' : 'wrote';
        lane.marks.push({ kind: 'mark-' + verb, atMs: ev.atMs, text: `${verb} ${ev.name} = ${ev.value}`, thread: ev.thread });
      }
      if (ev.type === 'task-ended') {
        lane.close(ev.atMs);
        lane.endMs = ev.atMs;
        lane.outcome = ev.outcome;
        lane.message = ev.message;
      }
      return true;
    }

    /** Follows every task's state for the aggregate chart (only when aggregated). */
    track(ev) {
      if (!this.aggregated) return;
      const next = ev.type === 'task-ended' ? 'done' : ev.state;
      if (!next) return;
      const previous = this.stateOf.get(ev.task);
      if (next === 'done') this.stateOf.delete(ev.task); else this.stateOf.set(ev.task, next);
      this.aggregate.change(ev.atMs, previous, next);
    }

    lane(name) {
      let lane = this.byName.get(name);
      if (!lane) {
        lane = new Lane(name);
        this.byName.set(name, lane);
        this.lanes.push(lane);
      }
      return lane;
    }

    finish(summary) {
      this.summary = summary;
    }

    get done() {
      return this.summary !== null;
    }

    /** Scenario milliseconds "now": the final elapsed once done, else estimated from the clock. */
    nowMs() {
      if (this.summary) return this.summary.elapsedMs;
      if (this.startedAt === null) return 0;
      return Math.max(this.lastMs, (performance.now() - this.startedAt) * this.speed);
    }

    /** Every segment, closed or still open (cut at now); a lane stops where its task ended. */
    segmentsOf(lane) {
      const all = lane.segments.slice();
      if (lane.open) all.push(Object.assign({}, lane.open, { endMs: this.nowMs() }));
      return all;
    }
  }

  /** An axis label with just the decimals the step needs: 0 s, 0.5 s, 1 s, 1.5 s; or 0 min, 50 min. */
  function tickLabel(ms, stepMs) {
    if (stepMs >= 60000) return Math.round(ms / 60000) + ' min';
    const decimals = Math.max(0, Math.ceil(-Math.log10(stepMs / 1000) - 1e-9));
    return (ms / 1000).toFixed(decimals) + ' s';
  }

  /** A round step for about eight ticks: 1, 2 or 5 times a power of ten, in seconds or (for long axes) minutes. */
  function niceStep(maxMs) {
    if (maxMs >= MINUTES_FROM_MS) return niceStep(maxMs / 60000) * 60000;
    const rough = maxMs / 8;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    const steps = [1, 2, 5, 10].map((f) => f * power);
    return steps.find((s) => s >= rough) || steps[steps.length - 1];
  }

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attrs).forEach(([k, v]) => {
      // styles go through the CSSOM: the page's Content-Security-Policy forbids style attributes
      if (k === 'style') Object.assign(node.style, v);
      else node.setAttribute(k, v);
    });
    if (parent) parent.appendChild(node);
    return node;
  }

  function titled(node, text) {
    el('title', {}, node).textContent = text;
    return node;
  }

  /** Draws the stacked counts of tasks per state between y and y + h. */
  function drawAggregate(model, svg, x, y, h) {
    const series = model.aggregate.series(model.nowMs());
    const bucketMs = model.aggregate.bucketMs;
    const total = Math.max(1, model.taskCount);
    let below = new Array(series.get('running').length).fill(0);
    AGGREGATE_STATES.forEach((state) => {
      const counts = series.get(state);
      const above = below.map((b, i) => b + counts[i]);
      const top = above.map((c, i) => `${x(i * bucketMs)},${y + h - (c / total) * h}`);
      const bottom = below.map((c, i) => `${x(i * bucketMs)},${y + h - (c / total) * h}`).reverse();
      const peak = Math.max(0, ...counts);
      titled(el('path', { d: `M${top.join('L')}L${bottom.join('L')}Z`, class: 'seg seg-' + state,
        'data-state': state }, svg), `${state}: at most ${peak} of ${model.taskCount} tasks at once`);
      below = above;
    });
    el('text', { x: 4, y: y + 12, class: 'lane-label-left' }, svg).textContent = `${model.taskCount} tasks`;
  }

  /** A stable colour per OS thread name. */
  function threadColour(thread) {
    let hash = 0;
    for (let i = 0; i < thread.length; i++) hash = (hash * 31 + thread.charCodeAt(i)) | 0;
    return `hsl(${Math.abs(hash) % 360}, 65%, 48%)`;
  }

  /** The OS threads that ran steps of the drawn lanes, in order of first appearance. */
  function threadsOf(model) {
    const seen = new Set();
    model.lanes.forEach((lane) => model.segmentsOf(lane)
      .forEach((s) => { if (s.state === 'running' && s.thread) seen.add(s.thread); }));
    return [...seen];
  }

  /**
   * How a segment is painted: by state (the default, from the stylesheet), or by OS thread, where
   * only running segments take their thread's colour and everything off-CPU is grey; a
   * highlighted thread dims every other. Set through element.style, which the page's content
   * security policy allows (a style attribute it would not).
   */
  function paint(node, s, view) {
    if (view.colourBy !== 'thread') return node;
    if (s.state !== 'running') {
      node.style.fill = '#e4e7ec';
      return node;
    }
    node.style.fill = threadColour(s.thread);
    if (view.highlight && view.highlight !== s.thread) node.style.opacity = '.15';
    return node;
  }

  /** The parts of a lane that had happened by cutMs (everything when cutMs is null). */
  function cutAt(model, lane, cutMs) {
    const segments = model.segmentsOf(lane);
    if (cutMs === null || cutMs === undefined) return { segments, marks: lane.marks, ended: lane.endMs !== null };
    return {
      segments: segments.filter((s) => s.startMs <= cutMs)
        .map((s) => (s.endMs > cutMs ? Object.assign({}, s, { endMs: cutMs }) : s)),
      marks: lane.marks.filter((m) => m.atMs <= cutMs),
      ended: lane.endMs !== null && lane.endMs <= cutMs,
    };
  }

  /**
   * Sizes of a drawing: bigger type and compressed lanes in the presentation view, where
   * view.axis === false leaves out the time labels (the first run of a stack shows them).
   */
  function layout(model, container, view) {
    const presenting = Boolean(view.presenting);
    const width = Math.max(420, container.clientWidth || 800);
    const labelW = presenting ? 110 : 64;
    const lanes = Math.max(1, model.lanes.length);
    const budget = view.laneBudget || 480;
    const laneH = Math.max(presenting ? 2 : 4, Math.min(presenting ? 22 : 16, Math.floor(budget / lanes)));
    const labelH = presenting ? 18 : 10;
    return { presenting, width, labelW, plotW: width - labelW - 12, laneH, axisH: presenting ? (view.axis === false ? 6 : 38) : 24,
      labelEvery: Math.max(1, Math.ceil(labelH / laneH)) };
  }

  /** What growRun needs of each drawing: its x scale and the rects of its open segments. */
  const growing = new WeakMap();

  /** Draws one run into its container on an axis from 0 to axisMs, cut at view.cursorMs if set. */
  function drawRun(model, container, axisMs, view = {}) {
    const { width, labelW, plotW, laneH, axisH, labelEvery } = layout(model, container, view);
    const aggregateH = model.aggregated ? 140 : 0;
    const top = axisH + aggregateH + (model.aggregated ? 22 : 0);
    const height = top + laneH * model.lanes.length + 6;
    const x = (ms) => labelW + Math.min(1, ms / axisMs) * plotW;
    const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'timeline-svg' });
    const step = niceStep(axisMs);
    if (model.aggregated) {
      drawAggregate(model, svg, x, axisH, aggregateH);
      el('text', { x: 4, y: top - 6, class: 'lane-label-left' }, svg).textContent =
        `the first ${model.lanes.length} of ${model.taskCount} tasks:`;
    }
    for (let t = 0; t <= axisMs + 1e-9; t += step) {
      el('line', { x1: x(t), x2: x(t), y1: axisH - 4, y2: height, class: 'grid' }, svg);
      if (view.axis !== false) el('text', { x: x(t), y: axisH - 8, class: 'tick' }, svg).textContent = tickLabel(t, step);
    }
    const labelled = labelledLanes(model, labelEvery);
    const open = [];
    model.lanes.forEach((lane, i) => {
      const y = top + i * laneH;
      if (labelled.has(i)) {
        el('text', { x: labelW - 6, y: y + laneH / 2, 'dominant-baseline': 'central', class: 'lane-label' }, svg)
          .textContent = lane.name;
      }
      drawLane(model, lane, svg, { x, y, laneH, view, open });
    });
    const cut = view.cursorMs !== null && view.cursorMs !== undefined;
    if (cut) el('line', { x1: x(view.cursorMs), x2: x(view.cursorMs), y1: axisH - 4, y2: height, class: 'cursor' }, svg);
    growing.set(svg, cut || model.aggregated ? null : { x, open });
    container.replaceChildren(svg);
  }

  /**
   * Stretches the open segments of the run drawn in container to nowMs, leaving the rest of the
   * drawing alone, and says whether it could: only a drawing whose shape is otherwise unchanged
   * (same events, axis and view) may grow, and never one cut by the cursor or aggregated, which
   * drawRun must draw anew.
   */
  function growRun(container, nowMs) {
    const drawing = growing.get(container.firstElementChild);
    if (!drawing) return false;
    drawing.open.forEach(({ rect, title, lane, s }) => {
      rect.setAttribute('width', Math.max(1, drawing.x(nowMs) - drawing.x(s.startMs)));
      title.textContent = segmentTitle(lane, Object.assign({}, s, { endMs: nowMs }));
    });
    return true;
  }

  /**
   * The lanes that get a label when lanes are too thin for every one: those where the most
   * happens off the CPU (naps, queues, locks) first, then the rest, never two labels closer than
   * `every` lanes, so the lanes a learner looks at are the ones named.
   */
  function labelledLanes(model, every) {
    const all = model.lanes.map((_, i) => i);
    if (every <= 1) return new Set(all);
    const offCpu = (lane) => model.segmentsOf(lane).reduce((sum, s) => sum + (s.state === 'running' ? 0 : s.endMs - s.startMs), 0);
    const weight = model.lanes.map(offCpu);
    const order = all.slice().sort((a, b) => weight[b] - weight[a] || a - b);
    const chosen = new Set();
    order.forEach((i) => {
      for (let j = i - every + 1; j < i + every; j++) if (chosen.has(j)) return;
      chosen.add(i);
    });
    return chosen;
  }

  /** A segment's tooltip: task, state and detail, when, and on which OS thread. */
  function segmentTitle(lane, s) {
    return `${lane.name} · ${s.state}${s.detail ? ' (' + s.detail + ')' : ''}\n`
      + `${seconds(s.startMs)} → ${seconds(s.endMs)}${s.thread ? '\nthread ' + s.thread : ''}`;
  }

  /** One lane's segments, its end mark and its print and shared-value marks. */
  function drawLane(model, lane, svg, { x, y, laneH, view, open }) {
    const part = cutAt(model, lane, view.cursorMs);
    const inset = laneH > 4 ? 1 : 0;
    part.segments.forEach((s, i) => {
      const w = Math.max(1, x(s.endMs) - x(s.startMs));
      const rect = titled(paint(el('rect', { x: x(s.startMs), y: y + inset, width: w, height: laneH - 2 * inset,
        class: 'seg seg-' + s.state, 'data-task': lane.name, 'data-state': s.state, 'data-thread': s.thread }, svg),
      s, view), segmentTitle(lane, s));
      if (lane.open && i === part.segments.length - 1) open.push({ rect, title: rect.lastChild, lane, s });
    });
    if (part.ended) {
      const kind = lane.outcome === 'done' ? 'end-done' : 'end-failed';
      titled(el('rect', { x: x(lane.endMs) - 1.5, y: y, width: 3, height: laneH, class: kind,
        'data-task': lane.name }, svg), `${lane.name} ${lane.outcome} at ${seconds(lane.endMs)}`
        + (lane.message ? ` (${lane.message})` : ''));
    }
    part.marks.forEach((m) => titled(el('rect', { x: x(m.atMs) - 1, y: y, width: 2, height: laneH,
      class: m.kind }, svg), `${lane.name} ${m.text} at ${seconds(m.atMs)}\nthread ${m.thread}`));
  }

  global.Timeline = { RunModel, drawRun, growRun, seconds, niceStep, threadColour, threadsOf, DETAILED_LANES, KEPT_EVENTS };
})(window);
