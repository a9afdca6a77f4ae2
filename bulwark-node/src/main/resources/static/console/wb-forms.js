// The workbench's forms for the common STIX 2.1 types (a module of workbench.js): which fields each
// type's form shows, how a field becomes a property of the object, and back (for editing). Types
// without a form are written in the raw JSON editor. Only the fields a human fills in: id,
// created, modified, spec_version and the markings are the node's and the marking chooser's job.
import { el } from './shell.js';

// kinds: text, area (multi-line), list (comma-separated), refs (ids, comma or newline), bool,
// choice (values), time (a datetime-local, UTC), int, ext (external id: an external_references row)
const OPEN_VOCAB = {
  indicator_types: ['anomalous-activity', 'anonymization', 'benign', 'compromised', 'malicious-activity', 'attribution', 'unknown'],
  malware_types: ['adware', 'backdoor', 'bot', 'bootkit', 'ddos', 'downloader', 'dropper', 'exploit-kit', 'keylogger',
    'ransomware', 'remote-access-trojan', 'resource-exploitation', 'rogue-security-software', 'rootkit', 'screen-capture',
    'spyware', 'trojan', 'unknown', 'virus', 'webshell', 'wiper', 'worm'],
  threat_actor_types: ['activist', 'competitor', 'crime-syndicate', 'criminal', 'hacker', 'insider-accidental',
    'insider-disgruntled', 'nation-state', 'sensationalist', 'spy', 'terrorist', 'unknown'],
  tool_types: ['denial-of-service', 'exploitation', 'information-gathering', 'network-capture', 'credential-exploitation',
    'remote-access', 'vulnerability-scanning', 'unknown'],
  report_types: ['attack-pattern', 'campaign', 'identity', 'indicator', 'intrusion-set', 'malware', 'observed-data',
    'threat-actor', 'threat-report', 'tool', 'vulnerability'],
};

/** type -> [[property, label, kind, options]]; options: required, values, hint. */
export const FORMS = {
  'indicator': [
    ['name', 'name', 'text', { required: true }],
    ['pattern', 'pattern (STIX)', 'area', { required: true, hint: "e.g. [ipv4-addr:value = '198.51.100.7']" }],
    ['valid_from', 'valid from (UTC)', 'time', { required: true }],
    ['indicator_types', 'indicator types', 'list', { hint: OPEN_VOCAB.indicator_types.join(', ') }],
    ['description', 'description', 'area', {}],
  ],
  'threat-actor': [
    ['name', 'name', 'text', { required: true }],
    ['aliases', 'aliases', 'list', {}],
    ['threat_actor_types', 'threat actor types', 'list', { hint: OPEN_VOCAB.threat_actor_types.join(', ') }],
    ['first_seen', 'first seen (UTC)', 'time', {}],
    ['goals', 'goals', 'list', {}],
    ['description', 'description', 'area', {}],
  ],
  'intrusion-set': [
    ['name', 'name', 'text', { required: true }],
    ['aliases', 'aliases', 'list', {}],
    ['first_seen', 'first seen (UTC)', 'time', {}],
    ['goals', 'goals', 'list', {}],
    ['description', 'description', 'area', {}],
  ],
  'malware': [
    ['name', 'name', 'text', { required: true }],
    ['is_family', 'a family (not one sample)', 'bool', {}],
    ['malware_types', 'malware types', 'list', { hint: OPEN_VOCAB.malware_types.join(', ') }],
    ['aliases', 'aliases', 'list', {}],
    ['description', 'description', 'area', {}],
  ],
  'tool': [
    ['name', 'name', 'text', { required: true }],
    ['tool_types', 'tool types', 'list', { hint: OPEN_VOCAB.tool_types.join(', ') }],
    ['tool_version', 'version', 'text', {}],
    ['description', 'description', 'area', {}],
  ],
  'attack-pattern': [
    ['name', 'name', 'text', { required: true }],
    ['external_id', 'ATT&CK id', 'ext', { source: 'mitre-attack', hint: 'e.g. T1566' }],
    ['aliases', 'aliases', 'list', {}],
    ['description', 'description', 'area', {}],
  ],
  'vulnerability': [
    ['name', 'name', 'text', { required: true, hint: 'e.g. CVE-2024-3400' }],
    ['external_id', 'CVE id', 'ext', { source: 'cve', hint: 'e.g. CVE-2024-3400' }],
    ['description', 'description', 'area', {}],
  ],
  'report': [
    ['name', 'name', 'text', { required: true }],
    ['published', 'published (UTC)', 'time', { required: true }],
    ['report_types', 'report types', 'list', { hint: OPEN_VOCAB.report_types.join(', ') }],
    ['object_refs', 'objects (ids)', 'refs', { required: true }],
    ['description', 'description', 'area', {}],
  ],
  'note': [
    ['abstract', 'abstract', 'text', {}],
    ['content', 'content', 'area', { required: true }],
    ['authors', 'authors', 'list', {}],
    ['object_refs', 'about (ids)', 'refs', { required: true }],
  ],
  'opinion': [
    ['opinion', 'opinion', 'choice', { required: true, values: ['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'] }],
    ['explanation', 'explanation', 'area', {}],
    ['authors', 'authors', 'list', {}],
    ['object_refs', 'about (ids)', 'refs', { required: true }],
  ],
  'relationship': [
    ['source_ref', 'source (id)', 'text', { required: true }],
    ['relationship_type', 'relationship', 'text', { required: true, hint: 'uses, indicates, targets, attributed-to, mitigates, …' }],
    ['target_ref', 'target (id)', 'text', { required: true }],
    ['description', 'description', 'area', {}],
  ],
};

