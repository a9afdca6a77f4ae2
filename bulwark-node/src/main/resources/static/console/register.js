// Bulwark console, Register page: a plain ES module on the console shell (shell.js: sign-in, header,
// HTTP and DOM helpers), no build step. Talks to /api/incidents, /api/exposure, /api/campaigns and
// /api/migration; everything shown is what the node lets the signed-in principal read. The map is
// the console's base map (basemap.js); the timeline and the migration chart are inline SVG.
import { $, api, apiJson, el, shortTime, startShell, svg, text } from './shell.js';
import { baseMap } from './basemap.js';

const KIND_COLOURS = {
  'sabotage-undersea': '#36cfc9', 'sabotage-rail': '#8c8c8c', 'sabotage-energy': '#f5a623',
  'cyberattack': '#b37feb', 'instrumentalised-migration': '#ff85c0', 'gnss-interference': '#ffd666',
  'airspace-violation': '#ff4d4f', 'drone-overflight': '#ffa940', 'arson': '#d4380d',
  'disinformation': '#597ef7', 'espionage': '#73d13d', 'other': '#bfbfbf',
};

const state = { vocabulary: null, items: [], selected: 0, open: null, exposure: new Set(), map: null, layer: null };

const shell = startShell({
  page: 'register',
  statusId: 'register-status',
  statusText: 'not signed in',
  signIn: { title: 'Sign in to the register', passwordLabel: 'password (token)', probe: '/api/incidents/vocabulary' },
  help: [['j / k', 'next / previous incident'], ['Enter', 'open the selected incident'], ['x', 'select it for the exposure report'],
    ['e', 'preview the exposure report'], ['n', 'register an act'], ['s', 'move the open incident (lifecycle)'],
    ['t', 'attribute the open incident'], ['r', 'log a response'], ['/', 'filters'], ['Esc', 'leave a form, close this help']],
  keys,
  start: async (r) => start(await r.json()),
});

function message(textValue, error) {
  $('message').textContent = textValue;
  $('message').classList.toggle('error', !!error);
}

function words(s) {
  return String(s || '').replace(/-/g, ' ');
}

function options(select, values, current) {
  select.append(...values.map((v) => el('option', { value: v, selected: v === current }, words(v))));
}

function nations(input) {
  return input.value.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter((s) => s.length === 3);
}

function marking(tlpSelect, relInput) {
  return { tlp: tlpSelect.value, releasable_to: nations(relInput) };
}

function markingText(m) {
  return (m.tlp || 'unmarked') + (m.releasable_to && m.releasable_to.length ? ' REL ' + m.releasable_to.join(', ') : '');
}

// ---- start ----
async function start(vocabulary) {
  state.vocabulary = vocabulary;
  options($('f-kind'), vocabulary.kinds);
  options($('f-status'), vocabulary.statuses);
  options($('n-kind'), vocabulary.kinds);
  options($('a-term'), vocabulary.estimative_terms, 'likely');
  options($('a-state'), vocabulary.state_responsibility);
  options($('r-option'), vocabulary.response_options);
  options($('r-status'), vocabulary.response_statuses, 'decided');
  for (const s of document.querySelectorAll('select.tlp')) {
    options(s, ['clear', 'green', 'amber', 'amber+strict', 'red'], 'amber');
  }
  $('filter-form').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  $('new-incident').addEventListener('click', () => showNew());
  $('new-form').addEventListener('submit', (e) => { e.preventDefault(); register(); });
  $('status-form').addEventListener('submit', (e) => { e.preventDefault(); move(); });
  $('attribute-form').addEventListener('submit', (e) => { e.preventDefault(); attribute(); });
  $('respond-form').addEventListener('submit', (e) => { e.preventDefault(); respond(); });
  $('x-preview').addEventListener('click', () => preview());
  $('exposure-form').addEventListener('submit', (e) => { e.preventDefault(); publish(); });
  state.map = baseMap('register-map');
  state.layer = L.layerGroup().addTo(state.map);
  await load();
  // a link from another page (the Cyber page's "promote to incident") opens that incident
  const linked = decodeURIComponent(location.hash.slice(1));
  if (linked.startsWith('incident--')) {
    openIncident(linked);
  }
  loadSuggestions();
  loadMigration();
}

