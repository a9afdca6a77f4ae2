// Bulwark console, the analyst's workbench: a plain ES module on the console shell (shell.js), no
// build step. One page, four sections chosen by the address's #fragment so that the browser's Back
// works: #search (browse and search), #object/ID (an object, its readers, versions and graph),
// #new, #new/TYPE and #edit/ID (forms and the raw JSON editor), #import (bundles in and out) and
// #admin/… (principals, peers, grants, audit; shown to admins only). Everything goes through the
// node's JSON API under /api/intel and /api/admin, which shows only what the reader may read.
import { $, apiJson, el, startShell } from './shell.js';
import { initSearch, runSearch, searchKeys } from './wb-search.js';
import { initObject, objectKeys, showObject } from './wb-object.js';
import { initEdit, initImport, showEdit, showNew } from './wb-edit.js';
import { showAdmin } from './wb-admin.js';

const VIEWS = ['search', 'object', 'new', 'import', 'admin'];

/** What the modules share: the shell, who is signed in, the readable collections, navigation. */
export const wb = {
  shell: null,
  me: { name: '', nation: '', roles: [] },
  collections: [],
  go(hash) {
    if (location.hash === hash) {
      route();
    } else {
      location.hash = hash;
    }
  },
  can(role) {
    return this.me.roles.includes(role);
  },
};

wb.shell = startShell({
  page: 'workbench',
  statusId: 'workbench-status',
  statusText: 'not signed in',
  signIn: { title: "Sign in to the analyst's workbench", passwordLabel: 'password (token)', probe: '/api/intel/search?limit=1' },
  help: [['/', 'search box'], ['j / k', 'next / previous result'], ['Enter', 'open the selected result'],
    ['x', 'select the result for export'], ['n', 'create an object'], ['e', 'edit the open object'],
    ['J', 'show / hide the JSON of the open object'], ['g', 'the graph (Tab between nodes, Enter expands, o opens)'],
    ['Esc', 'leave a field, close this help']],
  keys,
  start,
});

async function start() {
  await whoAmI();
  await loadCollections();
  initSearch(wb);
  initObject(wb);
  initEdit(wb);
  initImport(wb);
  window.addEventListener('hashchange', route);
  await route();
  if (!location.hash || location.hash === '#search') {
    await runSearch();
  }
}

/** Who is signed in: the node's answer, or (on a node without it) what the probes tell. */
async function whoAmI() {
  try {
    wb.me = await apiJson('/api/intel/me');
  } catch (err) {
    const user = atob(sessionStorage.getItem('bulwark.auth') || '').split(':')[0];
    const admin = await apiJson('/api/admin/grants').then(() => true, () => false);
    wb.me = { name: user, nation: '', roles: ['reader', 'contributor'].concat(admin ? ['admin'] : []) };
  }
  $('tab-admin').hidden = !wb.can('admin');
  $('tab-new').hidden = !(wb.can('contributor') || wb.can('admin'));
  $('tab-import').firstChild.textContent = $('tab-new').hidden ? 'Export' : 'Import and export';
  $('import-part').hidden = $('tab-new').hidden;
  $('wb-who').textContent = wb.me.name + (wb.me.nation ? ' · ' + wb.me.nation : '') + ' · ' + wb.me.roles.join(', ');
}

async function loadCollections() {
  try {
    wb.collections = (await apiJson('/api/intel/collections')).collections;
  } catch (err) {
    wb.collections = [{ id: 'intel', title: 'Shared intelligence', can_write: true }];
  }
  const writable = wb.collections.filter((c) => c.can_write !== false);
  $('save-button').disabled = !writable.length;
  if (!writable.length) {
    $('save-result').textContent = 'You may not add objects to any collection of this node.';
  }
  // shared intelligence first: the collection an analyst means unless they choose another
  const preferred = writable.find((c) => c.id === 'intel') || writable[0];
  for (const id of ['new-collection', 'import-collection']) {
    $(id).replaceChildren(...writable.map((c) => el('option', { value: c.id, selected: c === preferred },
      c.title ? c.title + ' (' + c.id + ')' : c.id)));
  }
  $('f-collection').append(...wb.collections.map((c) => el('option', { value: c.id }, c.title || c.id)));
}

/** Shows the section the address names. */
export async function route() {
  const hash = decodeURIComponent(location.hash.slice(1)) || 'search';
  const [head, ...rest] = hash.split('/');
  const arg = rest.join('/');
  let view = head === 'edit' ? 'new' : head.split('?')[0];
  if (!VIEWS.includes(view) || (view === 'admin' && !wb.can('admin'))) {
    view = 'search';
  }
  for (const v of VIEWS) {
    $('view-' + v).hidden = v !== view;
  }
  for (const t of ['search', 'new', 'import', 'admin']) {
    $('tab-' + t).setAttribute('aria-current', String(t === view));
  }
  document.body.dataset.view = view;
  try {
    if (view === 'object' && arg) {
      await showObject(arg);
    } else if (head === 'edit' && arg) {
      await showEdit(arg);
    } else if (view === 'new') {
      showNew(arg);
    } else if (view === 'admin') {
      await showAdmin(wb, arg || 'principals');
    }
  } catch (err) {
    wb.shell.failed('not loaded', err);
  }
}

function keys(e, inField) {
  if (e.key === 'Escape' && inField) {
    e.target.blur();
    return true;
  }
  if (inField) {
    return false;
  }
  const view = document.body.dataset.view;
  if (e.key === '/') {
    wb.go('#search');
    $('q').focus();
    return true;
  }
  if (e.key === 'n' && !$('tab-new').hidden) {
    wb.go('#new');
    return true;
  }
  if (view === 'search') {
    return searchKeys(e);
  }
  if (view === 'object') {
    return objectKeys(e);
  }
  return false;
}