export const RAW = '(other type: raw JSON)';

/** The inputs of a type's form, each with its label; filled from an existing object when editing. */
export function formFields(type, object) {
  return FORMS[type].flatMap(([prop, label, kind, o]) => {
    const id = 'field-' + prop;
    const value = object ? toField(object, prop, kind, o) : (kind === 'bool' && prop === 'is_family' ? true : '');
    const hint = o.hint ? el('span', { class: 'hint', id: id + '-hint' }, o.hint) : null;
    const common = { id, name: prop, required: !!o.required, 'aria-describedby': o.hint ? id + '-hint' : null, dataset: { kind } };
    let input;
    if (kind === 'area' || kind === 'refs') {
      input = el('textarea', Object.assign(common, { rows: prop === 'pattern' ? 2 : 3 }), value);
    } else if (kind === 'bool') {
      input = el('input', Object.assign(common, { type: 'checkbox', checked: !!value, required: false }));
    } else if (kind === 'choice') {
      input = el('select', common, o.values.map((v) => el('option', { value: v, selected: v === value }, v)));
    } else {
      input = el('input', Object.assign(common, { type: kind === 'time' ? 'datetime-local' : 'text', step: kind === 'time' ? 1 : null, value }));
    }
    return [el('label', { for: id }, label + (o.required ? ' *' : '')),
      el('div', { class: 'field' }, input, prop === 'pattern' ? el('div', { id: 'pattern-check', 'aria-live': 'polite' }) : null, hint)];
  });
}

function toField(object, prop, kind, o) {
  if (kind === 'ext') {
    const ref = (object.external_references || []).find((r) => r.source_name === o.source);
    return ref ? ref.external_id || '' : '';
  }
  const v = object[prop];
  if (v === undefined || v === null) {
    return kind === 'bool' ? false : '';
  }
  if (kind === 'list') {
    return v.join(', ');
  }
  if (kind === 'refs') {
    return v.join('\n');
  }
  if (kind === 'time') {
    return String(v).replace(/(\.\d+)?Z$/, '');
  }
  return v;
}

/** The object's properties from the form (empty fields left out), over the object being edited. */
export function fromForm(type, container, base) {
  const out = Object.assign({}, base || {}, { type });
  for (const [prop, , kind, o] of FORMS[type]) {
    const input = container.querySelector('#field-' + prop);
    const raw = kind === 'bool' ? input.checked : input.value.trim();
    if (kind === 'ext') {
      const others = (out.external_references || []).filter((r) => r.source_name !== o.source);
      out.external_references = raw ? others.concat([{ source_name: o.source, external_id: raw }]) : others;
      if (!out.external_references.length) {
        delete out.external_references;
      }
      continue;
    }
    delete out[prop];
    if (kind === 'bool') {
      out[prop] = raw;
    } else if (raw === '') {
      continue;
    } else if (kind === 'list' || kind === 'refs') {
      out[prop] = raw.split(kind === 'refs' ? /[\s,]+/ : /\s*,\s*/).map((s) => s.trim()).filter(Boolean);
    } else if (kind === 'time') {
      out[prop] = (raw.length === 16 ? raw + ':00' : raw) + 'Z';
    } else {
      out[prop] = raw;
    }
  }
  if (type === 'indicator' && !out.pattern_type) {
    out.pattern_type = 'stix';
  }
  return out;
}
