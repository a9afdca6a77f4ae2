// Bulwark console, Support page: a plain ES module on the console shell (shell.js: sign-in, header,
// HTTP and DOM helpers), no build step, nothing fetched from elsewhere. Talks to /api/support/*;
// charts are inline SVG drawn here from the report's JSON.
import { $, api, apiJson, el, refusal, shortTime, startShell, svg } from './shell.js';

const state = {
  me: null, allies: [], report: null, selected: 0, filterAlly: null, year: null,
};

const shell = startShell({
  page: 'support',
  statusId: 'support-status',
  statusText: 'not signed in',
  signIn: {
    title: 'Sign in to support planning',
    passwordLabel: 'token (or password)',
    probe: '/api/support/me',
    refused: (r) => (r.status === 403 ? 'Signed in, but your roles do not include reading support figures.' : null),
  },
  help: [['[ / ]', 'previous / next year'], ['j / k', 'next / previous ally in the gap table'],
    ['Enter', "show the selected ally's entries (again: all)"], ['r', 'run the allocation'], ['n', 'enter a contribution'],
    ['u', 'import a file'], ['p', 'go to publish (admins)'], ['Esc', 'leave a form, close this help']],
  keys,
  start: async (r) => start(await r.json()),
});

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

function words(s) {
  return String(s || '').replace(/_/g, ' ');
}

function status(text) {
  shell.status(text);
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
    shell.failed('not loaded', err);
  }
  loadPublications();
}

function render() {
  const f = state.report.focus;
  $('summary').replaceChildren('Baseline for ', f.period, ': ', el('b', {}, money(f.baseline_eur)), ' shared by ',
    f.key, ' ', f.key_year, '. Counted: ', el('b', {}, money(f.counted_eur)), '. Shortfall against the baseline: ',
    el('b', { class: 'gap', id: 'shortfall' }, money(f.shortfall_eur)), '. Gaps of the allies below their share: ',
    money(f.sum_of_gaps_eur), '.');
  drawFairShare(f.allies);
  drawShortfall(state.report.history);
  renderGapTable(f.allies);
  renderEntries();
}

// ---- charts (inline SVG) ----
function chart(width, height, label) {
  return svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img', 'aria-label': label });
}

function legend(s, x, y) {
  s.append(svg('rect', { x, y: y - 9, width: 10, height: 10, class: 'bar-fair' }),
    svg('text', { x: x + 14, y }, 'fair share / baseline'),
    svg('rect', { x: x + 140, y: y - 9, width: 10, height: 10, class: 'bar-counted' }),
    svg('text', { x: x + 154, y }, 'counted'));
}

function drawFairShare(allies) {
  const rows = allies.slice().sort((a, b) => Number(b.fair_share_eur) - Number(a.fair_share_eur));
  const row = 17;
  const left = 120;
  const width = 760;
  const s = chart(width, rows.length * row + 30, 'Fair share and counted support by ally');
  s.id = 'fair-share-svg';
  legend(s, left, 12);
  const max = Math.max(1, ...rows.map((a) => Math.max(Number(a.fair_share_eur), Number(a.counted_eur))));
  const span = width - left - 190; // room for the longest label right of the longest bar
  let y = 22;
  for (const a of rows) {
    const fw = span * Number(a.fair_share_eur) / max;
    const cw = span * Math.max(0, Number(a.counted_eur)) / max;
    s.append(svg('g', { 'data-iso3': a.iso3, class: 'ally-bar' },
      svg('text', { x: left - 6, y: y + 11, 'text-anchor': 'end' }, a.name),
      svg('rect', { x: left, y: y + 1, width: fw.toFixed(1), height: 13, class: 'bar-fair' }),
      svg('rect', { x: left, y: y + 4, width: cw.toFixed(1), height: 7, class: 'bar-counted' }),
      svg('text', { x: (left + Math.max(fw, cw) + 4).toFixed(1), y: y + 11 }, money(a.counted_eur) + ' / ' + money(a.fair_share_eur)),
      svg('title', {}, a.name + ': counted ' + money(a.counted_eur) + ' of a fair share of ' + money(a.fair_share_eur))));
    y += row;
  }
  $('chart-fair-share').replaceChildren(s);
}

function drawShortfall(history) {
  const col = Math.max(44, Math.min(90, Math.floor(560 / Math.max(1, history.length))));
  const chartH = 200;
  const top = 26;
  const s = chart(history.length * col + 20, chartH + top + 40, 'Baseline, counted support and shortfall per half-year');
  s.id = 'shortfall-svg';
  legend(s, 10, 12);
  const max = Math.max(1, ...history.map((h) => Math.max(Number(h.baseline_eur), Number(h.counted_eur))));
  let x = 10;
  for (const h of history) {
    const base = top + chartH;
    const th = chartH * Number(h.baseline_eur) / max;
    const ch = chartH * Math.max(0, Number(h.counted_eur)) / max;
    s.append(svg('g', { 'data-period': h.period },
      svg('rect', { x, y: (base - th).toFixed(1), width: col / 2 - 2, height: th.toFixed(1), class: 'bar-fair' }),
      svg('rect', { x: x + col / 2 - 2, y: (base - ch).toFixed(1), width: col / 2 - 2, height: ch.toFixed(1), class: 'bar-counted' }),
      svg('text', { x, y: base + 14 }, h.period),
      svg('text', { x, y: base + 28, class: 'short' }, Number(h.shortfall_eur) > 0 ? '-' + money(h.shortfall_eur).replace('EUR ', '') : 'met'),
      svg('title', {}, h.period + ': baseline ' + money(h.baseline_eur) + ', counted ' + money(h.counted_eur)
        + ', shortfall ' + money(h.shortfall_eur))));
    x += col;
  }
  $('chart-shortfall').replaceChildren(s);
}

