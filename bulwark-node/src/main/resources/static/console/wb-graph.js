// The workbench's neighbourhood graph (a module of workbench.js): plain SVG, no library. Starts from
// one object and grows a hop at a time: expanding a node asks the node (the server) for its
// neighbours, which only ever include what the reader may read, and places the new ones around it.
// A small force relaxation keeps the drawing readable; positions already drawn move little.
import { svg } from './shell.js';

export const TYPE_COLOURS = {
  'malware': '#ff4d4f', 'indicator': '#ffd666', 'threat-actor': '#d4380d', 'intrusion-set': '#fa8c16',
  'campaign': '#b37feb', 'attack-pattern': '#36cfc9', 'vulnerability': '#ff85c0', 'tool': '#73d13d',
  'report': '#40a9ff', 'identity': '#bfbfbf', 'course-of-action': '#597ef7', 'sighting': '#ffa940',
  'observed-data': '#8c8c8c', 'note': '#95de64', 'opinion': '#95de64', 'incident': '#f5222d',
  'location': '#13c2c2', 'infrastructure': '#faad14',
};

const R = 130;
/** At most this many new objects per hop (a report may contain hundreds): the rest are counted. */
export const MAX_HOP = 30;

/**
 * A graph drawn into `container`. `expand(id)` resolves to {nodes: [{id, type, name}], edges:
 * [{source, target, label}]}; `onSelect(node)`, `onOpen(node)` and `onGrow(id)` (Enter on a node:
 * the page grows the graph and says what it added) are the page's.
 */
export class Graph {
  constructor(container, expand, onSelect, onOpen, onGrow) {
    Object.assign(this, { container, expand, onSelect, onOpen, onGrow });
    this.nodes = new Map();
    this.edges = new Map();
    this.selected = null;
  }

  /** Starts over from one object and expands it. */
  async start(node) {
    this.nodes.clear();
    this.edges.clear();
    this.centre = node.id;
    this.nodes.set(node.id, Object.assign({ x: 0, y: 0, fixed: true }, node));
    this.selected = node.id;
    await this.grow(node.id);
  }

  /**
   * Adds the neighbours of one drawn node (one hop, at most MAX_HOP new ones), then redraws;
   * resolves to {added, hidden}: how many were drawn and how many more the hop had.
   */
  async grow(id) {
    const parent = this.nodes.get(id);
    if (!parent || parent.expanded) {
      return { added: 0, hidden: 0 };
    }
    const answer = await this.expand(id);
    parent.expanded = true;
    const all = answer.nodes.filter((n) => !this.nodes.has(n.id) && n.id !== id);
    const fresh = all.slice(0, MAX_HOP);
    parent.hidden = all.length - fresh.length;
    // a ring around the parent, wide enough for its new neighbours; a few go on the side away
    // from the centre, many all around
    const ring = Math.max(R, (fresh.length * 38) / (2 * Math.PI));
    const base = Math.atan2(parent.y, parent.x);
    const around = parent.id === this.centre || fresh.length > 6;
    fresh.forEach((n, i) => {
      const a = around ? base + (2 * Math.PI * i) / fresh.length
        : base + ((i - (fresh.length - 1) / 2) * Math.PI) / Math.max(3, fresh.length);
      this.nodes.set(n.id, Object.assign({}, n, { x: parent.x + ring * Math.cos(a), y: parent.y + ring * Math.sin(a) }));
    });
    for (const e of answer.edges) {
      if (this.nodes.has(e.source) && this.nodes.has(e.target)) {
        this.edges.set(e.source + '|' + e.target + '|' + e.label, e);
      }
    }
    this.relax(60);
    this.draw();
    return { added: fresh.length, hidden: parent.hidden };
  }

