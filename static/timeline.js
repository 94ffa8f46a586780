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

  function seconds(ms) {
    if (ms === null || ms === undefined) return '';
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
    }

    get aggregated() {
      return this.aggregate !== null;
    }

    /** Applies one event; ignores an event already seen (after a reconnect). */
    apply(ev) {
      if (ev.seq <= this.lastSeq) return false;
      this.lastSeq = ev.seq;
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

  /** An axis label with just the decimals the step needs: 0 s, 0.5 s, 1 s, 1.5 s. */
  function tickLabel(ms, stepMs) {
    const decimals = Math.max(0, Math.ceil(-Math.log10(stepMs / 1000) - 1e-9));
    return (ms / 1000).toFixed(decimals) + ' s';
  }

  function niceStep(maxMs) {
    const rough = maxMs / 8;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    const steps = [1, 2, 5, 10].map((f) => f * power);
    return steps.find((s) => s >= rough) || steps[steps.length - 1];
  }

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
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
   * How a segment is painted: by state (the default), or by OS thread, where only running
   * segments take their thread's colour and everything off-CPU is grey; a highlighted thread
   * dims every other.
   */
  function paint(s, view) {
    if (view.colourBy !== 'thread') return {};
    if (s.state !== 'running') return { style: 'fill: #e4e7ec' };
    const dim = view.highlight && view.highlight !== s.thread ? '; opacity: .15' : '';
    return { style: `fill: ${threadColour(s.thread)}${dim}` };
  }

  /** Draws one run into its container on an axis from 0 to axisMs. */
  function drawRun(model, container, axisMs, view = {}) {
    const width = Math.max(420, container.clientWidth || 800);
    const labelW = 64;
    const plotW = width - labelW - 12;
    const laneH = Math.max(4, Math.min(16, Math.floor(480 / Math.max(1, model.lanes.length))));
    const aggregateH = model.aggregated ? 140 : 0;
    const top = 24 + aggregateH + (model.aggregated ? 22 : 0);
    const height = top + laneH * model.lanes.length + 6;
    const x = (ms) => labelW + Math.min(1, ms / axisMs) * plotW;
    const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'timeline-svg' });
    const step = niceStep(axisMs);
    if (model.aggregated) {
      drawAggregate(model, svg, x, 24, aggregateH);
      el('text', { x: 4, y: top - 6, class: 'lane-label-left' }, svg).textContent =
        `the first ${model.lanes.length} of ${model.taskCount} tasks:`;
    }
    for (let t = 0; t <= axisMs + 1e-9; t += step) {
      el('line', { x1: x(t), x2: x(t), y1: 20, y2: height, class: 'grid' }, svg);
      el('text', { x: x(t), y: 16, class: 'tick' }, svg).textContent = tickLabel(t, step);
    }
    model.lanes.forEach((lane, i) => {
      const y = top + i * laneH;
      if (laneH >= 10) el('text', { x: labelW - 6, y: y + laneH - 3, class: 'lane-label' }, svg).textContent = lane.name;
      model.segmentsOf(lane).forEach((s) => {
        const w = Math.max(1, x(s.endMs) - x(s.startMs));
        titled(el('rect', Object.assign({ x: x(s.startMs), y: y + 1, width: w, height: laneH - 2,
          class: 'seg seg-' + s.state, 'data-task': lane.name, 'data-state': s.state, 'data-thread': s.thread },
        paint(s, view)), svg),
        `${lane.name} · ${s.state}${s.detail ? ' (' + s.detail + ')' : ''}\n`
          + `${seconds(s.startMs)} → ${seconds(s.endMs)}${s.thread ? '\nthread ' + s.thread : ''}`);
      });
      if (lane.endMs !== null) {
        const kind = lane.outcome === 'done' ? 'end-done' : 'end-failed';
        titled(el('rect', { x: x(lane.endMs) - 1.5, y: y, width: 3, height: laneH, class: kind,
          'data-task': lane.name }, svg), `${lane.name} ${lane.outcome} at ${seconds(lane.endMs)}`
          + (lane.message ? ` (${lane.message})` : ''));
      }
      lane.marks.forEach((m) => titled(el('rect', { x: x(m.atMs) - 1, y: y, width: 2, height: laneH,
        class: m.kind }, svg), `${lane.name} ${m.text} at ${seconds(m.atMs)}\nthread ${m.thread}`));
    });
    container.replaceChildren(svg);
  }

  global.Timeline = { RunModel, drawRun, seconds, niceStep, threadColour, threadsOf, DETAILED_LANES };
})(window);
