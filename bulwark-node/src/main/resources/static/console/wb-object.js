// The workbench's object page (a module of workbench.js): the human fields first, the JSON a click
// away; who may read the object (the node's audience, computed by the same ReleaseRule as every
// read) with the reason per reader; its versions and a diff between any two; its neighbourhood
// graph, grown a hop at a time. An object the reader may not see answers 404, like a missing one,
// and the page says only that there is no such object.
import { $, ApiError, apiJson, api, el, shortTime } from './shell.js';
import { Graph, TYPE_COLOURS } from './wb-graph.js';
import { diffTable } from './wb-diff.js';

// The properties shown first, in this order; the rest follow, the technical ones stay in the JSON.
const FIRST = ['name', 'description', 'pattern', 'pattern_type', 'opinion', 'explanation', 'abstract', 'content',
  'relationship_type', 'source_ref', 'target_ref', 'aliases', 'is_family', 'indicator_types', 'malware_types',
  'threat_actor_types', 'tool_types', 'report_types', 'labels', 'valid_from', 'valid_until', 'first_seen', 'last_seen',
  'published', 'goals', 'roles', 'sophistication', 'resource_level', 'primary_motivation', 'kill_chain_phases',
  'external_references', 'object_refs', 'created_by_ref', 'created', 'modified'];
const HIDDEN = new Set(['type', 'id', 'spec_version', 'object_marking_refs', 'granular_markings', 'x_bulwark_provenance']);

let wb;
let graph;
const state = { id: null, page: null, versions: [] };

export function initObject(context) {
  wb = context;
  graph = new Graph($('graph'), neighbours, selectNode, (n) => wb.go('#object/' + n.id), grow);
  $('json-button').addEventListener('click', () => toggleJson());
  $('edit-button').addEventListener('click', () => wb.go('#edit/' + state.id));
  $('export-object').addEventListener('click', () => exportOne());
  $('diff-form').addEventListener('submit', (e) => { e.preventDefault(); compare(); });
}

/** Opens one object: its fields, readers, versions and graph. */
export async function showObject(id) {
  state.id = id;
  $('object-json').hidden = true;
  $('json-button').setAttribute('aria-expanded', 'false');
  $('diff').replaceChildren();
  let page;
  try {
    page = await apiJson('/api/intel/objects/' + encodeURIComponent(id));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      missing(id);
      return;
    }
    throw err;
  }
  state.page = page;
  $('json-button').hidden = false;
  $('export-object').hidden = false;
  const s = page.summary;
  $('view-object').dataset.id = id;
  $('object-title').replaceChildren(el('span', { class: 'type-tag' }, s.type), ' ', s.name || id);
  document.title = 'Bulwark — ' + (s.name || id);
  $('edit-button').hidden = !(wb.can('contributor') || wb.can('admin'));
  drawFields(page.object, s);
  $('object-json').textContent = JSON.stringify(page.object, null, 2);
  drawReaders(page.readable_by);
  wb.shell.status(s.type + ' ' + (s.name || id) + ' · ' + (page.versions_count || 1) + ' version(s)');
  await Promise.all([loadVersions(id), graph.start({ id, type: s.type, name: s.name })
    .then(() => selectNode(graph.nodes.get(id)))]);
}

function missing(id) {
  state.page = null;
  $('object-title').textContent = 'No such object';
  $('object-fields').querySelector('tbody').replaceChildren(el('tr', {}, el('td', {},
    'There is no object ' + id + ' you may read on this node.')));
  for (const part of ['object-readers', 'versions', 'graph', 'graph-node']) {
    $(part).replaceChildren();
  }
  $('object-json').textContent = '';
  for (const part of ['edit-button', 'json-button', 'export-object', 'diff-button']) {
    $(part).hidden = true;
  }
  wb.shell.status('no such object');
}