function query() {
  const p = new URLSearchParams({ limit: '1000' });
  for (const [key, id] of [['kind', 'f-kind'], ['status', 'f-status'], ['origin', 'f-origin']]) {
    if ($(id).value) {
      p.set(key, $(id).value.trim());
    }
  }
  if ($('f-since').value) {
    p.set('since', $('f-since').value + 'T00:00:00Z');
  }
  if ($('f-until').value) {
    p.set('until', $('f-until').value + 'T23:59:59Z');
  }
  return p;
}

async function load() {
  try {
    const page = await apiJson('/api/incidents?' + query());
    state.items = page.items;
    state.selected = Math.min(state.selected, Math.max(0, state.items.length - 1));
    $('register-summary').textContent = page.total + ' incidents you may see'
      + (page.total > page.items.length ? ' (showing ' + page.items.length + ')' : '');
    drawList();
    drawMap();
    drawTimeline();
    shell.status('register · ' + page.total + ' incidents');
    document.body.dataset.incidents = String(page.total);
  } catch (err) {
    shell.failed('not loaded', err);
  }
}

// ---- list, map, timeline ----
function dot(kind) {
  return el('span', { class: 'kind-dot', style: 'background:' + (KIND_COLOURS[kind] || '#bfbfbf') });
}

function drawList() {
  const rows = state.items.map((i, n) => el('tr', {
    class: n === state.selected ? 'selected' : null, dataset: { id: i.id },
    onclick: () => { state.selected = n; drawList(); openIncident(i.id); },
  },
  el('td', {}, state.exposure.has(i.id) ? '✔' : ''),
  el('td', {}, shortTime(i.first_seen).slice(0, 10)),
  el('td', {}, dot(i.kind), words(i.kind)),
  el('td', {}, i.name),
  el('td', {}, i.status),
  el('td', {}, i.origin + (i.relayed_via.length ? ' via ' + i.relayed_via.join(', ') : '')),
  el('td', { class: 'marking' }, markingText(i.marking))));
  $('incident-table').querySelector('tbody').replaceChildren(...rows);
  const row = rows[state.selected];
  if (row) {
    row.scrollIntoView({ block: 'nearest' });
  }
}

function drawMap() {
  state.layer.clearLayers();
  for (const i of state.items) {
    if (i.location) {
      L.circleMarker([i.location.lat, i.location.lon], { radius: 6, color: KIND_COLOURS[i.kind] || '#bfbfbf', weight: 2, fillOpacity: 0.6 })
        .bindTooltip(text(i.name + ' (' + words(i.kind) + ')'))
        .on('click', () => openIncident(i.id))
        .addTo(state.layer);
    }
  }
}

function drawTimeline() {
  const items = state.items.filter((i) => i.first_seen);
  const width = 1000;
  const kinds = state.vocabulary.kinds;
  const height = 14 * kinds.length + 30;
  if (!items.length) {
    $('timeline').replaceChildren(el('p', {}, 'No incidents to show.'));
    return;
  }
  const times = items.map((i) => Date.parse(i.first_seen));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times) + 1;
  const x = (t) => 150 + ((t - t0) / (t1 - t0)) * (width - 170);
  const parts = kinds.map((k, n) => svg('text', { x: 0, y: 14 * n + 12 }, words(k)));
  items.forEach((i, n) => {
    const row = kinds.indexOf(i.kind);
    parts.push(svg('circle', { cx: x(times[n]), cy: 14 * row + 8, r: 4, fill: KIND_COLOURS[i.kind] || '#bfbfbf' },
      svg('title', {}, i.name + ' · ' + shortTime(i.first_seen))));
  });
  for (let y = new Date(t0).getUTCFullYear(); y <= new Date(t1).getUTCFullYear(); y++) {
    const t = Date.UTC(y, 0, 1);
    if (t >= t0 && t <= t1) {
      parts.push(svg('text', { x: x(t), y: height - 4 }, String(y)));
    }
  }
  $('timeline').replaceChildren(svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'Timeline of incidents by kind' }, ...parts));
}

