// Bulwark console, maritime watch page: a plain ES module on the console shell (shell.js: sign-in,
// header, HTTP and DOM helpers), no build step. Talks to /api/maritime/* and follows its server-sent
// events (shell's follow). Leaflet (the global L) is served by the node from its webjar.
import { $, api, apiJson, el, follow, shortTime, startShell, text } from './shell.js';

const KIND_COLOURS = { 'power-cable': '#f5a623', 'telecom-cable': '#b37feb', 'pipeline': '#36cfc9',
  'area': '#597ef7', 'anchorage': '#5c6b82', 'port': '#5c6b82', 'other': '#8c8c8c' };
const SEVERITY_COLOURS = { high: '#ff4d4f', medium: '#ffa940', low: '#ffd666' };

const state = {
  alerts: [], selected: 0, openId: null, detail: null, onlyOpen: false,
  vesselMarkers: new Map(), alertMarkers: new Map(), trackLayer: null, map: null,
  vesselLayer: null, alertLayer: null, streaming: false, admin: false,
};

const shell = startShell({
  page: 'maritime',
  statusId: 'watch-status',
  statusText: 'not connected',
  // Any principal may ask for the live vessels; the watch's status is for admins only.
  signIn: { title: 'Sign in to the watch', passwordLabel: 'password', probe: '/api/maritime/vessels?limit=0' },
  help: [['j / k', 'next / previous alert'], ['Enter', 'open the selected alert'], ['Esc', 'back to the list'],
    ['a', 'acknowledge'], ['n', 'add a note'], ['1 / 2 / 3', 'close as true threat / benign / false alarm'], ['p', 'promote to the register'],
    ['f', 'open alerts only']],
  keys,
  start,
});

// ---- map ----
function initMap() {
  const map = L.map('map', { zoomSnap: 0.25, attributionControl: false, worldCopyJump: false })
    .setView([57.5, 19], 5);
  state.map = map;
  // No tiles: a graticule every degree on a dark background.
  const grid = L.layerGroup().addTo(map);
  for (let lat = 50; lat <= 68; lat++) {
    L.polyline([[lat, -5], [lat, 35]], { color: '#1c2a40', weight: lat % 5 === 0 ? 1.5 : 0.7, interactive: false }).addTo(grid);
  }
  for (let lon = -5; lon <= 35; lon++) {
    L.polyline([[50, lon], [68, lon]], { color: '#1c2a40', weight: lon % 5 === 0 ? 1.5 : 0.7, interactive: false }).addTo(grid);
  }
  state.vesselLayer = L.layerGroup().addTo(map);
  state.alertLayer = L.layerGroup().addTo(map);
  state.canvas = L.canvas({ padding: 0.3 });
  const legend = L.control({ position: 'bottomleft' });
  const entries = [['background:' + KIND_COLOURS['power-cable'], 'power cable'],
    ['background:' + KIND_COLOURS['telecom-cable'], 'telecom cable'], ['background:' + KIND_COLOURS.pipeline, 'pipeline'],
    ['background:none;border:1px dashed ' + KIND_COLOURS.port, 'harbour (no alerts)'],
    ['background:#9fb3c8;height:6px;width:6px;border-radius:3px', 'vessel'],
    ['background:#ff4d4f;height:10px;width:10px;border-radius:5px', 'alert']];
  legend.onAdd = () => el('div', { class: 'legend' },
    entries.map(([style, what], i) => [i ? el('br') : null, el('i', { style }), what]));
  legend.addTo(map);
}

