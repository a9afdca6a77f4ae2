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
  filters: { status: '', severity: '', kind: '', asset: '' }, vessels: new Map(), vesselId: null,
  playback: null, playTimer: null,
};

const shell = startShell({
  page: 'maritime',
  statusId: 'watch-status',
  statusText: 'not connected',
  // Any principal may ask for the live vessels; the watch's status is for admins only.
  signIn: { title: 'Sign in to the watch', passwordLabel: 'token (or password)', probe: '/api/maritime/vessels?limit=0' },
  help: [['j / k', 'next / previous alert'], ['Enter', 'open the selected alert'], ['Esc', 'back to the list'],
    ['a', 'acknowledge'], ['n', 'add a note'], ['1 / 2 / 3', 'close as true threat / benign / false alarm'], ['p', 'promote to the register'],
    ['f', 'open alerts only'], ['/', 'find a vessel']],
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
    ...TYPE_COLOURS.map(([, , c, what]) => ['background:' + c + ';height:6px;width:6px', 'vessel: ' + what]),
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
    const known = state.vessels.get(mmsi);
    const colour = typeColour(known ? known.ship_type : 0);
    if (!m) {
      m = new ShipMarker([lat, lon], { renderer: state.canvas, radius: 4, weight: 0, fillOpacity: 0.9, fillColor: colour, cog });
      m.bindTooltip(() => text((name || 'MMSI ' + mmsi) + ' — ' + (sog >= 0 ? sog.toFixed(1) + ' kn' : 'speed ?')));
      m.on('click', () => openVessel(mmsi));
      m.addTo(state.vesselLayer);
      state.vesselMarkers.set(mmsi, m);
    } else {
      m.options.cog = cog;
      if (m.options.fillColor !== colour) {
        m.setStyle({ fillColor: colour });
      }
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

// Vessel colours by AIS type (ITU-R M.1371): the legend shows the same.
const TYPE_COLOURS = [[70, 79, '#73d13d', 'cargo'], [80, 89, '#ff7a45', 'tanker'], [60, 69, '#40a9ff', 'passenger'],
  [30, 30, '#ffc53d', 'fishing'], [31, 59, '#b37feb', 'service, tug, pilot, SAR'], [0, 99, '#9fb3c8', 'other or unknown']];
function typeColour(t) {
  return (TYPE_COLOURS.find(([lo, hi]) => t >= lo && t <= hi) || TYPE_COLOURS[TYPE_COLOURS.length - 1])[2];
}

/**
 * A ship symbol on the canvas: a narrow triangle pointing along the course over ground (a dot when
 * the course is unknown). Leaflet's circle marker with its drawing replaced; hit-testing stays the
 * circle's.
 */
const ShipMarker = L.CircleMarker.extend({
  _updatePath() {
    const r = this._renderer;
    if (!r._drawing || this._empty()) {
      return;
    }
    const ctx = r._ctx;
    const p = this._point;
    const cog = this.options.cog;
    ctx.beginPath();
    if (typeof cog !== 'number' || cog < 0 || cog >= 360) {
      ctx.arc(p.x, p.y, 2.5, 0, Math.PI * 2, false);
    } else {
      const a = cog * Math.PI / 180;
      const len = 7;
      const half = 3;
      const tip = [p.x + Math.sin(a) * len, p.y - Math.cos(a) * len];
      const back = [p.x - Math.sin(a) * len * 0.5, p.y + Math.cos(a) * len * 0.5];
      ctx.moveTo(tip[0], tip[1]);
      ctx.lineTo(back[0] + Math.cos(a) * half, back[1] + Math.sin(a) * half);
      ctx.lineTo(back[0] - Math.cos(a) * half, back[1] - Math.sin(a) * half);
      ctx.closePath();
    }
    r._fillStroke(ctx, this);
  },
});

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
  const f = state.filters;
  return state.alerts.filter((a) => (!state.onlyOpen || a.status === 'open')
    && (!f.status || a.status === f.status) && (!f.severity || a.severity === f.severity)
    && (!f.kind || a.kind === f.kind) && (!f.asset || (a.asset_name || '') === f.asset));
}

/** Open before acknowledged before closed; within each, high before medium before low; newest first. */
function sortAlerts() {
  const rank = { open: 0, acknowledged: 1, closed: 2 };
  const sev = { high: 0, medium: 1, low: 2 };
  state.alerts.sort((x, y) => (rank[x.status] - rank[y.status]) || ((sev[x.severity] ?? 3) - (sev[y.severity] ?? 3))
    || (y.raised || '').localeCompare(x.raised || ''));
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
  refreshFilterOptions();
  const ol = $('alert-list');
  ol.replaceChildren(...list.map((a, i) => el('li', {
    class: 'alert-item' + (i === state.selected ? ' selected' : ''), dataset: { id: a.id, status: a.status },
    onclick: () => { state.selected = i; openAlert(a.id); },
  },
  el('div', { class: 'title' }, severity(a), ' ', a.title, el('span', { class: 'st st-' + a.status }, a.status)),
  el('div', { class: 'meta' }, a.kind, ' · ', a.asset_name || 'no asset', ' · MMSI ', a.mmsi, ' · raised ',
    shortTime(a.raised), ' track time'))));
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
  showParticulars(a.mmsi);
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
  $('detail-plain').textContent = a.evidence_text || '';
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
    case '/': $('vessel-query').focus(); break;
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
    state.replaySpeed = payload.replay_speed || 0;
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
    + s.alerts_raised + ' alerts · track time ' + shortTime(s.engine_time) + replayLabel()
    + (down.length ? ' · not connected: ' + down.join(', ') : '') + (s.queue_dropped ? ' · dropped ' + s.queue_dropped : ''));
}

// What a principal who is not an admin sees: the vessels and the alerts it may read, no node-wide counters.
function showReaderStatus(vessels, time) {
  shell.status(vessels + ' vessels · ' + state.alerts.length + ' alerts · track time ' + shortTime(time) + replayLabel());
}

// One clock for every watch officer: track time; a replay says how much faster than the wall clock it runs.
function replayLabel() {
  return state.replaySpeed > 0 ? ' (replay ×' + Number(state.replaySpeed.toFixed(1)) + ')' : '';
}

function flash(message) {
  shell.status(message);
}

async function start() {
  initMap();
  await initBaseMap();
  await loadAssets();
  await loadAlerts();
  const vs = await apiJson('/api/maritime/vessels');
  state.replaySpeed = vs.replay_speed || 0;
  rememberVessels(vs.vessels);
  setInterval(async () => rememberVessels((await apiJson('/api/maritime/vessels')).vessels), 60000);
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

// ---- base map (issue 18): land, places, a labelled grid, a scale; all shipped with the node ----
async function initBaseMap() {
  const map = state.map;
  map.createPane('land');
  map.getPane('land').style.zIndex = 150;
  L.control.scale({ metric: true, imperial: false, maxWidth: 160, position: 'bottomright' }).addTo(map);
  const credit = L.control({ position: 'bottomright' });
  credit.onAdd = () => el('div', { class: 'legend', id: 'map-credit' },
    'Land: Natural Earth 1:10m (public domain) via world-atlas · places: Bulwark list · no tiles, nothing fetched elsewhere');
  credit.addTo(map);
  const land = await apiJson('land-baltic.geojson');
  L.geoJSON(land, { pane: 'land', interactive: false,
    style: { color: '#5b7590', weight: 0.8, fillColor: '#1a2634', fillOpacity: 1, className: 'land' } }).addTo(map);
  document.body.dataset.land = String(land.features[0].geometry.coordinates.length);
  const places = await apiJson('places-baltic.geojson');
  const labels = L.layerGroup().addTo(map);
  for (const f of places.features) {
    const [lon, lat] = f.geometry.coordinates;
    L.marker([lat, lon], { interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'place-label', html: '', iconSize: null }) })
      .on('add', (e) => e.target.getElement().replaceChildren(text(f.properties.name)))
      .addTo(labels);
  }
  state.gridLabels = L.layerGroup().addTo(map);
  map.on('moveend', drawGridLabels);
  drawGridLabels();
}