// ---- one incident ----
async function openIncident(id) {
  try {
    const page = await apiJson('/api/incidents/' + encodeURIComponent(id));
    state.open = page;
    drawIncident(page);
  } catch (err) {
    message('cannot open the incident: ' + err.message, true);
  }
}

function drawIncident(page) {
  const i = page.incident;
  $('incident-panel').hidden = false;
  $('incident-title').textContent = i.name;
  const fields = [['kind', words(i.kind)], ['status', i.status], ['first seen', shortTime(i.first_seen)],
    ['last seen', shortTime(i.last_seen || '')], ['location', i.location ? i.location.lat + ', ' + i.location.lon : ''],
    ['origin', i.origin + (i.relayed_via.length ? ' (relayed via ' + i.relayed_via.join(', ') + ')' : '')],
    ['source', i.source], ['marking', markingText(i.marking)], ['description', i.description]]
    .concat(Object.entries(i.kind_fields || {}).map(([k, v]) => [words(k), typeof v === 'object' ? JSON.stringify(v) : String(v)]));
  $('incident-fields').querySelector('tbody').replaceChildren(...fields.filter(([, v]) => v)
    .map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v))));
  $('evidence').replaceChildren(...(page.evidence.length ? page.evidence.map((e) => el('li', {},
    e.type + ': ' + e.name + ' (' + e.collection + ')' + (e.track ? ', with track' : '')))
    : [el('li', {}, 'none you may see')]));
  $('history').replaceChildren(...page.history.map((v) => el('li', {}, shortTime(v.version) + ' · ' + v.status
    + (v.changed_by ? ' by ' + v.changed_by : '') + ' · ' + markingText(v.marking))));
  const allowed = nextStatuses(i.status);
  $('next-status').replaceChildren(...allowed.map((s) => el('option', { value: s }, s)));
  $('attributions').replaceChildren(...Object.entries(page.attributions).map(([nation, list]) =>
    el('div', { class: 'nation', dataset: { nation } }, el('h4', {}, nation),
      list.map((a) => el('p', {}, el('strong', {}, a.attributed_to_name), el('br'),
        words(a.estimative_term) + ', confidence ' + a.confidence + ', Admiralty ' + a.admiralty_code,
        a.state_responsibility ? el('br') : null, a.state_responsibility ? words(a.state_responsibility) : null,
        el('br'), el('span', { class: 'marking' }, markingText(a.marking)))))));
  if (!Object.keys(page.attributions).length) {
    $('attributions').replaceChildren(el('p', {}, 'No attribution you may see.'));
  }
  $('responses').replaceChildren(...page.responses.map((r) => el('li', {}, words(r.option) + ' · ' + r.status
    + ' · decided by ' + r.decided_by + ' ' + shortTime(r.decided_at)
    + (r.coordinated_with.length ? ' · coordinated with ' + r.coordinated_with.join(', ') : '')
    + (r.outcome_text ? ' · ' + r.outcome_text : '') + ' (' + r.nation + ', ' + markingText(r.marking) + ')')));
}

function nextStatuses(from) {
  const order = state.vocabulary.statuses;
  const n = order.indexOf(from);
  const out = [];
  if (n >= 0 && n + 1 < order.length) {
    out.push(order[n + 1]);
  }
  if (from === 'assessed') {
    out.push('responded');
  }
  if (from !== 'closed' && !out.includes('closed')) {
    out.push('closed');
  }
  if (from === 'closed') {
    out.push('assessed');
  }
  return out;
}

