// Bulwark console, Readiness page: a plain ES module on the console shell (shell.js: sign-in,
// header, HTTP and DOM helpers), no build step, nothing fetched from elsewhere. Talks to
// /api/readiness/*; every figure is the node's, computed for the signed-in reader from what it may
// see. Charts are inline SVG drawn here.
import { $, apiJson, el, startShell, svg } from './shell.js';

const state = { me: null, summary: null, declarations: [], selected: 0, asOf: null };

const shell = startShell({
  page: 'readiness',
  statusId: 'readiness-status',
  statusText: 'not signed in',
  signIn: {
    title: 'Sign in to force readiness',
    passwordLabel: 'password (token)',
    probe: '/api/readiness/me',
    refused: (r) => (r.status === 403 ? 'Signed in, but your roles do not include reading readiness.' : null),
  },
  help: [['[ / ]', 'a quarter back / on'], ['j / k', 'next / previous declaration'],
    ['e', 'edit the selected declaration'], ['n', 'enter a new declaration'], ['Esc', 'leave the form, close this help']],
  keys,
  start: async (r) => start(await r.json()),
});

const fmt = (n) => Number(n).toLocaleString('en-GB');

function keys(e, inField) {
  if (inField) {
    if (e.key === 'Escape') {
      document.activeElement.blur();
      return true;
    }
    return false;
  }
  const moves = { '[': -3, ']': 3 };
  if (e.key in moves) {
    const d = new Date(state.asOf + 'T00:00:00Z');
    d.setUTCMonth(d.getUTCMonth() + moves[e.key]);
    $('as-of').value = d.toISOString().slice(0, 10);
    load();
    return true;
  }
  if (e.key === 'j' || e.key === 'k') {
    select(state.selected + (e.key === 'j' ? 1 : -1));
    return true;
  }
  if (e.key === 'e' && state.declarations.length) {
    edit(state.declarations[state.selected]);
    return true;
  }
  if (e.key === 'n' && state.me.may_enter) {
    $('d-unit').focus();
    return true;
  }
  return false;
}

async function start(me) {
  state.me = me;
  $('as-of').value = new Date().toISOString().slice(0, 10);
  $('asof-form').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  if (me.may_enter) {
    $('enter-panel').hidden = false;
    $('enter-for').textContent = me.enters_for === 'any' ? '(admin: any ally)' : '(for ' + me.nation + ')';
    $('d-nation').value = me.nation;
    $('d-valid').value = $('as-of').value;
    $('decl-form').addEventListener('submit', (e) => { e.preventDefault(); enter(); });
    $('decl-form').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        enter();
      }
    });
  }
  await load();
}

async function load() {
  state.asOf = $('as-of').value;
  shell.status('loading…');
  try {
    const q = '?as_of=' + encodeURIComponent(state.asOf);
    const [summary, declarations] = await Promise.all([
      apiJson('/api/readiness/summary' + q), apiJson('/api/readiness/declarations' + q)]);
    state.summary = summary;
    state.declarations = declarations;
    render();
    shell.status(state.me.name + ' (' + state.me.nation + ', ' + state.me.roles.join(', ') + ') · '
      + summary.units + ' units counted on ' + summary.as_of);
  } catch (err) {
    shell.failed('not loaded', err);
  }
}

function render() {
  const s = state.summary;
  const h = s.high_readiness;
  $('synthetic-label').hidden = !state.declarations.some((d) => d.unit.startsWith('SYNTHETIC '));
  $('summary').replaceChildren('High readiness (tiers 1+2): ', el('b', {}, fmt(h.declared)), ' declared, ',
    el('b', {}, fmt(h.ready)), ' ready, against the Force Model\'s ', fmt(h.model_target), ' and the claimed ',
    fmt(h.claimed), ' — ', el('b', { class: h.ready < h.claimed ? 'gap' : '' }, fmt(h.gap_to_claimed)),
    ' short of the claim.');
  tiers(s);
  curve(s);
  trend(s);
  coverage(s);
  fairShares(s);
  declarationsTable();
}

function tiers(s) {
  $('tier-table').tBodies[0].replaceChildren(...s.tiers.map((t, i) => {
    const v = s.verification[i];
    return el('tr', { dataset: { tier: t.tier } }, el('td', {}, 'Tier ' + t.tier),
      el('td', {}, (i === 0 ? 0 : s.tiers[i - 1].deadline_days + 1) + '–' + t.deadline_days + ' days'),
      el('td', {}, fmt(t.target)), el('td', { class: 'declared' }, fmt(t.declared)),
      el('td', { class: 'ready' }, fmt(t.ready)), el('td', { class: t.gap > 0 ? 'short gap' : 'gap' }, fmt(t.gap)),
      el('td', { class: 'verified' }, (v.share * 100).toFixed(0) + ' %'));
  }));
}