/** Latitude labels along the west edge and longitude labels along the south edge of the view. */
function drawGridLabels() {
  const b = state.map.getBounds();
  state.gridLabels.clearLayers();
  const label = (lat, lon, s) => L.marker([lat, lon], { interactive: false, keyboard: false,
    icon: L.divIcon({ className: 'grid-label', html: '', iconSize: null }) })
    .on('add', (e) => e.target.getElement().replaceChildren(text(s))).addTo(state.gridLabels);
  const step = state.map.getZoom() >= 7 ? 1 : 5;
  for (let lat = Math.ceil(b.getSouth() / step) * step; lat <= b.getNorth(); lat += step) {
    label(lat, b.getWest(), Math.abs(lat) + '°' + (lat >= 0 ? 'N' : 'S'));
  }
  for (let lon = Math.ceil(b.getWest() / step) * step; lon <= b.getEast(); lon += step) {
    label(b.getSouth(), lon, Math.abs(lon) + '°' + (lon >= 0 ? 'E' : 'W'));
  }
}

// ---- alert filters and export ----
function refreshFilterOptions() {
  for (const [id, key, name] of [['filter-kind', 'kind', 'kind'], ['filter-asset', 'asset_name', 'asset']]) {
    const sel = $(id);
    const values = [...new Set(state.alerts.map((a) => a[key]).filter((v) => v))].sort();
    const have = [...sel.options].slice(1).map((o) => o.value);
    if (values.join('|') !== have.join('|')) {
      const current = sel.value;
      sel.replaceChildren(el('option', { value: '' }, 'any ' + name), ...values.map((v) => el('option', { value: v }, v)));
      sel.value = values.includes(current) ? current : '';
    }
  }
}

