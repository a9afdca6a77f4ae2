// The console shell: what every page of the Bulwark console shares. A plain ES module (no build
// step, nothing fetched from elsewhere); a page is an HTML file with its own <main>, its stylesheet
// after shell.css, and one <script type="module"> that imports from here.
//
// API, for the pages that exist (maritime watch, support) and those to come (workbench, incidents,
// readiness):
//
//   startShell(options) -> shell        Builds the header (title, navigation, status line, help
//                                       button), the sign-in dialog and the keyboard help; signs in
//                                       again with the credentials kept for this tab, or asks for
//                                       them; then calls options.start. Call once, at module load.
//     options.page        key of the page in PAGES (marks it current in the navigation)
//     options.statusId    id of the status line ('watch-status', 'support-status', …)
//     options.statusText  what the status line says before sign-in
//     options.signIn      { title, passwordLabel, probe: a GET path any principal allowed on the page
//                         may read, refused(response) -> message (optional) }
//     options.help        [[keys, what they do], …] for the help dialog ('?' and Esc are added)
//     options.keys(e, inField)  the page's keys: called for a keydown when signed in and without
//                         Ctrl/Meta/Alt; inField is true when it went to a form field. Returns
//                         true when it used the key (the default action is then prevented); a key
//                         it leaves outside a field may be the shell's own: '?' help, Esc close help.
//     options.start(r)    async; runs once signed in, with the probe's Response (unread). A failure
//                         is shown in the status line.
//   shell.status(text)                  Writes the status line.
//   shell.failed(prefix, error)         Shows a failed request in the status line ('prefix: why').
//   shell.toggleHelp() / hideHelp()
//
//   api(path, options) -> Promise<Response>   fetch with the signed-in principal's credentials
//                                             (HTTP Basic) and Accept: application/json.
//   apiJson(path, options) -> Promise<any>    the parsed body, or throws an ApiError.
//   refusal(response) -> Promise<string>      the API's error as one line, with its details.
//   ApiError                                  .status (0: the node did not answer), .message, .details
//   follow(path, onEvent, onBreak)            Follows a server-sent event stream with the
//                                             credentials (EventSource cannot send them):
//                                             onEvent(name, JSON data) per event; onBreak(error)
//                                             when it fails (a refusal, a drop, an onEvent that
//                                             throws); reconnects 2 s after any end, for as long
//                                             as the page is open.
//
//   el(tag, attrs, ...children) -> Element    An HTML element. attrs: class, dataset: {…}, on<event>:
//                                             function (a listener), hidden/disabled/…: boolean,
//                                             anything else an attribute (null/false: left out).
//                                             children: nodes, or strings and numbers (as text,
//                                             never parsed as HTML); null/false skipped, arrays
//                                             flattened. Data only ever enters the page this way.
//   svg(tag, attrs, ...children) -> Element   The same for SVG elements.
//   text(value) -> Text                       a text node, for libraries that take a node or an
//                                             HTML string (Leaflet's tooltips): never the string.
//   $(id)                                     document.getElementById
//   shortTime(rfc3339)                        '2026-01-02 03:04:05Z'
//
// A new page: an entry in PAGES; page.html with shell.css, page.css, a <main> and
// <script type="module" src="page.js">; and in page.js
//   import { $, apiJson, el, startShell } from './shell.js';
//   const shell = startShell({ page: 'workbench', statusId: 'workbench-status', statusText: '',
//     signIn: { title: 'Sign in to the workbench', probe: '/api/…' }, help: [['j / k', '…']],
//     keys: (e, inField) => false, start: async () => { $('list').replaceChildren(…rows via el…); } });
//
// Credentials live in sessionStorage ('bulwark.auth') so that moving between the pages of one tab
// keeps the sign-in, and closing the tab forgets it.

/** The pages of the console, in the order of the navigation. */
export const PAGES = [
  { key: 'maritime', href: './', label: 'Maritime watch', subtitle: 'maritime watch' },
  { key: 'support', href: 'support.html', label: 'Support', subtitle: 'support to Ukraine' },
  { key: 'register', href: 'register.html', label: 'Register', subtitle: 'hostile-act register' },
  { key: 'cyber', href: 'cyber.html', label: 'Cyber', subtitle: 'cyber infrastructure' },
  { key: 'readiness', href: 'readiness.html', label: 'Readiness', subtitle: 'force readiness' },
  { key: 'workbench', href: 'workbench.html', label: 'Workbench', subtitle: "analyst's workbench" },
];

const AUTH_KEY = 'bulwark.auth';
const SVG_NS = 'http://www.w3.org/2000/svg';
let auth = sessionStorage.getItem(AUTH_KEY) || '';

export const $ = (id) => document.getElementById(id);

// ---- DOM ----

function build(element, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) {
      continue;
    }
    if (k === 'dataset') {
      Object.assign(element.dataset, v);
    } else if (k.startsWith('on') && typeof v === 'function') {
      element.addEventListener(k.slice(2), v);
    } else {
      element.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c !== null && c !== undefined && c !== false) {
      element.append(c instanceof Node ? c : String(c));
    }
  }
  return element;
}

export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function text(value) {
  return document.createTextNode(value === null || value === undefined ? '' : String(value));
}

export function shortTime(t) {
  return t ? t.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

// ---- HTTP ----

export class ApiError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details || [];
  }
}

export function api(path, options = {}) {
  const headers = Object.assign({ 'Authorization': 'Basic ' + auth, 'Accept': 'application/json' },
    options.headers || {});
  return fetch(path, Object.assign({}, options, { headers }));
}

