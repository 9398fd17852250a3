// The reviewer page. Everything shown comes from tool calls a model asked for, so it is attacker-
// controlled: it is only ever put into the page as text (textContent), never as markup.
// The token lives in this tab's sessionStorage and is sent only by fetch() in an Authorization header;
// the browser never attaches it to a request on its own, so another site cannot forge an answer.
'use strict';

(function () {
  const POLL_MILLIS = 1500;
  const TOKEN_KEY = 'veto.token';
  const REVIEWER_KEY = 'veto.reviewer';
  const cards = new Map();   // decision id -> {element, request}
  let focusId = null;
  let timer = null;

  const $ = (id) => document.getElementById(id);

  function readFragment() {
    const params = new URLSearchParams(location.hash.slice(1));
    const token = params.get('token');
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
    }
    focusId = params.get('id');
    // Take the token out of the address bar and the history.
    history.replaceState(null, '', location.pathname + (focusId ? '#id=' + encodeURIComponent(focusId) : ''));
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function status(text) {
    $('status').textContent = text;
  }

  function askForToken(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    clearTimeout(timer);
    $('login').hidden = false;
    $('reviewer-box').hidden = true;
    status(message);
    $('token-input').focus();
  }

  async function api(path, options) {
    const headers = Object.assign({ 'Authorization': 'Bearer ' + token() }, (options && options.headers) || {});
    return fetch(path, Object.assign({}, options, { headers, cache: 'no-store', credentials: 'omit' }));
  }

  async function poll() {
    clearTimeout(timer);
    try {
      const response = await api('/api/approvals');
      if (response.status === 401) {
        askForToken('The token was not accepted. Paste the reviewer token.');
        return;
      }
      if (!response.ok) {
        status('The server answered ' + response.status + '; retrying…');
      } else {
        const body = await response.json();
        render(body.pending || []);
        status('Updated ' + new Date().toLocaleTimeString() + ' · ' + cards.size + ' waiting');
      }
    } catch (e) {
      status('Cannot reach the server (' + e.message + '); retrying…');
    }
    timer = setTimeout(poll, POLL_MILLIS);
  }

  function render(pending) {
    const seen = new Set();
    for (const request of pending) {
      seen.add(request.id);
      if (!cards.has(request.id)) {
        const element = buildCard(request);
        $('pending').appendChild(element);
        cards.set(request.id, { element, request, answered: false });
        if (request.id === focusId) {
          element.classList.add('highlight');
          element.scrollIntoView();
        }
      }
    }
    for (const [id, card] of cards) {
      if (!seen.has(id) && !card.answered) {
        finish(card, 'Decided elsewhere or timed out.', false);
      }
      updateExpiry(card);
    }
    $('empty').hidden = cards.size > 0;
  }

  function buildCard(request) {
    const element = $('card-template').content.firstElementChild.cloneNode(true);
    element.dataset.id = request.id;
    const put = (selector, text) => { element.querySelector(selector).textContent = text == null ? '–' : String(text); };
    put('.tool', request.tool);
    put('.reason', request.reason);
    put('.rule', request.rule);
    put('.decision', request.id);
    put('.escalation', request.escalation === 'allow' ? 'it runs (escalation: allow)' : 'it is denied');
    put('.arguments', JSON.stringify(request.arguments, null, 2));
    put('.context', JSON.stringify(request.context, null, 2));
    element.querySelector('.approve').addEventListener('click', () => answer(request, true));
    element.querySelector('.deny').addEventListener('click', () => answer(request, false));
    return element;
  }

  function updateExpiry(card) {
    if (card.answered || !card.request.expires_at) {
      return;
    }
    const left = Math.max(0, Math.round((Date.parse(card.request.expires_at) - Date.now()) / 1000));
    const text = left >= 120 ? Math.round(left / 60) + ' min left' : left + ' s left';
    card.element.querySelector('.expires').textContent = text;
  }

  function finish(card, message, ok) {
    card.answered = true;
    const result = card.element.querySelector('.result');
    result.textContent = message;
    result.classList.toggle('error', !ok);
    card.element.querySelectorAll('button, input').forEach((b) => { b.disabled = true; });
    setTimeout(() => { card.element.remove(); cards.delete(card.request.id); $('empty').hidden = cards.size > 0; }, 5000);
  }

  async function answer(request, approve) {
    const card = cards.get(request.id);
    const result = card.element.querySelector('.result');
    const reviewer = $('reviewer-input').value.trim();
    if (!reviewer) {
      result.textContent = 'Enter your name above first: it is recorded with the answer.';
      result.classList.add('error');
      $('reviewer-input').focus();
      return;
    }
    sessionStorage.setItem(REVIEWER_KEY, reviewer);
    card.element.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    const body = {
      reviewer,
      reason: card.element.querySelector('.answer-reason').value,
      arguments_hash: request.arguments_hash
    };
    try {
      const response = await api('/api/approvals/' + encodeURIComponent(request.id) + (approve ? '/approve' : '/deny'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      });
      const reply = await response.json().catch(() => ({}));
      if (response.ok) {
        finish(card, (approve ? 'Approved' : 'Denied') + ' by ' + reviewer + '.', true);
      } else if (response.status === 401) {
        askForToken('The token was not accepted. Paste the reviewer token.');
      } else if (response.status === 409 || response.status === 404) {
        finish(card, 'Not recorded: ' + (reply.message || ('HTTP ' + response.status)), false);
      } else {
        result.textContent = 'Not recorded: ' + (reply.message || ('HTTP ' + response.status));
        result.classList.add('error');
        card.element.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      }
    } catch (e) {
      result.textContent = 'Not recorded: cannot reach the server (' + e.message + ').';
      result.classList.add('error');
      card.element.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  }

  function start() {
    readFragment();
    $('reviewer-input').value = sessionStorage.getItem(REVIEWER_KEY) || '';
    $('login').addEventListener('submit', (event) => {
      event.preventDefault();
      const value = $('token-input').value.trim();
      if (value) {
        sessionStorage.setItem(TOKEN_KEY, value);
        $('token-input').value = '';
        $('login').hidden = true;
        $('reviewer-box').hidden = false;
        status('Loading…');
        poll();
      }
    });
    if (!token()) {
      askForToken('Paste the reviewer token to see calls waiting for approval.');
      return;
    }
    $('reviewer-box').hidden = false;
    poll();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