  relax(rounds) {
    const list = [...this.nodes.values()];
    for (let r = 0; r < rounds; r++) {
      const force = new Map(list.map((n) => [n.id, { x: 0, y: 0 }]));
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i];
          const b = list[j];
          const dx = a.x - b.x || 0.01;
          const dy = a.y - b.y || 0.01;
          const d2 = Math.max(dx * dx + dy * dy, 100);
          const f = 9000 / d2;
          const d = Math.sqrt(d2);
          force.get(a.id).x += (f * dx) / d;
          force.get(a.id).y += (f * dy) / d;
          force.get(b.id).x -= (f * dx) / d;
          force.get(b.id).y -= (f * dy) / d;
        }
      }
      for (const e of this.edges.values()) {
        const a = this.nodes.get(e.source);
        const b = this.nodes.get(e.target);
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const d = Math.sqrt(dx * dx + dy * dy) || 1;
        const f = (d - R) * 0.05;
        force.get(a.id).x += (f * dx) / d;
        force.get(a.id).y += (f * dy) / d;
        force.get(b.id).x -= (f * dx) / d;
        force.get(b.id).y -= (f * dy) / d;
      }
      for (const n of list) {
        if (!n.fixed) {
          const f = force.get(n.id);
          n.x += Math.max(-20, Math.min(20, f.x));
          n.y += Math.max(-20, Math.min(20, f.y));
        }
      }
    }
  }

  draw() {
    const list = [...this.nodes.values()];
    const xs = list.map((n) => n.x);
    const ys = list.map((n) => n.y);
    // room for the labels; small graphs are centred in a 500 × 300 box
    const w = Math.max(500, Math.max(...xs) - Math.min(...xs) + 220);
    const h = Math.max(300, Math.max(...ys) - Math.min(...ys) + 80);
    const x0 = (Math.max(...xs) + Math.min(...xs)) / 2 - w / 2;
    const y0 = (Math.max(...ys) + Math.min(...ys)) / 2 - h / 2;
    const edges = [...this.edges.values()].map((e) => {
      const a = this.nodes.get(e.source);
      const b = this.nodes.get(e.target);
      const near = e.source === this.selected || e.target === this.selected;
      return svg('g', { class: 'edge' + (near ? ' near' : ''), dataset: { source: e.source, target: e.target } },
        svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y }),
        svg('text', { class: 'edge-label', x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 2, 'text-anchor': 'middle' }, e.label));
    });
    const nodes = list.map((n) => svg('g', {
      class: 'node' + (n.id === this.centre ? ' centre' : '') + (n.id === this.selected ? ' selected' : '') + (n.expanded ? ' expanded' : ''),
      tabindex: 0, role: 'button', dataset: { id: n.id, type: n.type },
      'aria-label': n.type + ': ' + label(n) + (n.expanded ? ' (expanded)' : ', Enter to expand'),
      transform: 'translate(' + n.x.toFixed(1) + ' ' + n.y.toFixed(1) + ')',
      onclick: () => this.select(n.id),
      ondblclick: () => this.onOpen(n),
      onkeydown: (e) => this.key(e, n),
    },
    svg('circle', { r: n.id === this.centre ? 13 : 10, fill: TYPE_COLOURS[n.type] || '#8da2bf' }),
    svg('text', { y: 24, 'text-anchor': 'middle' }, short(label(n))),
    svg('title', {}, n.type + ': ' + label(n))));
    this.container.replaceChildren(svg('svg', {
      viewBox: [x0, y0, w, h].map((v) => v.toFixed(0)).join(' '), role: 'group',
      'aria-label': 'Neighbourhood graph: ' + list.length + ' objects, ' + this.edges.size + ' links',
    }, svg('g', {}, ...edges), svg('g', {}, ...nodes)));
    this.container.dataset.nodes = String(list.length);
    // with many links, only those of the selected object are labelled
    this.container.classList.toggle('many', this.edges.size > 10);
  }

  select(id) {
    this.selected = id;
    for (const g of this.container.querySelectorAll('g.node')) {
      g.classList.toggle('selected', g.dataset.id === id);
    }
    for (const g of this.container.querySelectorAll('g.edge')) {
      g.classList.toggle('near', g.dataset.source === id || g.dataset.target === id);
    }
    this.onSelect(this.nodes.get(id));
  }

  key(e, n) {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      this.select(n.id);
      this.onGrow(n.id);
    } else if (e.key === 'o') {
      e.preventDefault();
      e.stopPropagation();
      this.onOpen(n);
    }
  }

  focus(id) {
    const g = [...this.container.querySelectorAll('g.node')].find((x) => x.dataset.id === id);
    if (g) {
      g.focus();
    }
  }
}

export function label(n) {
  return n.name || n.id;
}

function short(s) {
  return s.length > 22 ? s.slice(0, 20) + '…' : s;
}
