// The workbench's Create and edit section and its Import section (a module of workbench.js).
// A form per common type (wb-forms.js) or the raw JSON editor for the rest; the indicator's
// pattern is checked as it is typed (POST /api/intel/patterns/validate); the marking chooser asks
// the node who will be able to read the object before it is saved (POST /api/intel/audience, the
// same ReleaseRule as every read). Import sends a dropped bundle to POST /api/intel/import and
// shows the node's report per object (all or nothing).
import { $, ApiError, api, apiJson, el } from './shell.js';
import { FORMS, RAW, formFields, fromForm } from './wb-forms.js';
import { audienceView } from './wb-object.js';

const TLP_IDS = {
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': 'clear',
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': 'green',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': 'amber',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': 'amber+strict',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': 'red',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
};

let wb;
const state = { editing: null, base: null, timers: {} };

export function initEdit(context) {
  wb = context;
  $('new-type').replaceChildren(...Object.keys(FORMS).concat([RAW]).map((t) => el('option', { value: t }, t)));
  $('new-type').addEventListener('change', () => drawType($('new-type').value, null));
  for (const id of ['new-tlp', 'new-rel']) {
    $(id).addEventListener('input', () => later('audience', audience, 250));
  }
  $('new-form').addEventListener('submit', (e) => { e.preventDefault(); save(); });
  $('cancel-edit').addEventListener('click', () => wb.go('#object/' + state.editing));
}

function later(key, fn, ms) {
  clearTimeout(state.timers[key]);
  state.timers[key] = setTimeout(fn, ms);
}

/** #new or #new/TYPE: an empty form. */
export function showNew(type) {
  state.editing = null;
  state.base = null;
  $('new-title').textContent = 'Create an object';
  $('save-button').textContent = 'Save';
  $('cancel-edit').hidden = true;
  $('new-type').disabled = false;
  $('new-collection').disabled = false;
  $('save-result').replaceChildren();
  const t = type === 'raw' ? RAW : FORMS[type] ? type : 'indicator';
  $('new-type').value = t;
  drawType(t, null);
  audience();
  $('new-type').focus();
}

/** #edit/ID: the form of the object's type, filled from its latest version you may read. */
export async function showEdit(id) {
  const page = await apiJson('/api/intel/objects/' + encodeURIComponent(id));
  const o = page.object;
  state.editing = id;
  state.base = o;
  $('new-title').textContent = 'Edit ' + (page.summary.name || id) + ' (a new version)';
  $('save-button').textContent = 'Save a new version';
  $('cancel-edit').hidden = false;
  $('save-result').replaceChildren();
  const type = FORMS[o.type] ? o.type : RAW;
  $('new-type').value = type;
  $('new-type').disabled = true;
  $('new-collection').value = page.summary.collection;
  $('new-collection').disabled = true;
  const tlp = (o.object_marking_refs || []).map((r) => TLP_IDS[r]).find(Boolean);
  $('new-tlp').value = tlp || '';
  const rel = (page.summary.markings || []).filter((m) => /^releasable to /i.test(m))
    .flatMap((m) => m.replace(/^releasable to /i, '').split(/[\s,]+/)).filter(Boolean);
  $('new-rel').value = rel.join(', ');
  drawType(type, o);
  audience();
}

function drawType(type, object) {
  if (type === RAW) {
    const text = object ? JSON.stringify(strip(object), null, 2)
      : JSON.stringify({ type: 'campaign', name: '', description: '' }, null, 2);
    $('type-fields').replaceChildren(
      el('label', { for: 'raw-json' }, 'STIX object (JSON)'),
      el('div', { class: 'field' },
        el('textarea', { id: 'raw-json', spellcheck: 'false', 'aria-describedby': 'raw-check', oninput: () => rawCheck() }, text),
        el('div', { id: 'raw-check', 'aria-live': 'polite' }),
        el('span', { class: 'hint' }, 'id, created, modified and spec_version are filled in by the node; markings come from the chooser below.')));
    rawCheck();
    return;
  }
  $('type-fields').replaceChildren(...formFields(type, object));
  const pattern = $('field-pattern');
  if (pattern) {
    pattern.addEventListener('input', () => later('pattern', checkPattern, 300));
    if (pattern.value) {
      checkPattern();
    }
  }
  const from = $('field-valid_from');
  if (from && !from.value) {
    from.value = new Date().toISOString().slice(0, 19);
  }
  const published = $('field-published');
  if (published && !published.value) {
    published.value = new Date().toISOString().slice(0, 19);
  }
}

function strip(o) {
  const out = Object.assign({}, o);
  for (const k of ['object_marking_refs', 'x_bulwark_provenance']) {
    delete out[k];
  }
  return out;
}

function rawCheck() {
  const box = $('raw-check');
  try {
    const o = JSON.parse($('raw-json').value);
    const problems = [];
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      problems.push('must be one JSON object');
    } else if (typeof o.type !== 'string' || !/^[a-z0-9-]{3,250}$/.test(o.type)) {
      problems.push('"type" must be a STIX type name (lower case, digits, hyphens)');
    }
    box.className = problems.length ? 'invalid' : 'valid';
    box.textContent = problems.length ? problems.join('; ') : 'JSON well formed; the node checks every STIX rule when you save.';
    return problems.length ? null : o;
  } catch (err) {
    box.className = 'invalid';
    box.textContent = 'not JSON: ' + err.message;
    return null;
  }
}

