// The workbench's Administration section (a module of workbench.js; the tab is shown to admins
// only and the node refuses these endpoints to anyone else): principals (add: the token is shown
// once, with a copy button; change roles and expiry in place; revoke), peers and federation (state
// per peer and collection, cursor, lag, the last error in plain words, a connection test, the
// certificate fingerprint), collection grants (read-only: they are the node's configuration), and
// the audit log (filters, following a principal or an object, verifying the chain).
import { $, api, apiJson, el, shortTime } from './shell.js';

const ROLES = ['reader', 'contributor', 'admin', 'peer', 'sensor'];
let wb;

export async function showAdmin(context, arg) {
  wb = context;
  const [part, query] = arg.split('?');
  for (const t of ['principals', 'peers', 'grants', 'audit']) {
    $('admin-tab-' + t).setAttribute('aria-current', String(t === part));
  }
  const body = $('admin-body');
  body.dataset.part = part;
  if (part === 'peers') {
    await peers(body);
  } else if (part === 'grants') {
    await grants(body);
  } else if (part === 'audit') {
    await audit(body, new URLSearchParams(query || ''));
  } else {
    await principals(body);
  }
}

function json(method, body) {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) };
}

async function send(path, method, body) {
  const r = await api(path, json(method, body));
  const answer = await r.json().catch(() => ({}));
  if (!r.ok) {
    throw new Error(answer.message || answer.error || 'HTTP ' + r.status);
  }
  return answer;
}

function field(id, label, attrs) {
  return [el('label', { for: id }, label), el('input', Object.assign({ id }, attrs || {}))];
}

function list(value) {
  return value.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

// ---- principals ----

async function principals(body) {
  const answer = await apiJson('/api/admin/principals');
  const form = el('form', { id: 'principal-form', class: 'form-grid', onsubmit: (e) => { e.preventDefault(); addPrincipal(); } },
    ...field('p-name', 'name', { required: true, autocomplete: 'off', pattern: '[A-Za-z0-9._@-]+' }),
    ...field('p-nation', 'nation', { required: true, size: 4, maxlength: 3, value: wb.me.nation || '', placeholder: 'EST' }),
    el('span', { id: 'p-roles-label' }, 'roles'),
    el('div', { role: 'group', 'aria-labelledby': 'p-roles-label' }, ROLES.map((r) => el('label', {},
      el('input', { type: 'checkbox', name: 'p-role', value: r, checked: r === 'reader' }), ' ' + r + ' '))),
    ...field('p-identity', 'STIX identity (optional)', { placeholder: 'identity--…' }),
    ...field('p-expires', 'expires (optional)', { type: 'date' }),
    el('button', { type: 'submit', id: 'p-add' }, 'Add principal'),
    el('div', { id: 'p-result', class: 'span', role: 'status', 'aria-live': 'polite' }));
  body.replaceChildren(el('div', { class: 'admin-grid' },
    el('section', { class: 'panel', 'aria-labelledby': 'principals-title' },
      el('h2', { id: 'principals-title' }, 'Principals ', el('small', {}, answer.principals.length + ' on this node')),
      el('table', { class: 'data', id: 'principals-table' },
        el('thead', {}, el('tr', {}, ['name', 'nation', 'roles', 'created', 'expires', 'state', ''].map((h) => el('th', {}, h)))),
        el('tbody', {}, answer.principals.map((p) => el('tr', { dataset: { name: p.name } },
          el('td', {}, p.name), el('td', {}, p.nation), el('td', {}, p.roles.join(', ')),
          el('td', {}, shortTime(p.created || '').slice(0, 10)), el('td', {}, p.expires ? shortTime(p.expires).slice(0, 10) : 'never'),
          el('td', { class: p.active ? 'state-ok' : 'state-failing' }, p.revoked ? 'revoked' : p.active ? 'active' : 'expired'),
          el('td', {}, p.revoked ? null : editButton(p), ' ', p.revoked ? null : revokeButton(p.name), ' ',
            el('a', { href: '#admin/audit?principal=' + encodeURIComponent(p.name) }, 'audit'))))))),
    el('section', { class: 'panel', 'aria-labelledby': 'add-principal-title' },
      el('h2', { id: 'add-principal-title' }, 'Add a principal ', el('small', {}, 'an analyst, a sensor or a peer node')), form)));
}

// Edit in place: the row's roles and expiry cells become checkboxes and a date (empty = never);
// Save sends only these two (the token, nation and identity stay), Escape or Cancel puts the row back.
function editButton(p) {
  return el('button', { type: 'button', class: 'edit-principal', 'aria-label': 'change roles or expiry of ' + p.name,
    onclick: (e) => editRow(e.target.closest('tr'), p) }, 'Edit');
}

function editRow(row, p) {
  const cells = row.children;
  const id = 'edit-' + p.name.replace(/[^A-Za-z0-9_-]/g, '_');
  const roles = el('div', { role: 'group', 'aria-label': 'roles of ' + p.name, class: 'edit-roles' }, ROLES.map((r) => el('label', {},
    el('input', { type: 'checkbox', name: id + '-role', value: r, checked: p.roles.includes(r) }), ' ' + r + ' ')));
  const expires = el('input', { type: 'date', id: id + '-expires', 'aria-label': 'expires (empty: never)',
    value: p.expires ? p.expires.slice(0, 10) : '' });
  const problem = el('span', { class: 'invalid', role: 'status', 'aria-live': 'polite' });
  const save = el('button', { type: 'button', class: 'save-principal', onclick: async () => {
    const req = { roles: [...roles.querySelectorAll('input:checked')].map((i) => i.value),
      expires: expires.value ? expires.value + 'T23:59:59Z' : '' };
    try {
      const answer = await send('/api/admin/principals/' + encodeURIComponent(p.name), 'POST', req);
      await principals($('admin-body'));
      wb.shell.status('changed ' + answer.principal.name + ': ' + answer.principal.roles.join(', ') +
        ', expires ' + (answer.principal.expires ? answer.principal.expires.slice(0, 10) : 'never'));
    } catch (err) {
      problem.textContent = 'Not changed: ' + err.message;
    }
  } }, 'Save');
  const cancel = el('button', { type: 'button', onclick: () => principals($('admin-body')) }, 'Cancel');
  cells[2].replaceChildren(roles);
  cells[4].replaceChildren(expires);
  cells[6].replaceChildren(save, ' ', cancel, ' ', problem);
  row.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      principals($('admin-body'));
    }
  });
  roles.querySelector('input').focus();
}

