// Bulwark console, Support page: plain browser JavaScript, no build step, nothing fetched from elsewhere.
// Talks to /api/support/* with the principal's name and token (HTTP Basic, shared with the maritime page
// through sessionStorage). Charts are inline SVG drawn here from the report's JSON.
'use strict';

const state = {
  auth: sessionStorage.getItem('bulwark.auth') || '',
  me: null, allies: [], report: null, selected: 0, filterAlly: null, year: null,
};

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';

function api(path, options = {}) {
  const headers = Object.assign({ 'Authorization': 'Basic ' + state.auth, 'Accept': 'application/json' },
    options.headers || {});
  return fetch(path, Object.assign({}, options, { headers }));
}

async function apiJson(path, options) {
  const r = await api(path, options);
  if (!r.ok) {
    throw new Error(await refusal(r));
  }
  return r.json();
}

/** The API's error as one line, with its details. */
async function refusal(r) {
  try {
    const e = await r.json();
    return (e.description || r.status) + (e.details && e.details.length
      ? ': ' + e.details.map((d) => d.where + ': ' + d.reason).join('; ') : '');
  } catch (err) {
    return 'HTTP ' + r.status;
  }
}

// ---- sign-in ----
$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  state.auth = btoa($('login-user').value.trim() + ':' + $('login-password').value.trim());
  const r = await api('/api/support/me').catch(() => null);
  if (r && r.ok) {
    sessionStorage.setItem('bulwark.auth', state.auth);
    $('login').hidden = true;
    start(await r.json());
  } else {
    $('login-error').textContent = !r ? 'The node does not answer.'
      : r.status === 403 ? 'Signed in, but your roles do not include reading support figures.' : 'Not accepted (' + r.status + ').';
  }
});

async function resume() {
  if (state.auth) {
    const r = await api('/api/support/me').catch(() => null);
    if (r && r.ok) {
      $('login').hidden = true;
      start(await r.json());
      return;
    }
    state.auth = '';
    sessionStorage.removeItem('bulwark.auth');
  }
  $('login-user').focus();
}

// ---- formatting ----
function money(v) {
  const x = Number(v);
  const a = Math.abs(x);
  if (a >= 1e9) {
    return 'EUR ' + (x / 1e9).toFixed(2) + ' bn';
  }
  if (a >= 1e6) {
    return 'EUR ' + (x / 1e6).toFixed(1) + ' m';
  }
  return 'EUR ' + Math.round(x).toLocaleString('en-GB');
}

function pct(share) {
  return (Number(share) * 100).toFixed(2) + ' %';
}