async function loadAssets() {
  const fc = await apiJson('/api/maritime/assets');
  // Harbours and anchorages are where stopping is normal (no alerts there): drawn as quiet dashed
  // outlines so they do not compete with the assets being protected.
  const haven = (f) => f.properties.kind === 'port' || f.properties.kind === 'anchorage';
  const assets = { type: 'FeatureCollection', features: fc.features.filter((f) => !haven(f)) };
  const havens = { type: 'FeatureCollection', features: fc.features.filter(haven) };
  const corridors = L.geoJSON(assets, { interactive: false,
    style: (f) => ({ color: KIND_COLOURS[f.properties.kind] || '#8c8c8c', weight: 9, opacity: 0.18, className: 'asset-corridor' }) });
  const lines = L.geoJSON(assets, {
    style: (f) => ({ color: KIND_COLOURS[f.properties.kind] || '#8c8c8c', weight: 2, opacity: 0.95, className: 'asset-path' }),
    onEachFeature: (f, layer) => layer.bindTooltip(text(f.properties.name + ' (' + f.properties.kind + ', corridor '
      + Math.round(f.properties.corridor_m) + ' m)'), { sticky: true }),
  });
  const harbours = L.geoJSON(havens, {
    style: (f) => ({ color: KIND_COLOURS[f.properties.kind], weight: 1, dashArray: '3 3', fillOpacity: 0.08, className: 'haven-area' }),
    onEachFeature: (f, layer) => layer.bindTooltip(text(f.properties.name + ' (' + f.properties.kind
      + ': stopping is normal here, no alerts)'), { sticky: true }),
  });
  harbours.addTo(state.map);
  corridors.addTo(state.map);
  lines.addTo(state.map);
  document.body.dataset.assets = String(fc.features.length);
}

function drawVessels(rows) {
  const seen = new Set();
  for (const [mmsi, lat, lon, sog, cog, name] of rows) {
    seen.add(mmsi);
    let m = state.vesselMarkers.get(mmsi);
    if (!m) {
      m = L.circleMarker([lat, lon], { renderer: state.canvas, radius: 2.5, weight: 0, fillOpacity: 0.85, fillColor: '#9fb3c8' });
      m.bindTooltip(() => text((name || 'MMSI ' + mmsi) + ' — ' + (sog >= 0 ? sog.toFixed(1) + ' kn' : 'speed ?')));
      m.addTo(state.vesselLayer);
      state.vesselMarkers.set(mmsi, m);
    } else {
      m.setLatLng([lat, lon]);
    }
  }
  for (const [mmsi, m] of state.vesselMarkers) {
    if (!seen.has(mmsi)) {
      state.vesselLayer.removeLayer(m);
      state.vesselMarkers.delete(mmsi);
    }
  }
}

function drawAlertMarker(a) {
  if (typeof a.latitude !== 'number') {
    return;
  }
  let m = state.alertMarkers.get(a.id);
  const colour = a.status === 'closed' ? '#73d13d' : (SEVERITY_COLOURS[a.severity] || '#ff4d4f');
  const style = { radius: a.status === 'closed' ? 6 : 10, color: colour, weight: 3, fillColor: colour,
    fillOpacity: a.status === 'open' ? 0.45 : 0.15, className: 'alert-marker alert-' + a.status };
  if (!m) {
    m = L.circleMarker([a.latitude, a.longitude], style).addTo(state.alertLayer);
    m.on('click', () => openAlert(a.id));
    state.alertMarkers.set(a.id, m);
  } else {
    m.setLatLng([a.latitude, a.longitude]);
    m.setStyle(style);
  }
  m.bindTooltip(text(a.title + ' — ' + a.severity + ', ' + a.status));
}

// ---- alerts ----
function visibleAlerts() {
  return state.onlyOpen ? state.alerts.filter((a) => a.status === 'open') : state.alerts;
}

function sortAlerts() {
  const rank = { open: 0, acknowledged: 1, closed: 2 };
  state.alerts.sort((x, y) => (rank[x.status] - rank[y.status]) || (y.raised || '').localeCompare(x.raised || ''));
}

function upsertAlert(a) {
  const i = state.alerts.findIndex((x) => x.id === a.id);
  if (i >= 0) {
    state.alerts[i] = a;
  } else {
    state.alerts.push(a);
  }
  drawAlertMarker(a);
}

function renderList() {
  const selectedId = (visibleAlerts()[state.selected] || {}).id;
  sortAlerts();
  const list = visibleAlerts();
  if (selectedId) {
    const j = list.findIndex((a) => a.id === selectedId);
    state.selected = j >= 0 ? j : Math.min(state.selected, list.length - 1);
  }
  state.selected = Math.max(0, Math.min(state.selected, list.length - 1));
  $('alert-count').textContent = String(list.length);
  const ol = $('alert-list');
  ol.replaceChildren(...list.map((a, i) => el('li', {
    class: 'alert-item' + (i === state.selected ? ' selected' : ''), dataset: { id: a.id, status: a.status },
    onclick: () => { state.selected = i; openAlert(a.id); },
  },
  el('div', { class: 'title' }, severity(a), ' ', a.title, el('span', { class: 'st st-' + a.status }, a.status)),
  el('div', { class: 'meta' }, a.kind, ' · MMSI ', a.mmsi, ' · raised ', shortTime(a.raised)))));
  const sel = ol.children[state.selected];
  if (sel) {
    sel.scrollIntoView({ block: 'nearest' });
  }
}