function revokeButton(name) {
  // two steps instead of a confirm() dialog: the first press asks, the second revokes
  const b = el('button', { type: 'button', class: 'revoke', 'aria-label': 'revoke ' + name, onclick: async () => {
    if (b.dataset.armed !== 'yes') {
      b.dataset.armed = 'yes';
      b.textContent = 'Really revoke?';
      return;
    }
    try {
      await send('/api/admin/principals/' + encodeURIComponent(name) + '/revoke', 'POST');
      wb.shell.status('revoked ' + name);
      await principals($('admin-body'));
    } catch (err) {
      wb.shell.failed('revoke', err);
    }
  } }, 'Revoke');
  return b;
}

async function addPrincipal() {
  const roles = [...document.querySelectorAll('input[name=p-role]:checked')].map((i) => i.value);
  const req = { name: $('p-name').value.trim(), nation: $('p-nation').value.trim().toUpperCase(), roles };
  if ($('p-identity').value.trim()) {
    req.identity_id = $('p-identity').value.trim();
  }
  if ($('p-expires').value) {
    req.expires = $('p-expires').value + 'T23:59:59Z';
  }
  try {
    const answer = await send('/api/admin/principals', 'POST', req);
    await principals($('admin-body'));
    const token = answer.token;
    const copy = el('button', { type: 'button', id: 'copy-token', onclick: async () => {
      try {
        await navigator.clipboard.writeText(token);
        copy.textContent = 'Copied';
      } catch (err) {
        window.getSelection().selectAllChildren($('new-token'));
        copy.textContent = 'Selected: press Ctrl+C';
      }
    } }, 'Copy');
    $('p-result').replaceChildren(el('div', { class: 'token-box' },
      el('span', {}, 'Token of ' + answer.principal.name + ', shown this once: '), el('code', { id: 'new-token' }, token), copy));
    copy.focus();
    wb.shell.status('added ' + answer.principal.name);
  } catch (err) {
    $('p-result').replaceChildren(el('p', { class: 'invalid' }, 'Not added: ' + err.message));
  }
}

// ---- peers ----

