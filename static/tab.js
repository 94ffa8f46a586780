/*
 * tab.js: the comparisons of this tab, kept in sessionStorage as the server sent them, so a
 * reload shows them again and app.js follows their runs anew (the server cancels a page's runs
 * only after they went unwatched for a grace period, longer than a reload takes).
 */
(function () {
  'use strict';

  /** The comparisons of this tab as the server sent them, newest first, so a reload shows them again. */
  const KEPT_IN_TAB = 6;
  const TAB_KEY = 'playground:comparisons:' + location.pathname;

  function keptComparisons() {
    try { return JSON.parse(sessionStorage.getItem(TAB_KEY) || '[]'); } catch (e) { return []; }
  }

  function keepComparison(event) {
    if (!event.detail.target || event.detail.target.id !== 'runs' || !event.detail.xhr) return;
    if (event.detail.xhr.status !== 200) return;
    const kept = [{ html: event.detail.xhr.responseText, at: Date.now() }, ...keptComparisons()].slice(0, KEPT_IN_TAB);
    try { sessionStorage.setItem(TAB_KEY, JSON.stringify(kept)); } catch (e) { /* full: the page still works */ }
  }

  function restoreComparisons() {
    const target = document.getElementById('runs');
    if (!target) return;
    keptComparisons().forEach(({ html, at }) => {
      const holder = document.createElement('div');
      holder.innerHTML = html;
      const comparison = holder.querySelector('.comparison');
      if (!comparison) return;
      comparison.dataset.startedAt = at;
      target.appendChild(comparison);
    });
  }

  document.addEventListener('htmx:afterSwap', keepComparison);
  document.addEventListener('DOMContentLoaded', restoreComparisons);
})();
