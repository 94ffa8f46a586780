/*
 * present.js: the presentation view (big type, the editor folded, each comparison sized to one
 * screen; the Presentation view button or ?present=1 in the address) and the theme (light, dark,
 * or the system's choice until one is made, kept in localStorage).
 */
(function () {
  'use strict';

  const root = document.documentElement;
  const THEME_KEY = 'playground:theme';

  function systemDark() {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  }

  function isDark() {
    return root.classList.contains('dark') || (!root.classList.contains('light') && systemDark());
  }

  function applyTheme(choice) {
    root.classList.toggle('dark', choice === 'dark');
    root.classList.toggle('light', choice === 'light');
    const button = document.getElementById('theme-toggle');
    if (button) {
      button.setAttribute('aria-pressed', String(isDark()));
      button.textContent = isDark() ? 'Light theme' : 'Dark theme';
    }
  }

  function redraw() {
    if (window.Playground) window.Playground.requestRedraw();
  }

  /** Turns the presentation view on or off, and says so in the address so a link keeps it. */
  function present(on) {
    document.body.classList.toggle('presenting', on);
    const button = document.getElementById('present-toggle');
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Leave presentation view' : 'Presentation view';
    const editor = document.querySelector('.editor-section');
    if (editor) editor.open = !on;
    const url = new URL(location.href);
    if (on) url.searchParams.set('present', '1'); else url.searchParams.delete('present');
    history.replaceState(history.state, '', url);
    redraw();
  }

  applyTheme(localStorage.getItem(THEME_KEY));
  document.addEventListener('DOMContentLoaded', () => {
    applyTheme(localStorage.getItem(THEME_KEY));
    document.getElementById('theme-toggle').addEventListener('click', () => {
      const choice = isDark() ? 'light' : 'dark';
      localStorage.setItem(THEME_KEY, choice);
      applyTheme(choice);
      redraw();
    });
    document.getElementById('present-toggle').addEventListener('click',
      () => present(!document.body.classList.contains('presenting')));
    if (new URLSearchParams(location.search).get('present') === '1') present(true);
  });

  window.Present = { present };
})();
