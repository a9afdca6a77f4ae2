// Bulwark console, Cyber page: a plain ES module on the console shell (shell.js), no build step.
// Talks to /api/cyber/*: the sightings the signed-in principal may read (the node filters them
// through its read gate), refreshed every few seconds; per indicator and per sensor by a click.
import { $, api, apiJson, el, startShell } from './shell.js';

const REFRESH_MS = 3000;
const TLP = {
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': 'TLP:CLEAR',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': 'TLP:GREEN',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': 'TLP:AMBER',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': 'TLP:AMBER+STRICT',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': 'TLP:RED',
};
const state = { rows: [], selected: 0, filter: null, known: new Set(), timer: null, mayPromote: false };

const shell = startShell({
  page: 'cyber',
  statusId: 'cyber-status',
  statusText: 'not signed in',
  signIn: { title: 'Sign in to the cyber watch', passwordLabel: 'password (token)', probe: '/api/cyber/overview' },
  help: [['j / k', 'next / previous sighting'], ['Enter', 'show the selected sighting'],
    ['i', "only the selected sighting's indicator"], ['s', "only the selected sighting's sensor"],
    ['a', 'all sightings again'], ['p', 'promote the selected sighting to a hostile-act incident']],
  keys,
  start: async (r) => {
    render(await r.json());
    await refresh();
    state.timer = setInterval(() => refresh().catch((e) => shell.status(String(e.message || e))), REFRESH_MS);
  },
});

function markings(refs) {
  return (refs || []).map((r) => TLP[r] || 'releasable-to').join(' + ');
}

function label(name, id) {
  return name || id;
}

async function refresh() {
  const q = new URLSearchParams({ limit: '500' });
  if (state.filter) {
    q.set(state.filter.kind, state.filter.id);
  }
  const [rows, overview] = await Promise.all([apiJson('/api/cyber/sightings?' + q), apiJson('/api/cyber/overview')]);
  render(overview);
  const fresh = new Set(rows.filter((s) => !state.known.has(s.id + s.modified)).map((s) => s.id));
  rows.forEach((s) => state.known.add(s.id + s.modified));
  state.rows = rows;
  state.selected = Math.min(state.selected, Math.max(0, rows.length - 1));
  $('sightings').replaceChildren(...rows.map((s, i) => el('tr', {
    class: (i === state.selected ? 'selected ' : '') + (fresh.has(s.id) ? 'fresh' : ''),
    'data-id': s.id,
    onclick: () => { state.selected = i; show(); },
  },
  el('td', { class: 'l' }, s.last_seen),
  el('td', { class: 'l', title: s.indicator_pattern }, label(s.indicator_name, s.indicator_id)),
  el('td', { class: 'l' }, label(s.sensor_name, s.sensor_id)),
  el('td', {}, String(s.count)),
  el('td', { class: 'l' }, s.first_seen),
  el('td', { class: 'l' }, markings(s.marking_refs)),
  el('td', { class: 'l' }, state.mayPromote ? el('button', {
    type: 'button', class: 'promote', title: 'Promote to a hostile-act incident',
    onclick: (e) => { e.stopPropagation(); state.selected = i; show().then(promote); },
  }, 'Promote to incident') : ''))));
  shell.status(rows.length + ' sightings shown, refreshed ' + new Date().toLocaleTimeString('en-GB'));
}

function render(o) {
  state.mayPromote = o.may_promote === true;
  const n = (k, one, many) => k + ' ' + (k === 1 ? one : many);
  $('cyber-summary').textContent = n(o.sightings, 'sighting', 'sightings') + ' you may read, from '
    + n(o.sensors.length, 'sensor', 'sensors') + ', of ' + n(o.top_indicators.length, 'indicator', 'indicators');
  $('top-indicators').replaceChildren(...o.top_indicators.map((t) => el('tr', {
    onclick: () => filter('indicator', t.indicator_id, label(t.indicator_name, t.indicator_id)),
  }, el('td', { class: 'l' }, label(t.indicator_name, t.indicator_id)), el('td', {}, String(t.matches)),
  el('td', {}, String(t.sightings)))));
  $('sensors').replaceChildren(...o.sensors.map((t) => el('tr', {
    onclick: () => filter('sensor', t.sensor_id, label(t.sensor_name, t.sensor_id)),
  }, el('td', { class: 'l' }, label(t.sensor_name, t.sensor_id)), el('td', {}, String(t.matches)),
  el('td', {}, String(t.sightings)))));
}