async function peers(body) {
  const answer = await apiJson('/api/admin/peers');
  body.replaceChildren(el('div', { class: 'admin-grid' },
    el('section', { class: 'panel', 'aria-labelledby': 'peers-title' },
      el('h2', { id: 'peers-title' }, 'Peers and federation ', el('small', {}, answer.peers.length + ' peers')),
      answer.peers.length ? answer.peers.map(peerView) : el('p', { class: 'muted' }, 'No peers yet.')),
    el('section', { class: 'panel', 'aria-labelledby': 'add-peer-title' },
      el('h2', { id: 'add-peer-title' }, 'Add a peer ', el('small', {}, 'an allied node: its API root, nation, the token it issued you and its certificate')),
      el('form', { id: 'peer-form', class: 'form-grid', onsubmit: (e) => { e.preventDefault(); addPeer(); } },
        ...field('peer-name', 'name', { required: true, autocomplete: 'off' }),
        ...field('peer-nation', 'nation', { required: true, size: 4, maxlength: 3, placeholder: 'FIN' }),
        ...field('peer-url', 'API root URL', { required: true, type: 'url', placeholder: 'its TAXII API root, as for bulwark peer add --url' }),
        ...field('peer-token', 'token it issued you', { type: 'password', autocomplete: 'off', required: true }),
        ...field('peer-fingerprint', 'certificate SHA-256', { placeholder: 'AB:CD:… as its tls export-cert prints it (pinned)' }),
        el('label', { for: 'peer-cert' }, 'or its certificate (PEM)'),
        el('textarea', { id: 'peer-cert', rows: 3, placeholder: '-----BEGIN CERTIFICATE----- … (its tls export-cert file)' }),
        ...field('peer-pull', 'collections to pull', { value: 'intel' }),
        ...field('peer-push', 'collections to push', { value: 'intel' }),
        el('button', { type: 'submit', id: 'peer-add' }, 'Add peer'),
        el('div', { id: 'peer-result', class: 'span', role: 'status', 'aria-live': 'polite' })))));
}

function peerView(p) {
  const result = el('span', { class: 'peer-test', 'aria-live': 'polite' });
  return el('div', { class: 'peer', dataset: { peer: p.name } },
    el('h3', {}, p.name + ' · ' + p.nation + ' · ', el('span', { class: 'peer-status ' + (p.status === 'ok' ? 'state-ok' : p.status === 'failing' ? 'state-failing' : 'muted') },
      (p.status || '').replace('_', ' '))),
    el('p', { class: 'muted' }, p.url, ' · certificate SHA-256 ', el('code', {}, p.fingerprint || 'the JDK trust store'),
      ' ', el('button', { type: 'button', class: 'peer-test-button', onclick: () => testPeer(p.name, result) }, 'Test connection'), ' ', result),
    el('table', { class: 'data' },
      el('thead', {}, el('tr', {}, ['collection', 'cursor', 'objects', 'last success', 'lag', 'last error'].map((h) => el('th', {}, h)))),
      el('tbody', {}, (p.collections || []).map((c) => el('tr', {},
        el('td', {}, c.collection + (c.direction ? ' (' + c.direction + ')' : '')), el('td', {}, c.cursor || '—'),
        el('td', {}, c.objects === undefined ? '' : String(c.objects) + (c.refused ? ', ' + c.refused + ' refused' : '')),
        el('td', {}, shortTime(c.last_success || '') || 'never'),
        el('td', {}, lag(c)),
        el('td', { class: c.last_error ? 'state-failing' : '' }, c.last_error || 'none'))))));
}

/** The lag in time, or in objects; unknown (never reached) as a dash. */
function lag(c) {
  if (typeof c.lag_seconds === 'number' && c.lag_seconds >= 0) {
    return c.lag_seconds + ' s';
  }
  return typeof c.lag_objects === 'number' && c.lag_objects >= 0 ? c.lag_objects + ' objects' : '—';
}

async function testPeer(name, result) {
  result.textContent = 'testing …';
  try {
    const t = await send('/api/admin/peers/' + encodeURIComponent(name) + '/test', 'POST');
    result.className = 'peer-test ' + (t.ok ? 'state-ok' : 'state-failing');
    result.textContent = (t.ok ? 'reached in ' + t.millis + ' ms' : 'failed') + ': ' + t.message;
  } catch (err) {
    result.className = 'peer-test state-failing';
    result.textContent = err.message;
  }
}

async function addPeer() {
  const req = {
    name: $('peer-name').value.trim(), nation: $('peer-nation').value.trim().toUpperCase(), url: $('peer-url').value.trim(),
    pull: list($('peer-pull').value), push: list($('peer-push').value),
  };
  req.collections = [...new Set(req.pull.concat(req.push))];
  for (const [k, id] of [['token', 'peer-token'], ['fingerprint', 'peer-fingerprint'], ['cert_pem', 'peer-cert']]) {
    if ($(id).value.trim()) {
      req[k] = $(id).value.trim();
    }
  }
  try {
    await send('/api/admin/peers', 'POST', req);
    await peers($('admin-body'));
    $('peer-result').replaceChildren(el('p', { class: 'ok' }, 'Added peer ' + req.name + '.'));
    wb.shell.status('added peer ' + req.name);
  } catch (err) {
    $('peer-result').replaceChildren(el('p', { class: 'invalid' }, 'Not added: ' + err.message));
  }
}

// ---- grants ----