function line(points, x, y, cls) {
  return svg('polyline', { class: cls, points: points.map((p) => x(p[0]) + ',' + y(p[1])).join(' ') });
}

function curve(s) {
  const W = 640; const H = 260; const L = 60; const B = 24;
  const max = Math.max(800000, ...s.curve.map((c) => c.declared));
  const x = (d) => L + (d / 180) * (W - L - 10);
  const y = (v) => H - B - (v / max) * (H - B - 10);
  const target = [];
  let level = 0;
  for (const t of s.curve_targets) {
    target.push([level === 0 ? 0 : target[target.length - 1][0], level], [t.day, level], [t.day, t.target]);
    level = t.target;
  }
  const ticks = [0, 10, 30, 60, 90, 120, 150, 180];
  $('chart-curve').replaceChildren(svg('svg', { id: 'curve-svg', viewBox: '0 0 ' + W + ' ' + H, role: 'img',
    'aria-label': 'personnel available by day against the cumulative targets' },
  svg('line', { class: 'axis', x1: L, y1: H - B, x2: W - 10, y2: H - B }),
  ticks.map((d) => svg('text', { x: x(d), y: H - 6, 'text-anchor': 'middle' }, 'd' + d)),
  [0, 0.25, 0.5, 0.75, 1].map((f) => svg('text', { x: L - 4, y: y(f * max) + 4, 'text-anchor': 'end' },
    Math.round(f * max / 1000) + 'k')),
  line(target, x, y, 'target'),
  line(s.curve.map((c) => [c.day, c.declared]), x, y, 'declared'),
  line(s.curve.map((c) => [c.day, c.ready]), x, y, 'ready')));
}

function trend(s) {
  const W = 420; const H = 160; const L = 50; const B = 22;
  const max = Math.max(1, ...s.trend.map((t) => t.declared));
  const x = (i) => L + (i / Math.max(1, s.trend.length - 1)) * (W - L - 10);
  const y = (v) => H - B - (v / max) * (H - B - 10);
  $('chart-trend').replaceChildren(svg('svg', { id: 'trend-svg', viewBox: '0 0 ' + W + ' ' + H, role: 'img',
    'aria-label': 'declared and ready personnel of tiers 1 to 3 over past dates' },
  svg('line', { class: 'axis', x1: L, y1: H - B, x2: W - 10, y2: H - B }),
  s.trend.map((t, i) => (i % 2 === 0 ? svg('text', { x: x(i), y: H - 6, 'text-anchor': 'middle' }, t.date.slice(0, 7)) : null)),
  svg('text', { x: L - 4, y: y(max) + 4, 'text-anchor': 'end' }, Math.round(max / 1000) + 'k'),
  line(s.trend.map((t, i) => [i, t.declared]), x, y, 'declared'),
  line(s.trend.map((t, i) => [i, t.ready]), x, y, 'ready')));
}

function coverage(s) {
  const plans = [...new Set(s.coverage.map((c) => c.regional_plan))].sort();
  const domains = [...new Set(s.coverage.map((c) => c.domain))];
  $('coverage-table').tHead.replaceChildren(el('tr', {}, el('th', {}, 'Domain'), plans.map((p) => el('th', {}, p))));
  $('coverage-table').tBodies[0].replaceChildren(...domains.map((d) => el('tr', { dataset: { domain: d } },
    el('td', {}, d.replace(/_/g, ' ')), plans.map((p) => {
      const c = s.coverage.find((x) => x.domain === d && x.regional_plan === p);
      return el('td', { dataset: { plan: p } }, c ? fmt(c.declared) + ' / ' + fmt(c.ready) : '–');
    }))));
}