function drawFields(o, s) {
  const keys = FIRST.filter((k) => k in o).concat(Object.keys(o).filter((k) => !FIRST.includes(k) && !HIDDEN.has(k)));
  const rows = keys.map((k) => el('tr', { dataset: { field: k } }, el('th', {}, k.replace(/_/g, ' ')), el('td', {}, value(k, o[k]))));
  rows.push(el('tr', { dataset: { field: 'origin' } }, el('th', {}, 'origin'), el('td', {}, (s.origin_nation || '') + ' · collection ' + (s.collection || ''))));
  rows.push(el('tr', { dataset: { field: 'markings' } }, el('th', {}, 'markings'), el('td', {}, (s.markings || []).join(' · ') || 'none')));
  $('object-fields').querySelector('tbody').replaceChildren(...rows);
}

function ref(id) {
  return el('a', { href: '#object/' + id, class: 'ref' }, id);
}

/** A property as people read it: references as links, lists as lines, times shortened. */
function value(k, v) {
  if (k.endsWith('_ref') && typeof v === 'string') {
    return ref(v);
  }
  if (k.endsWith('_refs') && Array.isArray(v)) {
    const shown = v.slice(0, 25).map((id) => el('div', {}, ref(id)));
    return v.length > 25 ? shown.concat(el('div', { class: 'muted' }, 'and ' + (v.length - 25) + ' more (see the JSON)')) : shown;
  }
  if (k === 'external_references') {
    return v.map((r) => el('div', {}, r.source_name + (r.external_id ? ': ' + r.external_id : ''),
      r.url ? el('span', { class: 'muted' }, ' ' + r.url) : null, r.description ? el('span', { class: 'muted' }, ' — ' + r.description) : null));
  }
  if (k === 'kill_chain_phases') {
    return v.map((p) => el('div', {}, p.kill_chain_name + ': ' + p.phase_name));
  }
  if (Array.isArray(v)) {
    return v.every((x) => typeof x !== 'object') ? v.join(', ') : el('pre', { class: 'json-box' }, JSON.stringify(v, null, 2));
  }
  if (v && typeof v === 'object') {
    return el('pre', { class: 'json-box' }, JSON.stringify(v, null, 2));
  }
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) {
    return shortTime(v);
  }
  if (k === 'pattern') {
    return el('code', {}, v);
  }
  return String(v);
}

/** Who may read: the label the node computed, then each nation and identity with its reason. */
export function audienceView(a) {
  if (!a) {
    return el('p', { class: 'muted' }, 'unknown');
  }
  const chips = (a.nations || []).map((n) => el('span', { class: 'reader', dataset: { nation: n.nation } },
    n.nation, ' ', el('span', { class: 'muted' }, '(' + n.reason + ')')))
    .concat((a.identities || []).map((i) => el('span', { class: 'reader', dataset: { identity: i.identity } },
      i.identity, ' ', el('span', { class: 'muted' }, '(' + i.reason + ')'))));
  const wide = a.everyone ? 'Anyone, including the public without sign-in (TLP:CLEAR).'
    : a.any_authenticated ? 'Any signed-in principal or peer of any nation in the community (TLP:GREEN).' : null;
  const nobody = !wide && !chips.length ? 'Nobody may read it (an unknown or unreadable marking fails closed).' : null;
  return el('div', {}, el('p', { class: 'readable-by' }, el('strong', {}, a.label || '')),
    wide ? el('p', { class: 'reason' }, wide) : null, nobody ? el('p', { class: 'reason' }, nobody) : null,
    chips.length ? el('div', { class: 'readers' }, chips) : null);
}

function drawReaders(a) {
  $('object-readers').replaceChildren(audienceView(a));
}

async function loadVersions(id) {
  const answer = await apiJson('/api/intel/objects/' + encodeURIComponent(id) + '/versions');
  state.versions = answer.versions;
  const n = state.versions.length;
  const radios = (name, chosen) => state.versions.map((v, i) => el('input', {
    type: 'radio', name, value: v.version, checked: i === chosen, id: name + '-' + i,
    'aria-label': (name === 'from' ? 'compare from ' : 'compare to ') + v.version,
  }));
  const from = radios('from', Math.max(0, n - 2));
  const to = radios('to', n - 1);
  $('versions').replaceChildren(...state.versions.map((v, i) => el('li', { dataset: { version: v.version } },
    from[i], to[i], ' ', el('label', { for: 'to-' + i }, shortTime(v.version)),
    el('span', { class: 'muted' }, ' added ' + shortTime(v.date_added) + ' · ' + v.collection + (v.origin_nation ? ' · ' + v.origin_nation : '')))));
  $('diff-button').hidden = n < 2;
}

