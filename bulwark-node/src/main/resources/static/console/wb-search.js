// The workbench's Browse and search section (a module of workbench.js): the search box and filters
// become one query of GET /api/intel/search; results come a page at a time (the API's opaque
// `next` token); facets count the first matches by type, origin and marking. Results can be
// selected (click the box, or x) and exported as a bundle, or the whole search exported.
import { $, api, el, shortTime, apiJson } from './shell.js';

export const TYPES = ['attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator',
  'infrastructure', 'intrusion-set', 'location', 'malware', 'malware-analysis', 'note', 'observed-data', 'opinion',
  'report', 'threat-actor', 'tool', 'vulnerability', 'relationship', 'sighting'];
const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'];

let wb;
const state = { rows: [], selected: 0, chosen: new Set(), next: '', query: null };

export function initSearch(context) {
  wb = context;
  $('f-type').append(...TYPES.map((t) => el('option', { value: t }, t)));
  $('f-marking').append(...TLPS.map((t) => el('option', { value: 'tlp:' + t }, 'TLP:' + t.toUpperCase())));
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    wb.go('#search');
    runSearch();
  });
  $('more-button').addEventListener('click', () => more());
  $('select-all').addEventListener('click', () => {
    state.rows.forEach((o) => state.chosen.add(o.id));
    draw();
  });
  $('export-selection').addEventListener('click', () => exportBundle({ ids: [...state.chosen] }, 'selection'));
  $('export-search').addEventListener('click', () => exportBundle({ search: filters() }, 'search'));
  drawCollections();
}

function drawCollections() {
  const current = $('f-collection').value;
  $('collections').replaceChildren(...[{ id: '', title: 'All you may read' }].concat(wb.collections).map((c) =>
    el('li', {}, el('button', {
      type: 'button', 'aria-pressed': String(c.id === current), dataset: { collection: c.id },
      title: c.description || null,
      onclick: () => { $('f-collection').value = c.id; drawCollections(); runSearch(); },
    }, c.title || c.id))));
}

/** The search form as the API's filters (snake_case names of the contract). */
function filters() {
  const f = { q: $('q').value.trim() };
  const set = (k, v) => { if (v) { f[k] = v; } };
  set('type', $('f-type').value);
  set('marking', $('f-marking').value);
  set('origin', $('f-origin').value.trim().toUpperCase());
  set('author', $('f-author').value.trim());
  set('collection', $('f-collection').value);
  const field = $('f-date-field').value;
  set(field + '_after', $('f-since').value ? $('f-since').value + 'T00:00:00Z' : '');
  set(field + '_before', $('f-until').value ? $('f-until').value + 'T23:59:59Z' : '');
  const sort = $('f-sort').value;
  set('sort', sort === 'name' || sort === 'type' ? '' : sort);
  return f;
}

function params(f) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v) {
      p.set(k, v);
    }
  }
  return p;
}

/** A new search from the form; the first page of results and the facets. */
export async function runSearch() {
  state.query = filters();
  state.rows = [];
  state.selected = 0;
  state.next = '';
  drawCollections();
  try {
    await page();
    facets();
  } catch (err) {
    wb.shell.failed('search', err);
  }
}

async function page() {
  const p = params(state.query);
  p.set('limit', '50');
  if (state.next) {
    p.set('next', state.next);
  }
  const answer = await apiJson('/api/intel/search?' + p);
  state.rows = state.rows.concat(sortLocally(answer.objects));
  state.next = answer.more ? answer.next : '';
  draw();
  const q = state.query.q ? '“' + state.query.q + '”' : 'everything you may read';
  wb.shell.status('search ' + q + ': ' + state.rows.length + (answer.more ? '+' : '') + ' shown');
}

function sortLocally(objects) {
  const how = $('f-sort').value;
  if (how === 'name' || how === 'type') {
    return objects.slice().sort((a, b) => String(a[how]).localeCompare(String(b[how])));
  }
  return objects;
}

async function more() {
  try {
    await page();
  } catch (err) {
    wb.shell.failed('more results', err);
  }
}

async function facets() {
  try {
    const f = await apiJson('/api/intel/facets?' + params(state.query));
    $('results-count').textContent = (f.capped ? 'first ' + f.counted + ' counted: ' : f.counted + ' found: ')
      + Object.entries(f.types || {}).map(([t, n]) => t + ' ' + n).join(', ');
  } catch (err) {
    $('results-count').textContent = '';
  }
}

function draw() {
  const rows = state.rows.map((o, n) => el('tr', {
    class: n === state.selected ? 'selected' : null, dataset: { id: o.id, type: o.type },
    onclick: (e) => {
      // the box selects; the link navigates by itself
      if (e.target.tagName !== 'INPUT' && e.target.tagName !== 'A') {
        state.selected = n;
        wb.go('#object/' + o.id);
      }
    },
  },
  el('td', {}, el('input', {
    type: 'checkbox', checked: state.chosen.has(o.id), 'aria-label': 'select ' + (o.name || o.id),
    onchange: (e) => { choose(o.id, e.target.checked); },
  })),
  el('td', {}, el('span', { class: 'type-tag' }, o.type)),
  el('td', {}, el('a', { href: '#object/' + o.id, class: 'result-link' }, o.name || o.id)),
  el('td', {}, shortTime(o.modified)),
  el('td', {}, o.origin_nation || ''),
  el('td', { class: 'marking' }, (o.markings || []).join(' · ')),
  el('td', { class: 'muted' }, o.collection || '')));
  $('results').replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'Nothing you may read matches.'))]));
  $('more-button').hidden = !state.next;
  $('export-selection').disabled = !state.chosen.size;
  $('export-selection').textContent = 'Export selection as bundle' + (state.chosen.size ? ' (' + state.chosen.size + ')' : '');
  const row = rows[state.selected];
  if (row && document.activeElement === $('results-table')) {
    row.scrollIntoView({ block: 'nearest' });
  }
}

function choose(id, on) {
  if (on) {
    state.chosen.add(id);
  } else {
    state.chosen.delete(id);
  }
  draw();
}

/** Asks the node for a bundle and hands it to the browser as a download. */
async function exportBundle(body, what) {
  try {
    const r = await api('/api/intel/export', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) {
      throw new Error('HTTP ' + r.status);
    }
    const bundle = await r.json();
    const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' });
    const a = el('a', { href: URL.createObjectURL(blob), download: 'bulwark-' + what + '.json' });
    document.body.append(a);
    a.click();
    a.remove();
    wb.shell.status('exported ' + bundle.objects.length + ' objects (' + what + ') as a bundle');
    document.body.dataset.exported = String(bundle.objects.length);
  } catch (err) {
    wb.shell.failed('export', err);
  }
}

export function searchKeys(e) {
  const n = state.rows.length;
  const o = state.rows[state.selected];
  switch (e.key) {
    case 'j': state.selected = Math.min(n - 1, state.selected + 1); draw(); return true;
    case 'k': state.selected = Math.max(0, state.selected - 1); draw(); return true;
    case 'Enter':
      // Enter on a focused link or button is that element's own
      if (o && !['A', 'BUTTON'].includes(e.target.tagName)) {
        wb.go('#object/' + o.id);
        return true;
      }
      return false;
    case 'x': if (o) { choose(o.id, !state.chosen.has(o.id)); } return true;
    default: return false;
  }
}