function fairShares(s) {
  const rows = s.allies.map((a) => ({
    iso3: a.iso3, shares: a.fair_share.map((f) => f.share),
    fair: a.fair_share.reduce((t, f) => t + f.share, 0), declared: a.declared, ready: a.ready,
  }));
  $('fair-table').tBodies[0].replaceChildren(...rows.map((r) => el('tr', { dataset: { iso3: r.iso3 } },
    el('td', {}, r.iso3), r.shares.map((v) => el('td', {}, fmt(v))), el('td', { class: 'fair' }, fmt(r.fair)),
    el('td', { class: 'declared' }, fmt(r.declared)), el('td', { class: 'ready' }, fmt(r.ready)),
    el('td', { class: r.ready < r.fair ? 'short' : '' }, r.fair ? Math.round((100 * r.ready) / r.fair) + ' %' : '–'))));
  const W = 900; const H = 220; const B = 40; const L = 10;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.fair, r.declared)));
  const step = (W - L) / Math.max(1, rows.length);
  const y = (v) => H - B - (v / max) * (H - B - 10);
  $('chart-fair').replaceChildren(svg('svg', { id: 'fair-svg', viewBox: '0 0 ' + W + ' ' + H, role: 'img',
    'aria-label': 'fair share, declared and ready by ally' },
  rows.map((r, i) => svg('g', { class: 'ally-bar', dataset: { iso3: r.iso3 } },
    svg('title', {}, r.iso3 + ': fair share ' + fmt(r.fair) + ', declared ' + fmt(r.declared) + ', ready ' + fmt(r.ready)),
    svg('rect', { class: 'bar-fair', x: L + i * step, y: y(r.fair), width: step / 3, height: H - B - y(r.fair) }),
    svg('rect', { class: 'bar-declared', x: L + i * step + step / 3, y: y(r.declared), width: step / 3, height: H - B - y(r.declared) }),
    svg('rect', { class: 'bar-ready', x: L + i * step + step / 3, y: y(r.ready), width: step / 3, height: H - B - y(r.ready) }),
    svg('text', { x: L + i * step + step / 3, y: H - B + 14, 'text-anchor': 'middle' }, r.iso3)))));
}

function declarationsTable() {
  const list = state.declarations;
  state.selected = Math.min(state.selected, Math.max(0, list.length - 1));
  $('decl-table').tBodies[0].replaceChildren(...list.map((d, i) => el('tr', {
    class: i === state.selected ? 'selected' : null, dataset: { nation: d.nation, unit: d.unit } },
  el('td', {}, d.nation), el('td', { class: 'l' }, d.unit), el('td', { class: 'l' }, d.domain.replace(/_/g, ' ')),
  el('td', {}, fmt(d.personnel)), el('td', {}, d.notice_to_move_days), el('td', {}, d.counted_tier || '–'),
  el('td', { class: 'l' }, d.regional_plan), el('td', { class: 'l' }, d.status), el('td', {}, 'C' + d.c_level),
  el('td', {}, d.valid_from),
  el('td', {}, state.me.may_enter ? el('button', { type: 'button', class: 'edit', onclick: () => edit(d) }, 'edit') : null))));
}

function select(i) {
  const rows = $('decl-table').tBodies[0].rows;
  if (!rows.length) {
    return;
  }
  state.selected = Math.max(0, Math.min(rows.length - 1, i));
  [...rows].forEach((r, k) => r.classList.toggle('selected', k === state.selected));
  rows[state.selected].scrollIntoView({ block: 'nearest' });
}

function edit(d) {
  if (!state.me.may_enter) {
    return;
  }
  const set = (id, v) => { $(id).value = v === undefined || v === null ? '' : v; };
  set('d-nation', d.nation); set('d-unit', d.unit); set('d-domain', d.domain); set('d-unit-type', d.unit_type);
  set('d-personnel', d.personnel); set('d-ntm', d.notice_to_move_days); set('d-tier', d.tier === null ? '' : d.tier === 0 ? 'none' : d.tier);
  set('d-plan', d.regional_plan); set('d-status', d.status); set('d-c', d.c_level);
  set('d-p', d.p_level); set('d-s', d.s_level); set('d-r', d.r_level); set('d-t', d.t_level);
  set('d-equipment', Object.entries(d.equipment || {}).map(([k, v]) => k + '=' + v).join(';'));
  set('d-valid', state.asOf);
  $('d-personnel').focus();
}

async function enter() {
  const v = (id) => $(id).value.trim();
  const body = {
    nation: v('d-nation').toUpperCase(), unit: v('d-unit'), domain: v('d-domain'), unit_type: v('d-unit-type'),
    personnel: v('d-personnel'), notice_to_move_days: v('d-ntm'), regional_plan: v('d-plan'), status: v('d-status'),
    c_level: v('d-c'), valid_from: v('d-valid'), tier: v('d-tier') || null, equipment: v('d-equipment') || null,
    p_level: v('d-p') || null, s_level: v('d-s') || null, r_level: v('d-r') || null, t_level: v('d-t') || null,
  };
  const result = $('enter-result');
  try {
    const r = await apiJson('/api/readiness/declarations', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    result.className = 'ok';
    result.textContent = 'Stored ' + r.stored + ' new version (' + r.versions[0].modified + ').';
    await load();
  } catch (err) {
    result.className = 'refused';
    result.textContent = 'Refused: ' + err.message;
  }
}