async function post(path, body) {
  const r = await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await r.json().catch(() => ({}));
  if (!r.ok) {
    throw new Error(answer.error || ('HTTP ' + r.status));
  }
  return answer;
}

async function act(what, path, body, after) {
  try {
    const answer = await post(path, body);
    message(what);
    await load();
    if (after) {
      await after(answer);
    }
  } catch (err) {
    message(err.message, true);
  }
}

function move() {
  const id = state.open.incident.id;
  act('moved to ' + $('next-status').value, '/api/incidents/' + encodeURIComponent(id) + '/status',
    { status: $('next-status').value }, () => openIncident(id));
}

function attribute() {
  const id = state.open.incident.id;
  act('attribution added', '/api/incidents/' + encodeURIComponent(id) + '/attributions', {
    attributed_to: { type: $('a-type').value, name: $('a-name').value },
    confidence: Number($('a-confidence').value), estimative_term: $('a-term').value,
    admiralty_code: $('a-admiralty').value, state_responsibility: $('a-state').value,
    marking: marking($('a-tlp'), $('a-rel')),
  }, () => openIncident(id));
}

function respond() {
  const id = state.open.incident.id;
  act('response logged', '/api/incidents/' + encodeURIComponent(id) + '/responses', {
    option: $('r-option').value, status: $('r-status').value, decided_by: $('r-by').value,
    coordinated_with: nations($('r-allies')), outcome_text: $('r-outcome').value,
    marking: marking($('r-tlp'), $('r-rel')),
  }, () => openIncident(id));
}

function showNew() {
  $('new-panel').hidden = false;
  $('n-name').focus();
}

function register() {
  let fields;
  try {
    fields = JSON.parse($('n-fields').value || '{}');
  } catch (err) {
    message('kind fields: not JSON', true);
    return;
  }
  const form = {
    name: $('n-name').value, kind: $('n-kind').value, description: $('n-description').value,
    first_seen: $('n-first').value ? $('n-first').value + (($('n-first').value.length === 16) ? ':00Z' : 'Z') : undefined,
    kind_fields: fields, marking: marking($('n-tlp'), $('n-rel')),
  };
  if ($('n-lat').value && $('n-lon').value) {
    form.location = { lat: Number($('n-lat').value), lon: Number($('n-lon').value) };
  }
  act('registered', '/api/incidents', form, (answer) => {
    $('new-panel').hidden = true;
    return openIncident(answer.id);
  });
}

// ---- exposure ----
function toggleExposure() {
  const i = state.items[state.selected];
  if (i) {
    if (state.exposure.has(i.id)) {
      state.exposure.delete(i.id);
    } else {
      state.exposure.add(i.id);
    }
    drawList();
  }
}

async function preview() {
  try {
    const p = await post('/api/exposure/preview', { incident_ids: [...state.exposure] });
    $('x-published').replaceChildren(...p.published.map((i) => el('li', { dataset: { id: i.id } }, i.name || i.id,
      ' (' + (i.attributions.length) + ' attributions, ' + i.responses.length + ' responses)')));
    $('x-withheld').replaceChildren(...p.withheld.map((w) => el('li', {},
      w.object + (w.field ? ' · ' + w.field : '') + ': ' + w.reason)));
    message('preview: ' + p.published.length + ' to publish, ' + p.withheld.length + ' withheld');
  } catch (err) {
    message(err.message, true);
  }
}

async function publish() {
  try {
    const r = await post('/api/exposure', { title: $('x-title').value, incident_ids: [...state.exposure] });
    $('x-result').replaceChildren('Published: ', el('a', { href: r.url, id: 'x-link' }, r.url));
    $('x-result').classList.remove('error');
  } catch (err) {
    $('x-result').textContent = err.message;
    $('x-result').classList.add('error');
  }
}