function exportQuery() {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) {
    if (v) {
      q.set(k, v);
    }
  }
  if (state.onlyOpen) {
    q.set('status', 'open');
  }
  return q.toString();
}

/** Downloads the filtered list from the API (through the read gate) as CSV or GeoJSON. */
async function exportAlerts(e, format) {
  e.preventDefault();
  const r = await api('/api/maritime/alerts/export.' + format + '?' + exportQuery(), { headers: { Accept: '*/*' } });
  if (!r.ok) {
    flash('Export failed: ' + r.status);
    return;
  }
  const url = URL.createObjectURL(await r.blob());
  const a = el('a', { href: url, download: 'alerts.' + format });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

for (const key of ['status', 'severity', 'kind', 'asset']) {
  $('filter-' + key).addEventListener('change', (e) => { state.filters[key] = e.target.value; renderList(); });
}
$('export-csv').addEventListener('click', (e) => exportAlerts(e, 'csv'));
$('export-geojson').addEventListener('click', (e) => exportAlerts(e, 'geojson'));

// ---- vessels: search, particulars, track playback ----
function rememberVessels(list) {
  for (const v of list) {
    state.vessels.set(v.mmsi, v);
  }
}

function findVessels(q) {
  const t = q.trim().toUpperCase();
  if (t.length < 2) {
    return [];
  }
  const out = [];
  for (const v of state.vessels.values()) {
    if ((v.name || '').toUpperCase().includes(t) || String(v.mmsi).startsWith(t)
      || (v.imo && String(v.imo).startsWith(t)) || (v.call_sign || '').toUpperCase() === t) {
      out.push(v);
      if (out.length >= 20) {
        break;
      }
    }
  }
  return out;
}

$('vessel-query').addEventListener('input', (e) => {
  $('vessel-results').replaceChildren(...findVessels(e.target.value).map((v) => el('li', {
    class: 'vessel-result', dataset: { mmsi: String(v.mmsi) }, onclick: () => openVessel(v.mmsi) },
  (v.name || '(no name)') + ' · MMSI ' + v.mmsi + (v.imo ? ' · IMO ' + v.imo : '') + (v.call_sign ? ' · ' + v.call_sign : ''))));
});
$('vessel-search').addEventListener('submit', (e) => {
  e.preventDefault();
  const first = findVessels($('vessel-query').value)[0];
  if (first) {
    openVessel(first.mmsi);
  }
});
$('vessel-back').addEventListener('click', closeVessel);

const SHIP_TYPES = [[20, 29, 'wing in ground'], [30, 30, 'fishing'], [31, 32, 'towing'], [33, 33, 'dredging'],
  [35, 35, 'military'], [36, 36, 'sailing'], [37, 37, 'pleasure craft'], [40, 49, 'high-speed craft'], [50, 50, 'pilot'],
  [51, 51, 'search and rescue'], [52, 52, 'tug'], [55, 55, 'law enforcement'], [60, 69, 'passenger'], [70, 79, 'cargo'],
  [80, 89, 'tanker'], [90, 99, 'other']];
function shipType(t) {
  const m = SHIP_TYPES.find(([lo, hi]) => t >= lo && t <= hi);
  return m ? m[2] + ' (' + t + ')' : (t ? String(t) : 'unknown');
}

// ITU-R M.1371 navigational status (AIS types 1-3); 15 = not defined (Class B sends none).
const NAV_STATUS = ['under way using engine', 'at anchor', 'not under command', 'restricted manoeuvrability',
  'constrained by her draught', 'moored', 'aground', 'engaged in fishing', 'under way sailing', 'reserved (9)',
  'reserved (10)', 'towing astern', 'pushing ahead or towing alongside', 'reserved (13)', 'AIS-SART active', 'not reported'];
function navStatus(s) {
  return s >= 0 && s < NAV_STATUS.length ? NAV_STATUS[s] : '—';
}

/** Length × beam and draught, in metres, as the ship reports them (AIS types 5, 19, 24). */
function dimensions(id) {
  const lb = id.length_m ? id.length_m + ' × ' + (id.beam_m || '?') + ' m' : (id.beam_m ? 'beam ' + id.beam_m + ' m' : null);
  const d = id.draught_m ? 'draught ' + id.draught_m.toFixed(1) + ' m' : null;
  return [lb, d].filter((x) => x).join(', ') || '—';
}

async function vesselFacts(mmsi) {
  const r = await api('/api/maritime/vessels/' + mmsi);
  return r.ok ? r.json() : null;
}

/** Flag, type, size, destination and ETA beside an alert's evidence. */
async function showParticulars(mmsi) {
  const v = await vesselFacts(mmsi);
  if (!v || state.detail?.mmsi !== mmsi) {
    return;
  }
  const id = v.identity;
  $('detail-facts').append(el('dt', {}, 'particulars'), el('dd', { id: 'detail-particulars' },
    [id.flag || 'flag ?', shipType(id.ship_type), id.length_m ? dimensions(id) : null, id.imo ? 'IMO ' + id.imo : null,
      id.call_sign || null, id.destination ? 'to ' + id.destination : null,
      id.eta ? 'ETA ' + shortTime(id.eta) : null].filter((x) => x).join(' · ')));
}

async function openVessel(mmsi) {
  const v = await vesselFacts(mmsi);
  if (!v) {
    flash('Vessel ' + mmsi + ' is no longer held');
    return;
  }
  state.vesselId = mmsi;
  const id = v.identity;
  const st = v.state;
  $('vessel-title').textContent = (id.name || 'MMSI ' + mmsi);
  const facts = [['MMSI', mmsi], ['IMO', id.imo || '—'], ['call sign', id.call_sign || '—'], ['flag', id.flag || '—'],
    ['type', shipType(id.ship_type)], ['dimensions', dimensions(id)], ['destination', id.destination || '—'],
    ['ETA', id.eta ? shortTime(id.eta) + ' (as reported)' : '—'], ['status', navStatus(v.nav_status)],
    ['last position', st.lat.toFixed(4) + ', ' + st.lon.toFixed(4)],
    ['speed', st.sog >= 0 ? st.sog.toFixed(1) + ' kn' : '—'], ['course', st.cog >= 0 ? st.cog.toFixed(0) + '°' : '—'],
    ['last report', shortTime(new Date(st.time_millis).toISOString()) + ' track time'], ['track points', v.track_points]];
  $('vessel-facts').replaceChildren(...facts.flatMap(([k, x]) => [el('dt', {}, k), el('dd', {}, x)]));
  const hist = (v.identity_history || []).map((c) => el('li', {}, shortTime(c.time), ' ', c.field, ': ', c.before, ' → ', c.after));
  $('vessel-history').replaceChildren(...(hist.length ? hist : [el('li', {}, 'none')]));
  const alerts = state.alerts.filter((a) => a.mmsi === mmsi || (a.other_mmsis || []).includes(mmsi));
  $('vessel-alerts').replaceChildren(...(alerts.length ? alerts.map((a) => el('li', { onclick: () => { closeVessel(); openAlert(a.id); } },
    severity(a), ' ', a.title)) : [el('li', {}, 'none')]));
  $('alert-list-panel').hidden = true;
  $('alert-detail').hidden = true;
  $('vessel-panel').hidden = false;
  const track = await apiJson('/api/maritime/vessels/' + mmsi + '/track');
  drawVesselTrack(track);
}

function closeVessel() {
  stopPlayback();
  state.vesselId = null;
  $('vessel-panel').hidden = true;
  $('alert-list-panel').hidden = false;
  if (state.trackLayer) {
    state.map.removeLayer(state.trackLayer);
    state.trackLayer = null;
  }
}

/** The retained track with direction arrows and time marks, and the slider over its points. */
function drawVesselTrack(track) {
  if (state.trackLayer) {
    state.map.removeLayer(state.trackLayer);
  }
  const coords = track.geometry ? (track.geometry.type === 'Point' ? [track.geometry.coordinates] : track.geometry.coordinates) : [];
  const times = track.properties.times || [];
  const group = L.layerGroup();
  const lls = coords.map(([lon, lat]) => [lat, lon]);
  if (lls.length > 1) {
    L.polyline(lls, { color: '#fadb14', weight: 2, className: 'vessel-track' }).addTo(group);
  }
  const every = Math.max(1, Math.floor(lls.length / 8));
  for (let i = every; i < lls.length; i += every) {
    const brg = bearing(lls[i - 1], lls[i]);
    L.marker(lls[i], { interactive: false, keyboard: false, icon: L.divIcon({ className: 'track-mark', html: '', iconSize: null }) })
      .on('add', (e) => e.target.getElement().replaceChildren(
        el('span', { style: 'display:inline-block;transform:rotate(' + Math.round(brg) + 'deg)' }, '▲'),
        ' ' + new Date(times[i] * 1000).toISOString().substring(11, 16)))
      .addTo(group);
  }
  state.playback = { lls, times, marker: lls.length ? L.circleMarker(lls[lls.length - 1], { radius: 6, color: '#fff', className: 'playback-marker' }).addTo(group) : null };
  state.trackLayer = group.addTo(state.map);
  if (lls.length > 1) {
    state.map.fitBounds(L.latLngBounds(lls).pad(0.3), { maxZoom: 11 });
  }
  const slider = $('track-slider');
  slider.max = String(Math.max(0, lls.length - 1));
  slider.value = slider.max;
  showPlayback(lls.length - 1);
}

function bearing([lat1, lon1], [lat2, lon2]) {
  const y = (lon2 - lon1) * Math.cos((lat1 + lat2) * Math.PI / 360);
  return (Math.atan2(y, lat2 - lat1) * 180 / Math.PI + 360) % 360;
}

function showPlayback(i) {
  const pb = state.playback;
  if (!pb || !pb.marker || i < 0) {
    $('track-time').textContent = '';
    return;
  }
  pb.marker.setLatLng(pb.lls[i]);
  $('track-time').textContent = new Date(pb.times[i] * 1000).toISOString().replace('T', ' ').substring(0, 19) + 'Z';
  $('track-slider').value = String(i);
}

function stopPlayback() {
  clearInterval(state.playTimer);
  state.playTimer = null;
  $('play-button').textContent = '▶ play';
}

$('track-slider').addEventListener('input', (e) => { stopPlayback(); showPlayback(Number(e.target.value)); });
$('play-button').addEventListener('click', () => {
  if (state.playTimer) {
    stopPlayback();
    return;
  }
  const max = Number($('track-slider').max);
  let i = Number($('track-slider').value) >= max ? 0 : Number($('track-slider').value);
  $('play-button').textContent = '❚❚ pause';
  state.playTimer = setInterval(() => {
    showPlayback(i);
    if (++i > max) {
      stopPlayback();
    }
  }, 60);
});
