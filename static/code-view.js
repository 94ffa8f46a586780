// The Code view: the form's scenario as a Python or Java program, fetched from /playground/export.
// The choices (languages, and the styles of each mode) come from the server in data-choices.
(function () {
  'use strict';

  function init() {
    const view = document.getElementById('code-view');
    const form = document.getElementById('run-form');
    if (!view || !form) return;
    const choices = JSON.parse(view.dataset.choices);
    const language = view.querySelector('#code-language');
    const mode = view.querySelector('#code-mode');
    const style = view.querySelector('#code-style');
    const text = view.querySelector('#code-text');
    const message = view.querySelector('#code-message');
    const copy = view.querySelector('#code-copy');
    const download = view.querySelector('#code-download');
    let fileName = 'scenario.txt';

    fill(language, Object.keys(choices));
    function modes() {
      const ticked = Array.from(form.querySelectorAll('input[name="modes"]:checked')).map((box) => box.value);
      const offered = Object.keys(choices[language.value]);
      const first = ticked.filter((id) => offered.includes(id));
      return first.concat(offered.filter((id) => !first.includes(id)));
    }
    function styles() {
      fill(style, choices[language.value][mode.value] || []);
    }
    function modesAndStyles() {
      fill(mode, modes());
      styles();
    }

    async function show() {
      const body = new FormData(form);
      body.set('language', language.value);
      body.set('exportMode', mode.value);
      body.set('style', style.value);
      message.textContent = 'Writing the program…';
      // HX-Request marks the post as our own page's, as htmx's are: the server refuses form posts without it
      const response = await fetch('/playground/export', { method: 'POST', body: new URLSearchParams(body),
        headers: { 'HX-Request': 'true' } });
      const answer = await response.text();
      if (!response.ok) {
        message.textContent = answer;
        text.hidden = true;
        copy.disabled = download.disabled = true;
        return;
      }
      const disposition = response.headers.get('Content-Disposition') || '';
      const named = /filename="([^"]+)"/.exec(disposition);
      fileName = named ? named[1] : fileName;
      text.querySelector('code').textContent = answer;
      text.hidden = false;
      copy.disabled = download.disabled = false;
      message.textContent = fileName + ' · ' + answer.split('\n').length + ' lines · run it with '
        + (language.value === 'python' ? 'python3 ' : 'java ') + fileName;
    }

    language.addEventListener('change', () => { modesAndStyles(); show(); });
    mode.addEventListener('change', () => { styles(); show(); });
    style.addEventListener('change', show);
    view.querySelector('#code-show').addEventListener('click', () => { modesAndStyles(); show(); });
    copy.addEventListener('click', () => {
      const code = text.querySelector('code').textContent;
      const done = () => { message.textContent = 'Copied ' + fileName + ' to the clipboard.'; };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(code).then(done, () => selectCode(text, message));
      } else {
        selectCode(text, message);
      }
    });
    download.addEventListener('click', () => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text.querySelector('code').textContent], { type: 'text/plain' }));
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(link.href);
    });
    form.addEventListener('submit', () => { if (!text.hidden) show(); });
    modesAndStyles();
    show();
  }

  function fill(select, values) {
    const before = select.value;
    select.replaceChildren(...values.map((value) => new Option(value, value)));
    if (values.includes(before)) select.value = before;
  }

  function selectCode(text, message) {
    const range = document.createRange();
    range.selectNodeContents(text);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    message.textContent = 'Press Ctrl+C (or Cmd+C) to copy the selected code.';
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}());