function esc(s) {
  return String(s === undefined || s === null ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function words(s) {
  return String(s || '').replace(/_/g, ' ');
}

function status(text) {
  $('support-status').textContent = text;
}

// ---- loading ----
function params() {
  const p = new URLSearchParams();
  if (state.year) {
    p.set('year', state.year);
  }
  p.set('count', $('count').value);
  if ($('baseline').value) {
    p.set('baseline', $('baseline').value);
  }
  return p;
}

async function load() {
  const p = params();
  p.set('format', 'json');
  status('loading…');
  try {
    const report = await apiJson('/api/support/report?' + p);
    state.report = report;
    state.year = Number(report.focus.period.slice(0, 4));
    $('year').value = state.year;
    $('publish-year').textContent = report.focus.period;
    render();
    status(state.me.name + ' (' + state.me.nation + ', ' + state.me.roles.join(', ') + ') · '
      + report.entries.length + ' entries in ' + report.focus.period);
  } catch (err) {
    status('not loaded: ' + err.message);
  }
  loadPublications();
}

function render() {
  const f = state.report.focus;
  $('summary').innerHTML = 'Baseline for ' + esc(f.period) + ': <b>' + money(f.baseline_eur) + '</b> shared by '
    + esc(f.key) + ' ' + f.key_year + '. Counted: <b>' + money(f.counted_eur) + '</b>. Shortfall against the baseline: <b class="gap" id="shortfall">'
    + money(f.shortfall_eur) + '</b>. Gaps of the allies below their share: ' + money(f.sum_of_gaps_eur) + '.';
  drawFairShare(f.allies);
  drawShortfall(state.report.history);
  renderGapTable(f.allies);
  renderEntries();
}

// ---- charts (inline SVG) ----
function svg(width, height, label) {
  const s = document.createElementNS(SVG, 'svg');
  s.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  s.setAttribute('width', width);
  s.setAttribute('height', height);
  s.setAttribute('role', 'img');
  s.setAttribute('aria-label', label);
  return s;
}

function el(parent, name, attrs, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) {
    e.setAttribute(k, v);
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  parent.appendChild(e);
  return e;
}

function legend(s, x, y) {
  el(s, 'rect', { x, y: y - 9, width: 10, height: 10, class: 'bar-fair' });
  el(s, 'text', { x: x + 14, y }, 'fair share / baseline');
  el(s, 'rect', { x: x + 140, y: y - 9, width: 10, height: 10, class: 'bar-counted' });
  el(s, 'text', { x: x + 154, y }, 'counted');
}

function drawFairShare(allies) {
  const rows = allies.slice().sort((a, b) => Number(b.fair_share_eur) - Number(a.fair_share_eur));
  const row = 17;
  const left = 120;
  const width = 760;
  const s = svg(width, rows.length * row + 30, 'Fair share and counted support by ally');
  s.id = 'fair-share-svg';
  legend(s, left, 12);
  const max = Math.max(1, ...rows.map((a) => Math.max(Number(a.fair_share_eur), Number(a.counted_eur))));
  const span = width - left - 190; // room for the longest label right of the longest bar
  let y = 22;
  for (const a of rows) {
    const g = el(s, 'g', { 'data-iso3': a.iso3, class: 'ally-bar' });
    const fw = span * Number(a.fair_share_eur) / max;
    const cw = span * Math.max(0, Number(a.counted_eur)) / max;
    el(g, 'text', { x: left - 6, y: y + 11, 'text-anchor': 'end' }, a.name);
    el(g, 'rect', { x: left, y: y + 1, width: fw.toFixed(1), height: 13, class: 'bar-fair' });
    el(g, 'rect', { x: left, y: y + 4, width: cw.toFixed(1), height: 7, class: 'bar-counted' });
    el(g, 'text', { x: (left + Math.max(fw, cw) + 4).toFixed(1), y: y + 11 }, money(a.counted_eur) + ' / ' + money(a.fair_share_eur));
    el(g, 'title', {}, a.name + ': counted ' + money(a.counted_eur) + ' of a fair share of ' + money(a.fair_share_eur));
    y += row;
  }
  $('chart-fair-share').replaceChildren(s);
}

function drawShortfall(history) {
  const col = Math.max(44, Math.min(90, Math.floor(560 / Math.max(1, history.length))));
  const chartH = 200;
  const top = 26;
  const s = svg(history.length * col + 20, chartH + top + 40, 'Baseline, counted support and shortfall per half-year');
  s.id = 'shortfall-svg';
  legend(s, 10, 12);
  const max = Math.max(1, ...history.map((h) => Math.max(Number(h.baseline_eur), Number(h.counted_eur))));
  let x = 10;
  for (const h of history) {
    const base = top + chartH;
    const th = chartH * Number(h.baseline_eur) / max;
    const ch = chartH * Math.max(0, Number(h.counted_eur)) / max;
    const g = el(s, 'g', { 'data-period': h.period });
    el(g, 'rect', { x, y: (base - th).toFixed(1), width: col / 2 - 2, height: th.toFixed(1), class: 'bar-fair' });
    el(g, 'rect', { x: x + col / 2 - 2, y: (base - ch).toFixed(1), width: col / 2 - 2, height: ch.toFixed(1), class: 'bar-counted' });
    el(g, 'text', { x, y: base + 14 }, h.period);
    el(g, 'text', { x, y: base + 28, class: 'short' }, Number(h.shortfall_eur) > 0 ? '-' + money(h.shortfall_eur).replace('EUR ', '') : 'met');
    el(g, 'title', {}, h.period + ': baseline ' + money(h.baseline_eur) + ', counted ' + money(h.counted_eur)
      + ', shortfall ' + money(h.shortfall_eur));
    x += col;
  }
  $('chart-shortfall').replaceChildren(s);
}

// ---- tables ----
function renderGapTable(allies) {
  const body = $('gap-table').tBodies[0];
  state.selected = Math.max(0, Math.min(state.selected, allies.length - 1));
  body.replaceChildren(...allies.map((a, i) => {
    const tr = document.createElement('tr');
    tr.dataset.iso3 = a.iso3;
    tr.className = (i === state.selected ? 'selected ' : '') + (Number(a.gap_eur) > 0 ? 'short' : '');
    tr.innerHTML = '<td>' + esc(a.name) + ' (' + esc(a.iso3) + ')</td><td>' + pct(a.share) + '</td><td class="fair">'
      + money(a.fair_share_eur) + '</td><td>' + money(a.counted_eur) + '</td><td class="gap">'
      + (Number(a.gap_eur) > 0 ? money(a.gap_eur) : '') + '</td><td>' + (Number(a.surplus_eur) > 0 ? money(a.surplus_eur) : '')
      + '</td><td>' + money(a.pledged_eur) + '</td><td>' + money(a.reporting_only_eur) + '</td>';
    tr.addEventListener('click', () => { state.selected = i; select(); toggleFilter(); });
    return tr;
  }));
  select(false);
}

function select(scroll = true) {
  const rows = $('gap-table').tBodies[0].rows;
  for (let i = 0; i < rows.length; i++) {
    rows[i].classList.toggle('selected', i === state.selected);
  }
  const row = rows[state.selected];
  const iso3 = row ? row.dataset.iso3 : null;
  document.querySelectorAll('#fair-share-svg g.ally-bar').forEach((g) => g.classList.toggle('selected', g.dataset.iso3 === iso3));
  if (row && scroll) {
    row.scrollIntoView({ block: 'nearest' });
  }
}

function toggleFilter() {
  const row = $('gap-table').tBodies[0].rows[state.selected];
  const iso3 = row ? row.dataset.iso3 : null;
  state.filterAlly = state.filterAlly === iso3 ? null : iso3;
  renderEntries();
}

function renderEntries() {
  const entries = state.report.entries.filter((e) => !state.filterAlly || e.donor === state.filterAlly);
  $('entries-period').textContent = state.report.focus.period;
  $('entries-filter').textContent = state.filterAlly ? 'of ' + state.filterAlly + ' (Enter again for all)' : '';
  const shown = entries.slice(-300).reverse();
  $('entries-table').tBodies[0].innerHTML = shown.map((e) => '<tr><td>' + esc(e.date) + '</td><td class="l">' + esc(e.donor)
    + '</td><td class="l">' + esc(e.status) + '</td><td class="l">' + esc(words(e.category)) + '</td><td class="l">'
    + esc(e.channel) + '</td><td>' + money(e.eur) + '</td><td class="l">' + esc(e.description) + '</td><td class="l">'
    + esc(e.source) + '</td></tr>').join('')
    + (entries.length > shown.length ? '<tr><td class="l" colspan="8">… and ' + (entries.length - shown.length)
      + ' older entries (see the CSV or JSON report)</td></tr>' : '');
}

// ---- allocation ----
async function runAllocation() {
  $('allocation-summary').textContent = 'solving…';
  const p = new URLSearchParams({ count: $('count').value });
  try {
    const r = await apiJson('/api/support/allocation?' + p, { method: 'POST' });
    $('allocation-summary').textContent = r.requirements.length + ' requirements, ' + r.offers.length + ' offers, fair shares of '
      + r.year + ': shortfall ' + money(r.shortfall_eur) + ', largest deviation from a fair share ' + money(r.max_deviation_eur)
      + ' (' + r.solve_ms + ' ms)';
    $('allocation-table').tBodies[0].innerHTML = r.requirements.map((q) => '<tr data-id="' + esc(q.id) + '" class="'
      + (q.shortfall_units > 1e-6 ? 'short' : '') + '"><td>' + esc(q.id) + '</td><td class="l">' + esc(words(q.coalition))
      + '</td><td class="l">' + esc(q.item) + '</td><td>' + q.priority + '</td><td>' + esc(q.need_by) + '</td><td>'
      + num(q.quantity) + '</td><td>' + num(q.filled_units) + '</td><td class="gap">'
      + (q.shortfall_eur > 0 ? money(q.shortfall_eur) : '') + '</td><td class="l">'
      + esc(q.filled_by.map((b) => b.ally + ' ' + num(b.units)).join(', ')) + '</td><td class="l">' + esc(q.explanation)
      + '</td></tr>').join('') || '<tr><td colspan="10">No requirements entered.</td></tr>';
    $('allocation-allies').tBodies[0].innerHTML = r.allies.map((a) => '<tr><td>' + esc(a.ally) + '</td><td>'
      + money(a.allocated_eur) + '</td><td>' + money(a.prior_eur) + '</td><td>' + money(a.target_eur) + '</td><td>'
      + money(a.deviation_eur) + '</td></tr>').join('');
  } catch (err) {
    $('allocation-summary').textContent = 'Not run: ' + err.message;
  }
}

function num(v) {
  return Math.abs(v - Math.round(v)) < 1e-6 ? String(Math.round(v)) : Number(v).toFixed(2);
}

// ---- entering ----
function showResult(ok, text, details) {
  const box = $('enter-result');
  box.className = ok ? 'ok' : 'refused';
  box.innerHTML = esc(text) + (details && details.length
    ? '<ul>' + details.map((d) => '<li>' + esc(d.where) + ': ' + esc(d.reason) + '</li>').join('') + '</ul>' : '');
}

async function send(path, options, what) {
  const r = await api(path, options).catch(() => null);
  if (!r) {
    showResult(false, 'The node does not answer.');
    return false;
  }
  const body = await r.json().catch(() => ({}));
  if (r.ok) {
    showResult(true, what + ': ' + body.stored + ' entr' + (body.stored === 1 ? 'y' : 'ies') + ' stored (' + money(body.eur)
      + (body.rows_skipped ? '; ' + body.rows_skipped + ' rows of donors that are not allies skipped' : '') + ').');
    load();
    return true;
  }
  showResult(false, 'Refused (' + r.status + '): ' + (body.description || ''), body.details);
  return false;
}

$('contribution-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const entry = {
    donor: $('c-donor').value, date: $('c-date').value, status: $('c-status').value, category: $('c-category').value,
    channel: $('c-channel').value, coalition: $('c-coalition').value || null, amount: $('c-amount').value,
    currency: $('c-currency').value.trim().toUpperCase(), eur: $('c-eur').value || null, valuation: $('c-valuation').value,
    description: $('c-description').value, source: $('c-source').value,
  };
  const ok = await send('/api/support/contributions', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(entry) }, 'Entered');
  if (ok) {
    for (const id of ['c-amount', 'c-eur', 'c-description', 'c-source']) {
      $(id).value = '';
    }
  }
});
$('contribution-form').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    $('contribution-form').requestSubmit();
  }
});

