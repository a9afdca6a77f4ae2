// The workbench's diff of two versions of an object (a module of workbench.js): the node's
// changes (GET /api/intel/objects/ID/diff: one per JSON path, added, removed or changed) as a
// table built with the shell's el().
import { el } from './shell.js';

function show(v) {
  return v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** The diff as a table: property, before, after; one row per change. */
export function diffTable(changes, olderLabel, newerLabel) {
  if (!changes.length) {
    return el('p', { class: 'muted' }, 'The two versions are the same.');
  }
  return el('table', { class: 'data diff', id: 'diff-table' },
    el('thead', {}, el('tr', {}, el('th', {}, 'property'), el('th', {}, olderLabel), el('th', {}, newerLabel))),
    el('tbody', {}, changes.map((c) => el('tr', { class: 'diff-row ' + c.kind, dataset: { path: c.path } },
      el('td', {}, c.path, ' ', el('span', { class: 'muted' }, '(' + c.kind + ')')),
      el('td', {}, show(c.before)), el('td', {}, show(c.after))))));
}