async function loadAlerts() {
  const list = await apiJson('/api/maritime/alerts');
  list.forEach(upsertAlert);
  renderList();
}

async function openAlert(id) {
  state.openId = id;
  const a = await apiJson('/api/maritime/alerts/' + encodeURIComponent(id));
  state.detail = a;
  renderDetail(a);
  $('alert-list-panel').hidden = true;
  $('alert-detail').hidden = false;
  drawTrack(a.track);
}

function renderDetail(a) {
  $('detail-title').textContent = a.title;
  $('alert-detail').dataset.id = a.id;
  $('alert-detail').dataset.status = a.status;
  const facts = [
    ['status', [el('span', { id: 'detail-status', class: 'st st-' + a.status }, a.status),
      a.disposition ? ' — ' + a.disposition : null]],
    ['severity', [severity(a), ' score ', a.score]],
    ['kind', a.kind],
    ['vessel', (a.vessel_name || '') + ' MMSI ' + a.mmsi + (a.other_mmsis && a.other_mmsis.length ? ' with ' + a.other_mmsis.join(', ') : '')],
    ['asset', a.asset_name || '—'],
    ['began', a.start], ['latest', a.end],
    ['position', typeof a.latitude === 'number' ? a.latitude.toFixed(4) + ', ' + a.longitude.toFixed(4) : '—'],
    ['acknowledged', a.acknowledged_by ? [a.acknowledged_by, ' at ', a.acknowledged_at] : '—'],
    ['closed', a.closed_by ? [a.closed_by, ' at ', a.closed_at] : '—'],
  ];
  $('detail-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  $('detail-summary').textContent = a.summary;
  $('detail-parameters').replaceChildren(...Object.entries(a.parameters || {})
    .map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, v))));
  const notes = (a.notes || []).map((n) => el('li', {}, el('strong', {}, n.author), ' ', shortTime(n.created), el('br'), n.content));
  $('detail-notes').replaceChildren(...(notes.length ? notes : [el('li', {}, 'none')]));
  $('detail-incident').textContent = a.incident_id;
  $('detail-version').textContent = a.version;
}

function severity(a) {
  return el('span', { class: 'sev sev-' + a.severity }, a.severity);
}

function drawTrack(track) {
  if (state.trackLayer) {
    state.map.removeLayer(state.trackLayer);
    state.trackLayer = null;
  }
  if (track && track.geometry) {
    state.trackLayer = L.geoJSON(track, { style: { color: '#fadb14', weight: 3, className: 'alert-track' },
      pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 5, color: '#fadb14' }) }).addTo(state.map);
    state.map.fitBounds(state.trackLayer.getBounds().pad(0.5), { maxZoom: 11 });
  }
}

function closeDetail() {
  state.openId = null;
  $('alert-detail').hidden = true;
  $('note-form').hidden = true;
  $('alert-list-panel').hidden = false;
  if (state.trackLayer) {
    state.map.removeLayer(state.trackLayer);
    state.trackLayer = null;
  }
  renderList();
  $('alert-list').focus();
}

async function act(path, body) {
  const id = state.openId || (visibleAlerts()[state.selected] || {}).id;
  if (!id) {
    return;
  }
  const r = await api('/api/maritime/alerts/' + encodeURIComponent(id) + path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
  if (!r.ok) {
    flash('Not done: ' + r.status);
    return;
  }
  const a = await r.json();
  upsertAlert(a);
  if (state.openId === a.id) {
    state.detail = a;
    renderDetail(a);
  }
  renderList();
}

const acknowledge = () => act('/acknowledge');
const closeAs = (d) => act('/close', { disposition: d });

function showNoteForm() {
  if (!state.openId) {
    return;
  }
  $('note-form').hidden = false;
  $('note-text').focus();
}

$('note-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = $('note-text').value.trim();
  if (text) {
    await act('/notes', { text });
    $('note-text').value = '';
    $('note-form').hidden = true;
  }
});
$('note-text').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    $('note-form').requestSubmit();
  } else if (e.key === 'Escape') {
    $('note-form').hidden = true;
  }
});
$('ack-button').addEventListener('click', acknowledge);
$('note-button').addEventListener('click', showNoteForm);
for (const id of ['close-threat', 'close-benign', 'close-false']) {
  $(id).addEventListener('click', (e) => closeAs(e.currentTarget.dataset.disposition));
}
$('back-button').addEventListener('click', closeDetail);
$('promote-button').addEventListener('click', promote);