function filter(kind, id, name) {
  state.filter = kind ? { kind, id } : null;
  state.selected = 0;
  $('filter-label').textContent = kind ? kind + ': ' + name : 'all';
  $('clear-filter').hidden = !kind;
  refresh().catch((e) => shell.status(String(e.message || e)));
}

$('clear-filter').addEventListener('click', () => filter(null));

async function show() {
  const s = state.rows[state.selected];
  if (!s) {
    return;
  }
  [...$('sightings').children].forEach((tr, i) => tr.classList.toggle('selected', i === state.selected));
  const d = await apiJson('/api/cyber/sightings/' + encodeURIComponent(s.id));
  const o = d.sighting;
  $('detail').replaceChildren(
    el('dl', {},
      el('dt', {}, 'indicator'), el('dd', {}, label(s.indicator_name, o.sighting_of_ref)),
      el('dt', {}, 'pattern'), el('dd', {}, s.indicator_pattern || '(not readable)'),
      el('dt', {}, 'sensor'), el('dd', {}, label(s.sensor_name, o.where_sighted_refs[0])),
      el('dt', {}, 'seen'), el('dd', {}, o.first_seen + ' to ' + o.last_seen),
      el('dt', {}, 'count'), el('dd', {}, String(o.count)),
      el('dt', {}, 'markings'), el('dd', {}, markings(o.object_marking_refs))),
    state.mayPromote ? el('p', {}, el('button', { type: 'button', id: 'promote-sighting', onclick: () => promote() },
      'Promote to incident'), ' ', el('span', { id: 'promote-result', 'aria-live': 'polite' })) : '',
    el('h3', {}, 'Evidence (' + d.observed_data.length + ' observed-data)'),
    el('pre', { id: 'evidence' }, d.observed_data.map((x) => JSON.stringify(x)).join('\n')));
}

// Creates a register incident (kind cyberattack) from the selected sighting; the node gives it the
// sighting's own markings (never wider) and refuses a sighting the principal may not read as missing.
async function promote() {
  const s = state.rows[state.selected];
  if (!s || !state.mayPromote) {
    return;
  }
  const r = await api('/api/incidents/promote-sighting', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sighting_id: s.id }),
  });
  const body = await r.json().catch(() => ({}));
  const out = r.ok
    ? el('a', { id: 'promoted-link', href: 'register.html#' + encodeURIComponent(body.id) }, 'Incident ' + body.id)
    : 'Not promoted: ' + (body.error || r.status);
  const where = $('promote-result');
  if (where) {
    where.replaceChildren(out);
  }
  shell.status(r.ok ? 'promoted to ' + body.id : 'not promoted: ' + (body.error || r.status));
}

function keys(e, inField) {
  if (inField) {
    return false;
  }
  const s = state.rows[state.selected];
  switch (e.key) {
    case 'j': state.selected = Math.min(state.rows.length - 1, state.selected + 1); show(); return true;
    case 'k': state.selected = Math.max(0, state.selected - 1); show(); return true;
    case 'Enter': show(); return true;
    case 'i': if (s) { filter('indicator', s.indicator_id, label(s.indicator_name, s.indicator_id)); } return true;
    case 's': if (s) { filter('sensor', s.sensor_id, label(s.sensor_name, s.sensor_id)); } return true;
    case 'a': filter(null); return true;
    case 'p': show().then(promote); return true;
    default: return false;
  }
}