// ---- tables ----
/** A cell of text aligned left (numbers are right-aligned). */
function leftCell(text) {
  return el('td', { class: 'l' }, text);
}

function renderGapTable(allies) {
  const body = $('gap-table').tBodies[0];
  state.selected = Math.max(0, Math.min(state.selected, allies.length - 1));
  body.replaceChildren(...allies.map((a, i) => el('tr', {
    dataset: { iso3: a.iso3 },
    class: (i === state.selected ? 'selected ' : '') + (Number(a.gap_eur) > 0 ? 'short' : ''),
    onclick: () => { state.selected = i; select(); toggleFilter(); },
  },
  el('td', {}, a.name, ' (', a.iso3, ')'), el('td', {}, pct(a.share)), el('td', { class: 'fair' }, money(a.fair_share_eur)),
  el('td', {}, money(a.counted_eur)), el('td', { class: 'gap' }, Number(a.gap_eur) > 0 ? money(a.gap_eur) : ''),
  el('td', {}, Number(a.surplus_eur) > 0 ? money(a.surplus_eur) : ''), el('td', {}, money(a.pledged_eur)),
  el('td', {}, money(a.reporting_only_eur)))));
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
  const rows = shown.map((e) => el('tr', {}, el('td', {}, e.date), leftCell(e.donor), leftCell(e.status), leftCell(words(e.category)),
    leftCell(e.channel), el('td', {}, money(e.eur)), leftCell(e.description), leftCell(e.source)));
  if (entries.length > shown.length) {
    rows.push(el('tr', {}, el('td', { class: 'l', colspan: 8 }, '… and ', entries.length - shown.length,
      ' older entries (see the CSV or JSON report)')));
  }
  $('entries-table').tBodies[0].replaceChildren(...rows);
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
    const rows = r.requirements.map((q) => el('tr', { dataset: { id: q.id }, class: q.shortfall_units > 1e-6 ? 'short' : '' },
      el('td', {}, q.id), leftCell(words(q.coalition)), leftCell(q.item), el('td', {}, q.priority), el('td', {}, q.need_by),
      el('td', {}, num(q.quantity)), el('td', {}, num(q.filled_units)),
      el('td', { class: 'gap' }, q.shortfall_eur > 0 ? money(q.shortfall_eur) : ''),
      leftCell(q.filled_by.map((b) => b.ally + ' ' + num(b.units)).join(', ')), leftCell(q.explanation)));
    $('allocation-table').tBodies[0].replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', { colspan: 10 }, 'No requirements entered.'))]));
    $('allocation-allies').tBodies[0].replaceChildren(...r.allies.map((a) => el('tr', {}, el('td', {}, a.ally),
      el('td', {}, money(a.allocated_eur)), el('td', {}, money(a.prior_eur)), el('td', {}, money(a.target_eur)),
      el('td', {}, money(a.deviation_eur)))));
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
  box.replaceChildren(text);
  if (details && details.length) {
    box.append(el('ul', {}, details.map((d) => el('li', {}, d.where, ': ', d.reason))));
  }
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
    const items = list.map((p) => el('li', {}, el('a', { href: p.url, target: '_blank', rel: 'noopener' }, p.title),
      ' — ', p.marking, ', published ', shortTime(p.published), ' by ', p.published_by,
      ' · STIX ', el('code', {}, p.stix_report_id)));
    $('publications').replaceChildren(...(items.length ? items : [el('li', {}, 'Nothing published yet.')]));
  } catch (err) {
    $('publications').replaceChildren(el('li', {}, err.message));
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

/** The page's keys (the shell adds '?' for the help and Esc to close it). */
function keys(e, inField) {
  if (inField) {
    if (e.key === 'Escape') {
      e.target.blur();
      $('gap-table').focus();
    }
    return false;
  }
  const rows = $('gap-table').tBodies[0].rows.length;
  switch (e.key) {
    case '[': shiftYear(-1); break;
    case ']': shiftYear(1); break;
    case 'j': state.selected = Math.min(state.selected + 1, rows - 1); select(); break;
    case 'k': state.selected = Math.max(state.selected - 1, 0); select(); break;
    case 'Enter':
      if (e.target.tagName === 'BUTTON' || e.target.tagName === 'A') {
        return false;
      }
      toggleFilter();
      break;
    case 'r': runAllocation(); break;
    case 'n': if (!$('enter-panel').hidden) { $('c-date').focus(); } break;
    case 'u': if (!$('enter-panel').hidden) { $('u-file').focus(); } break;
    case 'p': if (!$('publish-panel').hidden) { $('publish-button').focus(); } break;
    default: return false;
  }
  return true;
}

$('run-allocation').addEventListener('click', runAllocation);

async function start(me) {
  state.me = me;
  try {
    state.allies = await apiJson('/api/support/allies');
  } catch (err) {
    state.allies = [];
  }
  const donors = me.may_enter_for === 'any' ? state.allies.filter((a) => a.member) : state.allies.filter((a) => a.iso3 === me.nation);
  $('c-donor').replaceChildren(...donors.map((a) => el('option', { value: a.iso3 }, a.name, ' (', a.iso3, ')')));
  $('c-donor').disabled = donors.length <= 1;
  $('c-date').value = new Date().toISOString().slice(0, 10);
  $('enter-for').textContent = me.may_enter_for === 'any' ? 'for any ally (admin)' : 'for ' + me.nation;
  $('enter-panel').hidden = !me.may_enter;
  $('publish-panel').hidden = !me.may_publish;
  await load();
  $('gap-table').focus({ preventScroll: true });
}