export async function apiJson(path, options) {
  let r;
  try {
    r = await api(path, options);
  } catch (err) {
    throw new ApiError(0, 'the node does not answer');
  }
  if (!r.ok) {
    const body = await r.clone().json().catch(() => ({}));
    throw new ApiError(r.status, await refusal(r), body.details);
  }
  return r.json();
}

/** The API's error as one line, with its details (the node's errors: {description, details}). */
export async function refusal(r) {
  try {
    const e = await r.json();
    return (e.description || r.status) + (e.details && e.details.length
      ? ': ' + e.details.map((d) => d.where + ': ' + d.reason).join('; ') : '');
  } catch (err) {
    return 'HTTP ' + r.status;
  }
}

export async function follow(path, onEvent, onBreak) {
  try {
    const r = await api(path, { headers: { 'Accept': 'text/event-stream' } });
    if (!r.ok || !r.body) {
      throw new ApiError(r.status, 'events: ' + r.status);
    }
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end), onEvent);
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (err) {
    onBreak(err);
  }
  setTimeout(() => follow(path, onEvent, onBreak), 2000);
}

/** One event of the stream ('event:' and 'data:' lines); comments and data-less events are skipped. */
function dispatch(chunk, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of chunk.split('\n')) {
    if (line.startsWith('event:')) {
      name = line.slice(6).trim();
    } else if (line.startsWith('data:')) {
      data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  if (data.length) {
    onEvent(name, JSON.parse(data.join('\n')));
  }
}

// ---- the shell ----

export function startShell(options) {
  const shell = new Shell(options);
  shell.resume();
  return shell;
}

class Shell {
  constructor(o) {
    this.o = o;
    const page = PAGES.find((p) => p.key === o.page);
    this.statusLine = el('div', { id: o.statusId, class: 'shell-status', 'aria-live': 'polite' }, o.statusText || '');
    document.body.prepend(el('header', {},
      el('h1', {}, 'Bulwark ', el('span', {}, page.subtitle)),
      el('nav', { class: 'nav', 'aria-label': 'Console pages' }, PAGES.map((p) =>
        el('a', { id: 'nav-' + p.key, href: p.href, 'aria-current': p === page ? 'page' : null }, p.label))),
      this.statusLine,
      el('button', { id: 'help-button', type: 'button', title: 'Keyboard shortcuts (?)', onclick: () => this.toggleHelp() }, '?')));
    document.body.append(this.signInDialog(o.signIn), this.helpDialog(o.help || []));
    document.addEventListener('keydown', (e) => this.key(e));
  }

  signInDialog(s) {
    this.login = el('div', { id: 'login', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'login-title' },
      el('form', { id: 'login-form', onsubmit: (e) => this.submit(e) },
        el('h2', { id: 'login-title' }, s.title),
        el('label', { for: 'login-user' }, 'user'),
        el('input', { id: 'login-user', autocomplete: 'username', required: true }),
        el('label', { for: 'login-password' }, s.passwordLabel || 'token (or password)'),
        el('input', { id: 'login-password', type: 'password', autocomplete: 'current-password', required: true }),
        el('button', { id: 'login-submit', type: 'submit' }, 'Sign in'),
        el('p', { id: 'login-error', role: 'alert' })));
    return this.login;
  }

  helpDialog(keys) {
    const rows = keys.concat([['?', 'this help']]);
    this.help = el('div', { id: 'help', hidden: true, role: 'dialog', 'aria-label': 'Keyboard shortcuts' },
      el('h2', {}, 'Keyboard'),
      el('dl', {}, rows.map(([k, what]) => [el('dt', {}, k), el('dd', {}, what)])));
    return this.help;
  }

  async submit(e) {
    e.preventDefault();
    auth = btoa($('login-user').value.trim() + ':' + $('login-password').value.trim());
    const r = await api(this.o.signIn.probe).catch(() => null);
    if (r && r.ok) {
      sessionStorage.setItem(AUTH_KEY, auth);
      this.enter(r);
    } else {
      $('login-error').textContent = !r ? 'The node does not answer.'
        : (this.o.signIn.refused && this.o.signIn.refused(r)) || 'Not accepted (' + r.status + ').';
    }
  }

  /** Signs in again with the credentials this tab kept (another page of the console took them). */
  async resume() {
    if (auth) {
      const r = await api(this.o.signIn.probe).catch(() => null);
      if (r && r.ok) {
        this.enter(r);
        return;
      }
      auth = '';
      sessionStorage.removeItem(AUTH_KEY);
    }
    $('login-user').focus();
  }

  async enter(r) {
    this.login.hidden = true;
    try {
      await this.o.start(r);
    } catch (err) {
      this.failed('not loaded', err);
    }
  }

  status(text) {
    this.statusLine.classList.remove('error');
    this.statusLine.textContent = text;
  }

  failed(prefix, err) {
    this.statusLine.textContent = prefix + ': ' + (err && err.message ? err.message : String(err));
    this.statusLine.classList.add('error');
  }

  toggleHelp() {
    this.help.hidden = !this.help.hidden;
  }

  hideHelp() {
    this.help.hidden = true;
  }

  key(e) {
    if (!this.login.hidden || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    const inField = ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.target.tagName);
    if (this.o.keys && this.o.keys(e, inField)) {
      e.preventDefault();
      return;
    }
    if (inField) {
      return;
    }
    if (e.key === '?') {
      this.toggleHelp();
    } else if (e.key === 'Escape') {
      this.hideHelp();
    } else {
      return;
    }
    e.preventDefault();
  }
}
