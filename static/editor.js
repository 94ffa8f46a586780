/*
 * editor.js: the scenario editor: line numbers, per-line error notes, Tab indentation and Reset.
 *
 * The server checks the text as it changes (htmx, debounced) and answers with the parameter
 * form and a list of diagnostics (#diagnostics li[data-line]); this script puts each message
 * beside its line.
 */
(function () {
  'use strict';

  const INDENT = '  ';

  function diagnosticsByLine() {
    const byLine = new Map();
    document.querySelectorAll('#diagnostics li[data-line]').forEach((li) => {
      const line = Number(li.dataset.line);
      byLine.set(line, (byLine.has(line) ? byLine.get(line) + ' · ' : '') + li.dataset.message);
    });
    return byLine;
  }

  function render(editor) {
    const area = editor.querySelector('textarea');
    const count = area.value.split('\n').length;
    const problems = diagnosticsByLine();
    const gutter = editor.querySelector('.gutter');
    const notes = editor.querySelector('.notes');
    const numbers = [];
    const messages = [];
    for (let line = 1; line <= count; line++) {
      const problem = problems.get(line);
      numbers.push(problem ? `<span class="bad" title="${escape(problem)}">${line}</span>` : String(line));
      messages.push(problem ? `<span class="note" data-line="${line}">${escape(problem)}</span>` : '');
    }
    gutter.innerHTML = numbers.join('\n');
    notes.innerHTML = messages.join('\n');
    syncScroll(editor);
  }

  function escape(text) {
    return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  }

  function syncScroll(editor) {
    const area = editor.querySelector('textarea');
    editor.querySelector('.gutter').scrollTop = area.scrollTop;
    editor.querySelector('.notes').scrollTop = area.scrollTop;
  }

  /** Tab indents (every selected line if several), Shift+Tab dedents; Escape lets Tab leave. */
  function onKey(event, editor) {
    const area = event.target;
    if (event.key === 'Escape') { area.dataset.tabLeaves = 'yes'; return; }
    if (event.key !== 'Tab' || area.dataset.tabLeaves === 'yes') return;
    event.preventDefault();
    const { selectionStart: start, selectionEnd: end, value } = area;
    const lineStart = value.lastIndexOf('\n', start - 1) + 1;
    if (start === end && !event.shiftKey) {
      area.setRangeText(INDENT, start, end, 'end');
    } else {
      const block = value.slice(lineStart, end);
      const changed = event.shiftKey
        ? block.replace(/^ {1,2}/gm, '')
        : block.replace(/^/gm, INDENT);
      area.setRangeText(changed, lineStart, end, 'select');
    }
    area.dispatchEvent(new Event('input', { bubbles: true }));
    render(editor);
  }

  function bind(editor) {
    if (editor.dataset.bound) { render(editor); return; }
    editor.dataset.bound = 'yes';
    const area = editor.querySelector('textarea');
    area.addEventListener('input', () => render(editor));
    area.addEventListener('scroll', () => syncScroll(editor));
    area.addEventListener('keydown', (event) => onKey(event, editor));
    area.addEventListener('blur', () => { delete area.dataset.tabLeaves; });
    const reset = document.getElementById('reset-source');
    if (reset) {
      reset.addEventListener('click', () => {
        area.value = area.dataset.original;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    render(editor);
  }

  function bindAll() {
    document.querySelectorAll('.editor').forEach(bind);
  }

  document.addEventListener('DOMContentLoaded', bindAll);
  document.addEventListener('htmx:load', bindAll);
})();