async function compare() {
  const from = document.querySelector('#versions input[name=from]:checked');
  const to = document.querySelector('#versions input[name=to]:checked');
  if (!from || !to) {
    return;
  }
  try {
    const q = new URLSearchParams({ from: from.value, to: to.value });
    const d = await apiJson('/api/intel/objects/' + encodeURIComponent(state.id) + '/diff?' + q);
    $('diff').replaceChildren(diffTable(d.changes.map((c) => ({ path: c.path, kind: c.op, before: c.before, after: c.after })),
      shortTime(d.from), shortTime(d.to)));
  } catch (err) {
    wb.shell.failed('diff', err);
  }
}

async function neighbours(id) {
  const answer = await apiJson('/api/intel/objects/' + encodeURIComponent(id) + '/neighbours');
  return {
    nodes: answer.nodes.map((n) => ({ id: n.id, type: n.type, name: n.name, summary: n })),
    edges: answer.edges.map((e) => ({ source: e.source, target: e.target, label: e.label || e.kind })),
  };
}

function selectNode(n) {
  if (!n) {
    return;
  }
  const s = n.summary || (state.page && n.id === state.id ? state.page.summary : null);
  $('graph-node').replaceChildren(
    el('span', { class: 'type-tag', style: 'color:' + (TYPE_COLOURS[n.type] || 'inherit') }, n.type), ' ',
    el('strong', {}, n.name || n.id), ' ',
    s && s.markings ? el('span', { class: 'marking' }, s.markings.join(' · ')) : null, ' ',
    el('button', { type: 'button', id: 'graph-expand', disabled: !!n.expanded, onclick: () => grow(n.id) },
      n.expanded ? 'expanded' : 'Expand one hop'), ' ',
    n.hidden ? el('span', { class: 'muted' }, n.hidden + ' more neighbours not drawn ') : null,
    n.id === state.id ? null : el('button', { type: 'button', id: 'graph-open', onclick: () => wb.go('#object/' + n.id) }, 'Open'));
}

async function grow(id) {
  try {
    const focused = $('graph').contains(document.activeElement);
    const { added, hidden } = await graph.grow(id);
    selectNode(graph.nodes.get(id));
    if (focused) {
      graph.focus(id);
    }
    wb.shell.status(added + ' new neighbour(s)' + (hidden ? ', ' + hidden + ' more not drawn (open the object to see them all)' : '')
      + ' · ' + graph.nodes.size + ' objects in the graph');
  } catch (err) {
    wb.shell.failed('expand', err);
  }
}

function toggleJson() {
  const box = $('object-json');
  box.hidden = !box.hidden;
  $('json-button').setAttribute('aria-expanded', String(!box.hidden));
  $('json-button').firstChild.textContent = box.hidden ? 'Show JSON ' : 'Hide JSON ';
  if (!box.hidden) {
    box.focus();
  }
}

async function exportOne() {
  const r = await api('/api/intel/export', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ids: [state.id] }) });
  if (r.ok) {
    const blob = new Blob([await r.text()], { type: 'application/json' });
    const a = el('a', { href: URL.createObjectURL(blob), download: state.id + '.json' });
    document.body.append(a);
    a.click();
    a.remove();
  } else {
    wb.shell.failed('export', new Error('HTTP ' + r.status));
  }
}

export function objectKeys(e) {
  switch (e.key) {
    case 'J': toggleJson(); return true;
    case 'e': if (!$('edit-button').hidden) { wb.go('#edit/' + state.id); } return true;
    case 'g': graph.focus(graph.selected || state.id); return true;
    default: return false;
  }
}
