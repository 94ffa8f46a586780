/*
 * share.js: "Copy link" puts the whole form (exercise, scenario text if edited, parameters, modes
 * and their options, guesses) in the address's fragment, deflated and base64url-encoded, so a
 * 64 KiB scenario fits and the server never receives it. Opening such a link restores the form
 * and offers one click to run it; a link that cannot be read says why.
 */
(function () {
  'use strict';

  const PREFIX = '#s=';
  const VERSION = 1;
  const FIXED_FIELDS = new Set(['source', 'exercise', 'modes', 'threads', 'limit', 'speed']);

  function toBase64Url(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it contains characters a link of ours never has (was it cut or edited?)');
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }

  async function pipe(bytes, stream) {
    const out = new Blob([bytes]).stream().pipeThrough(stream);
    return new Uint8Array(await new Response(out).arrayBuffer());
  }

  /** The form's whole state: what a link must carry to give the same comparison. */
  function stateOf(form) {
    const data = new FormData(form);
    const area = form.querySelector('#source');
    const params = {};
    const guesses = {};
    data.forEach((value, name) => {
      if (name.startsWith('predict-')) { if (value) guesses[name.slice(8)] = value; } else if (!FIXED_FIELDS.has(name)) params[name] = value;
    });
    return { v: VERSION, exercise: data.get('exercise') || '', source: area.value === area.dataset.original ? null : area.value,
      params, modes: data.getAll('modes'), threads: data.get('threads'), limit: data.get('limit'), speed: data.get('speed'),
      guesses };
  }

  async function linkTo(form) {
    const json = new TextEncoder().encode(JSON.stringify(stateOf(form)));
    const packed = await pipe(json, new CompressionStream('deflate-raw'));
    return `${location.origin}${location.pathname}${PREFIX}${toBase64Url(packed)}`;
  }

  async function read(fragment) {
    let bytes;
    try { bytes = fromBase64Url(fragment); } catch (e) { throw new Error(e.message.startsWith('it ') ? e.message : 'it is not valid base64url (was it cut short?)'); }
    let text;
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw'))); } catch (e) {
      throw new Error('its compressed data is damaged or cut short; copy the whole link again');
    }
    let state;
    try { state = JSON.parse(text); } catch (e) { throw new Error('it does not hold a playground state'); }
    if (!state || typeof state !== 'object' || typeof state.v !== 'number') throw new Error('it does not hold a playground state');
    if (state.v > VERSION) throw new Error('it was made by a newer version of the playground');
    return state;
  }

  function setValue(form, name, value) {
    const field = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (field && value !== null && value !== undefined) field.value = value;
  }

  /** Puts a state into the form: the text and its parameter fields (re-rendered by the server), modes, guesses. */
  async function restore(form, state) {
    const area = form.querySelector('#source');
    area.value = state.source === null || state.source === undefined ? area.dataset.original : state.source;
    const values = Object.assign({ source: area.value }, state.params || {});
    await window.htmx.ajax('POST', '/playground/check', { target: '#params', swap: 'outerHTML', values });
    area.dispatchEvent(new Event('input', { bubbles: true }));
    form.querySelectorAll('input[name="modes"]').forEach((box) => { box.checked = (state.modes || []).includes(box.value); });
    setValue(form, 'threads', state.threads);
    setValue(form, 'limit', state.limit);
    setValue(form, 'speed', state.speed);
    form.querySelectorAll('input.prediction').forEach((field) => { field.value = (state.guesses || {})[field.name.slice(8)] || ''; });
  }

  function banner(message, runnable) {
    const box = document.getElementById('shared-banner');
    box.hidden = false;
    box.classList.toggle('unreadable', !runnable);
    box.querySelector('.shared-message').textContent = message;
    box.querySelector('.shared-run').hidden = !runnable;
  }

  async function openLink(form) {
    if (!location.hash.startsWith(PREFIX)) return;
    try {
      const state = await read(location.hash.slice(PREFIX.length));
      await restore(form, state);
      banner('Opened from a shared link: the scenario, parameters, modes and guesses are restored. It does not run by itself:', true);
    } catch (e) {
      banner(`This shared link cannot be read: ${e.message}. The page shows the exercise as it comes.`, false);
    }
  }

  function bind(form) {
    const copy = form.querySelector('#copy-link');
    const output = document.getElementById('share-link');
    copy.addEventListener('click', async () => {
      const link = await linkTo(form);
      history.replaceState(history.state, '', link);
      output.hidden = false;
      output.value = link;
      output.select();
      const kb = (link.length / 1024).toFixed(1);
      const done = (how) => { copy.textContent = how; setTimeout(() => { copy.textContent = 'Copy link'; }, 2500); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(link).then(() => done(`Link copied (${kb} kB)`), () => done(`Link ready below (${kb} kB)`));
      } else {
        done(`Link ready below (${kb} kB)`);
      }
    });
    document.querySelector('#shared-banner .shared-run').addEventListener('click', () => {
      document.getElementById('shared-banner').hidden = true;
      form.requestSubmit();
    });
    openLink(form);
  }

  document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('run-form');
    if (form) bind(form);
  });
})();