async function checkPattern() {
  const box = $('pattern-check');
  const pattern = $('field-pattern').value.trim();
  if (!pattern) {
    box.replaceChildren();
    return;
  }
  try {
    const r = await apiJson('/api/intel/patterns/validate', json({ pattern }));
    if ($('field-pattern').value.trim() !== pattern) {
      return;
    }
    box.className = r.valid ? 'valid' : 'invalid';
    box.textContent = r.valid ? '✓ valid STIX pattern'
      : '✗ ' + r.errors.map((e) => (e.position !== undefined ? 'at ' + e.position + ': ' : '') + e.reason).join('; ');
    $('field-pattern').setAttribute('aria-invalid', String(!r.valid));
  } catch (err) {
    box.className = 'invalid';
    box.textContent = 'cannot check the pattern: ' + err.message;
  }
}

function json(body) {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

function marking() {
  const releasable = $('new-rel').value.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
  return { tlp: $('new-tlp').value || null, releasable_to: releasable };
}

/** Who will be able to read the object with the chosen marking, before it is saved. */
async function audience() {
  const m = marking();
  const asked = JSON.stringify(m);
  try {
    const a = await apiJson('/api/intel/audience', json(Object.assign({ recipients: [] }, m)));
    if (JSON.stringify(marking()) === asked) {
      $('readable-by').replaceChildren(audienceView(a));
    }
  } catch (err) {
    $('readable-by').replaceChildren(el('span', { class: 'invalid' }, err.message));
  }
}

async function save() {
  const type = $('new-type').value;
  const object = type === RAW ? rawCheck() : fromForm(type, $('type-fields'), state.base ? strip(state.base) : null);
  if (!object) {
    $('raw-json').focus();
    return;
  }
  const path = state.editing
    ? '/api/intel/objects/' + encodeURIComponent(state.editing) + '/versions?collection=' + encodeURIComponent($('new-collection').value)
    : '/api/intel/objects?collection=' + encodeURIComponent($('new-collection').value);
  const r = await api(path, json(Object.assign({ object }, marking())));
  const answer = await r.json().catch(() => ({}));
  if (!r.ok) {
    const findings = answer.findings || [];
    $('save-result').replaceChildren(el('p', { class: 'invalid' }, 'Not saved: ' + (answer.message || answer.error || 'HTTP ' + r.status)),
      findings.length ? el('ul', { id: 'save-findings' }, findings.map((f) => el('li', { class: f.severity === 'warning' ? 'muted' : 'invalid' },
        (f.path ? f.path + ': ' : '') + f.reason))) : null);
    return;
  }
  $('save-result').replaceChildren(el('p', { class: 'ok' }, 'Saved ', el('a', { href: '#object/' + answer.id, id: 'saved-link' }, answer.id)));
  wb.shell.status('saved ' + answer.id + ' in ' + answer.collection);
  document.body.dataset.saved = answer.id;
}

// ---- import ----

export function initImport(context) {
  wb = context;
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer.files.length) {
      importFile(e.dataTransfer.files[0]);
    }
  });
  zone.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target === zone) {
      e.preventDefault();
      e.stopPropagation();
      $('import-file').click();
    }
  });
  $('import-file').addEventListener('change', () => {
    if ($('import-file').files.length) {
      importFile($('import-file').files[0]);
    }
  });
}

async function importFile(file) {
  const report = $('import-report');
  report.replaceChildren(el('p', {}, 'Importing ' + file.name + ' …'));
  try {
    const body = await file.text();
    const r = await api('/api/intel/import?collection=' + encodeURIComponent($('import-collection').value),
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    const a = await r.json().catch(() => ({}));
    // a refused bundle (400) still carries the report per object
    if (!Array.isArray(a.objects)) {
      throw new ApiError(r.status, a.message || a.error || 'HTTP ' + r.status);
    }
    const stored = a.stored === true;
    const summary = !stored ? (a.message || 'nothing stored') + ' A bundle is stored whole or not at all: correct the refused objects and drop it again.'
      : a.refused ? a.accepted + ' stored; ' + a.refused + ' refused by the node (see each).' : 'all ' + a.accepted + ' stored.';
    report.replaceChildren(
      el('p', { id: 'import-summary', class: stored ? 'ok' : 'invalid' }, file.name + ': ' + summary),
      el('table', { class: 'data report-table', id: 'import-table' },
        el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'type'), el('th', {}, 'id'), el('th', {}, 'result'), el('th', {}, 'why'))),
        el('tbody', {}, a.objects.map((o) => el('tr', { dataset: { status: o.status } },
          el('td', {}, String(o.index)), el('td', {}, o.type || ''),
          el('td', {}, stored && (o.status === 'added' || o.status === 'duplicate') ? el('a', { href: '#object/' + o.id }, o.id) : o.id || ''),
          el('td', { class: o.status === 'refused' ? 'rejected' : '' }, o.status === 'valid' ? 'valid (not stored)' : o.status),
          el('td', {}, o.message && o.status !== 'added' ? el('div', {}, o.message) : null,
            (o.findings || []).map((f) => el('div', {}, (f.path ? f.path + ': ' : '') + f.reason))))))));
    wb.shell.status('import: ' + a.accepted + ' accepted, ' + a.refused + ' refused');
  } catch (err) {
    report.replaceChildren(el('p', { class: 'invalid' }, file.name + ': ' + err.message));
  }
}