async function grants(body) {
  const answer = await apiJson('/api/admin/grants');
  body.replaceChildren(el('section', { class: 'panel', 'aria-labelledby': 'grants-title' },
    el('h2', { id: 'grants-title' }, 'Collection grants ', el('small', {}, 'which nations may read and write each collection')),
    el('p', { class: 'muted', id: 'grants-config' }, 'Grants are the node\'s configuration (bulwark.taxii.collections.NAME.read and .write, ',
      'bulwark.taxii.node-owned), read at start: change them there and restart the node. A node-owned collection is written only by the node and its peers.'),
    el('table', { class: 'data', id: 'grants-table' },
      el('thead', {}, el('tr', {}, ['collection', 'title', 'read', 'write', ''].map((h) => el('th', {}, h)))),
      el('tbody', {}, answer.collections.map((c) => el('tr', { dataset: { collection: c.id } },
        el('td', {}, c.id), el('td', {}, c.title || ''), el('td', {}, (c.read || []).join(', ') || '—'),
        el('td', {}, (c.write || []).join(', ') || '—'), el('td', { class: 'muted' }, c.node_owned ? 'node-owned' : '')))))));
}

// ---- audit ----

async function audit(body, q) {
  const p = new URLSearchParams();
  for (const k of ['principal', 'object', 'action', 'after']) {
    if (q.get(k)) {
      p.set(k, q.get(k));
    }
  }
  const filter = p.toString();
  p.set('limit', '100');
  const answer = await apiJson('/api/admin/audit?' + p);
  const follow = (k, v) => el('a', { href: '#admin/audit?' + k + '=' + encodeURIComponent(v), title: 'follow ' + v }, v);
  body.replaceChildren(el('section', { class: 'panel', 'aria-labelledby': 'audit-title' },
    el('h2', { id: 'audit-title' }, 'Audit log ', el('small', {}, 'oldest first; a keyed hash chain; a click on a principal or an object follows it')),
    el('div', { class: 'toolbar' },
      el('button', { type: 'button', id: 'verify-chain', onclick: () => verify() }, 'Verify the chain'),
      el('span', { id: 'verify-result', class: 'verify-result', role: 'status', 'aria-live': 'polite' })),
    el('form', { id: 'audit-form', class: 'toolbar', onsubmit: (e) => {
      e.preventDefault();
      const f = new URLSearchParams();
      for (const k of ['principal', 'object', 'action']) {
        const v = $('audit-' + k).value.trim();
        if (v) {
          f.set(k, v);
        }
      }
      wb.go('#admin/audit?' + f);
    } },
    ...field('audit-principal', 'principal', { value: q.get('principal') || '', size: 14 }),
    ...field('audit-object', 'object', { value: q.get('object') || '', size: 30 }),
    ...field('audit-action', 'action', { value: q.get('action') || '', size: 14, placeholder: 'e.g. intel.create' }),
    el('button', { type: 'submit' }, 'Filter'), el('a', { href: '#admin/audit' }, 'all')),
    el('table', { class: 'data', id: 'audit-table' },
      el('thead', {}, el('tr', {}, ['#', 'time', 'principal', 'action', 'object', 'outcome', 'detail'].map((h) => el('th', {}, h)))),
      el('tbody', {}, answer.records.map((r) => el('tr', { dataset: { seq: String(r.seq) } },
        el('td', {}, String(r.seq)), el('td', {}, shortTime(r.time)), el('td', {}, r.principal ? follow('principal', r.principal) : ''),
        el('td', {}, r.action + (r.collection ? ' · ' + r.collection : '')),
        el('td', {}, (r.objects || []).slice(0, 5).map((o) => el('div', {}, follow('object', o), ' ',
          el('a', { href: '#object/' + encodeURIComponent(o.split('@')[0]), class: 'muted' }, 'open')))), el('td', {}, r.outcome || ''),
        el('td', { class: 'muted' }, r.detail || ''))))),
    answer.next_after ? el('p', {}, el('a', { id: 'audit-newer', href: '#admin/audit?' + withAfter(q, answer.next_after) }, 'Later records')) : null));
  body.dataset.query = filter;
}

function withAfter(q, after) {
  const p = new URLSearchParams(q);
  p.set('after', String(after));
  return p;
}

async function verify() {
  const box = $('verify-result');
  box.textContent = 'verifying …';
  try {
    const v = await apiJson('/api/admin/audit/verify');
    box.className = 'verify-result ' + (v.ok ? 'state-ok' : 'state-failing');
    box.textContent = v.ok ? '✓ The chain is intact: ' + v.checked + ' records checked.'
      : '✗ The chain is broken: first bad record #' + v.first_bad.seq + ': ' + v.first_bad.reason;
  } catch (err) {
    box.className = 'verify-result state-failing';
    box.textContent = 'cannot verify: ' + err.message;
  }
}