/** Promotes the open alert to the hostile-act register (its evidence stays linked there). */
async function promote() {
  const a = state.detail;
  if (!a) {
    return;
  }
  const r = await api('/api/incidents/promote', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ alert_incident_id: a.incident_id }) });
  // beside the buttons: the status line is rewritten by the live counters every few seconds
  $('promote-result').textContent = r.ok ? 'In the register as ' + (await r.json()).id : 'Not promoted: ' + r.status;
}
$('only-open').addEventListener('change', (e) => { state.onlyOpen = e.target.checked; renderList(); });

/** The page's keys (the shell adds '?' for the help and Esc to close it). */
function keys(e, inField) {
  if (inField) {
    return false;
  }
  const list = visibleAlerts();
  switch (e.key) {
    case 'j': state.selected = Math.min(state.selected + 1, list.length - 1); renderList(); break;
    case 'k': state.selected = Math.max(state.selected - 1, 0); renderList(); break;
    case 'Enter': case 'o': if (list[state.selected]) { openAlert(list[state.selected].id); } break;
    case 'Escape': if (state.openId) { closeDetail(); } else { return false; } break;
    case 'a': acknowledge(); break;
    case 'n': showNoteForm(); break;
    case 'p': promote(); break;
    case '1': closeAs('true-threat'); break;
    case '2': closeAs('benign'); break;
    case '3': closeAs('false-alarm'); break;
    case 'f': $('only-open').checked = !$('only-open').checked; state.onlyOpen = $('only-open').checked; renderList(); break;
    default: return false;
  }
  return true;
}

// ---- live updates ----
function handleEvent(name, payload) {
  if (name === 'alert') {
    upsertAlert(payload);
    if (state.openId === payload.id) {
      openAlert(payload.id);
    } else {
      renderList();
    }
  } else if (name === 'vessels') {
    drawVessels(payload.vessels);
    if (!state.admin) {
      showReaderStatus(payload.vessels.length, payload.time);
    }
  } else if (name === 'status') {
    showStatus(payload);
  }
}

function showStatus(s) {
  const rate = s.sources.reduce((t, x) => t + x.messages_per_second, 0);
  const down = s.sources.filter((x) => !x.connected).map((x) => x.name);
  shell.status(s.vessels + ' vessels · ' + Math.round(rate) + ' msg/s · '
    + s.alerts_raised + ' alerts · track time ' + shortTime(s.engine_time)
    + (down.length ? ' · not connected: ' + down.join(', ') : '') + (s.queue_dropped ? ' · dropped ' + s.queue_dropped : ''));
}

// What a principal who is not an admin sees: the vessels and the alerts it may read, no node-wide counters.
function showReaderStatus(vessels, time) {
  shell.status(vessels + ' vessels · ' + state.alerts.length + ' alerts · track time ' + shortTime(time));
}

function flash(message) {
  shell.status(message);
}

async function start() {
  initMap();
  await loadAssets();
  await loadAlerts();
  const vs = await apiJson('/api/maritime/vessels');
  drawVessels(vs.vessels.map((v) => [v.mmsi, v.lat, v.lon, v.sog, v.cog, v.name]));
  const status = await api('/api/maritime/status');
  state.admin = status.ok;
  if (status.ok) {
    showStatus(await status.json());
  } else {
    showReaderStatus(vs.count, vs.engine_time);
  }
  $('alert-list').focus();
  follow('/api/maritime/events', handleEvent, (err) => shell.status('reconnecting… (' + err.message + ')'));
  setInterval(loadAlerts, 30000); // a safety net if an event was dropped
}