// ---- campaigns and migration ----
async function loadSuggestions() {
  const r = await api('/api/campaigns/suggestions');
  if (!r.ok) {
    $('suggestions').replaceChildren(el('li', {}, 'Campaign suggestions are not available on this node.'));
    return;
  }
  const list = await r.json();
  $('suggestions').replaceChildren(...(list.length ? list.map((s, n) => el('li', { dataset: { n: String(n) } },
    'score ' + s.score.toFixed(2) + ': ' + s.incidents.length + ' incidents · ' + s.reasons.join('; ') + ' ',
    el('button', { type: 'button', onclick: () => decide(s, true) }, 'Accept'), ' ',
    el('button', { type: 'button', onclick: () => decide(s, false) }, 'Reject')))
    : [el('li', {}, 'No suggestions over what you may see.')]));
}

function decide(s, accept) {
  act(accept ? 'campaign accepted' : 'suggestion rejected', '/api/campaigns/suggestions/' + (accept ? 'accept' : 'reject'),
    { incidents: s.incidents, name: 'Campaign ' + s.incidents.length + ' incidents', marking: { tlp: 'amber' } }, loadSuggestions);
}

async function loadMigration() {
  const r = await api('/api/migration/series');
  if (!r.ok) {
    $('migration-chart').replaceChildren(el('p', {}, 'No crossing counts on this node.'));
    return;
  }
  const data = await r.json();
  const points = data.series || [];
  if (!points.length) {
    $('migration-chart').replaceChildren(el('p', {}, 'No crossing counts on this node.'));
    return;
  }
  const width = 1000;
  const height = 200;
  const max = Math.max(1, ...points.map((p) => p.count));
  const x = (n) => 40 + (n / Math.max(1, points.length - 1)) * (width - 60);
  const y = (c) => height - 20 - (c / max) * (height - 40);
  const path = points.map((p, n) => (n ? 'L' : 'M') + x(n).toFixed(1) + ' ' + y(p.count).toFixed(1)).join(' ');
  const marks = (data.surges || []).map((s) => svg('text', { x: x(Math.max(0, points.findIndex((p) => p.date >= s.start.slice(0, 10)))), y: 14 },
    'surge ' + s.crossing_point + ' peak ' + s.peak_count));
  $('migration-chart').replaceChildren(svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'Daily border crossings' },
    svg('path', { d: path, fill: 'none', stroke: '#ff85c0', 'stroke-width': 1.5 }),
    svg('text', { x: 0, y: y(max) }, String(max)), svg('text', { x: 0, y: height - 20 }, '0'),
    svg('text', { x: 40, y: height - 4 }, points[0].date), svg('text', { x: width - 90, y: height - 4 }, points[points.length - 1].date),
    ...marks));
}

// ---- keys ----
function keys(e, inField) {
  if (e.key === 'Escape') {
    $('new-panel').hidden = true;
    $('attribute-details').open = false;
    $('respond-details').open = false;
    if (inField) {
      e.target.blur();
    }
    return inField;
  }
  if (inField) {
    return false;
  }
  const n = state.items.length;
  switch (e.key) {
    case 'j': state.selected = Math.min(n - 1, state.selected + 1); drawList(); return true;
    case 'k': state.selected = Math.max(0, state.selected - 1); drawList(); return true;
    case 'Enter': if (state.items[state.selected]) { openIncident(state.items[state.selected].id); } return true;
    case 'x': toggleExposure(); return true;
    case 'e': preview(); return true;
    case 'n': showNew(); return true;
    case '/': $('f-kind').focus(); return true;
    case 's': if (state.open) { $('next-status').focus(); } return true;
    case 't': if (state.open) { $('attribute-details').open = true; $('a-name').focus(); } return true;
    case 'r': if (state.open) { $('respond-details').open = true; $('r-option').focus(); } return true;
    default: return false;
  }
}