$('upload-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = $('u-file').files[0];
  if (!file) {
    return;
  }
  const p = new URLSearchParams({ format: $('u-format').value });
  if ($('u-format').value === 'kiel') {
    p.set('release', $('u-release').value.trim());
  }
  await send('/api/support/contributions/import?' + p, { method: 'POST', headers: { 'Content-Type': 'text/csv' },
    body: await file.text() }, 'Imported ' + file.name);
});

// ---- publishing ----
async function loadPublications() {
  try {
    const list = await apiJson('/api/support/publications');
    $('publications').innerHTML = list.map((p) => '<li><a href="' + esc(p.url) + '" target="_blank" rel="noopener">'
      + esc(p.title) + '</a> — ' + esc(p.marking) + ', published ' + esc(p.published.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))
      + ' by ' + esc(p.published_by) + ' · STIX <code>' + esc(p.stix_report_id) + '</code></li>').join('')
      || '<li>Nothing published yet.</li>';
  } catch (err) {
    $('publications').innerHTML = '<li>' + esc(err.message) + '</li>';
  }
}

$('publish-button').addEventListener('click', async () => {
  const body = { period: state.report.focus.period, count: $('count').value, baseline: $('baseline').value || null };
  const r = await api('/api/support/publications', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  status(r.ok ? 'Published ' + body.period + ' as TLP:CLEAR.' : 'Not published: ' + await refusal(r));
  loadPublications();
});

// ---- downloads (the API needs credentials, so links cannot point at it directly) ----
for (const b of document.querySelectorAll('button.download')) {
  b.addEventListener('click', async () => {
    const format = b.dataset.format;
    const p = params();
    let path = '/api/support/iati';
    if (format !== 'iati') {
      p.set('format', format);
      path = '/api/support/report?' + p;
    }
    const r = await api(path, { headers: { 'Accept': '*/*' } });
    if (!r.ok) {
      status('Not downloaded: ' + await refusal(r));
      return;
    }
    const url = URL.createObjectURL(await r.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'support-' + (format === 'iati' ? 'iati.xml' : state.year + '.' + format);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
}

// ---- settings and keyboard ----
$('settings-form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.year = Number($('year').value) || null;
  load();
});

function shiftYear(d) {
  state.year = (state.year || new Date().getUTCFullYear()) + d;
  $('year').value = state.year;
  load();
}

$('help-button').addEventListener('click', () => { $('help').hidden = !$('help').hidden; });

document.addEventListener('keydown', (e) => {
  if (!$('login').hidden || e.ctrlKey || e.metaKey || e.altKey) {
    return;
  }
  const inForm = ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.target.tagName);
  if (inForm) {
    if (e.key === 'Escape') {
      e.target.blur();
      $('gap-table').focus();
    }
    return;
  }
  const rows = $('gap-table').tBodies[0].rows.length;
  switch (e.key) {
    case '[': shiftYear(-1); break;
    case ']': shiftYear(1); break;
    case 'j': state.selected = Math.min(state.selected + 1, rows - 1); select(); break;
    case 'k': state.selected = Math.max(state.selected - 1, 0); select(); break;
    case 'Enter':
      if (e.target.tagName === 'BUTTON' || e.target.tagName === 'A') {
        return;
      }
      toggleFilter();
      break;
    case 'r': runAllocation(); break;
    case 'n': if (!$('enter-panel').hidden) { $('c-date').focus(); } break;
    case 'u': if (!$('enter-panel').hidden) { $('u-file').focus(); } break;
    case 'p': if (!$('publish-panel').hidden) { $('publish-button').focus(); } break;
    case 'Escape': $('help').hidden = true; break;
    case '?': $('help').hidden = !$('help').hidden; break;
    default: return;
  }
  e.preventDefault();
});

$('run-allocation').addEventListener('click', runAllocation);

async function start(me) {
  state.me = me;
  try {
    state.allies = await apiJson('/api/support/allies');
  } catch (err) {
    state.allies = [];
  }
  const donors = me.may_enter_for === 'any' ? state.allies.filter((a) => a.member) : state.allies.filter((a) => a.iso3 === me.nation);
  $('c-donor').innerHTML = donors.map((a) => '<option value="' + esc(a.iso3) + '">' + esc(a.name) + ' (' + esc(a.iso3) + ')</option>').join('');
  $('c-donor').disabled = donors.length <= 1;
  $('c-date').value = new Date().toISOString().slice(0, 10);
  $('enter-for').textContent = me.may_enter_for === 'any' ? 'for any ally (admin)' : 'for ' + me.nation;
  $('enter-panel').hidden = !me.may_enter;
  $('publish-panel').hidden = !me.may_publish;
  await load();
  $('gap-table').focus({ preventScroll: true });
}

resume();
