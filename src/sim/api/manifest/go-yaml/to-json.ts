// sigs.k8s.io/yaml's YAMLToJSON on top of go-yaml v2: decode the document into
// Go values (ints, uint64s, float64s, strings kept apart; merge keys `<<`;
// aliases), turn map keys into strings the way sigs.k8s.io/yaml does, then
// json.Marshal (which refuses NaN and infinities).

import { YamlNode, YamlComposeError } from './parser';
import { resolvePlain } from './resolve';
import { goFloatG } from '../go-format';
import type { JsonValue, JsonObject } from '../json-value';

/** A failure after parsing (decoding, key conversion, marshalling): the text after `error converting YAML to JSON: `. */
export class YamlToJsonError extends Error {}

type GoValue =
  | { t: 'nil' }
  | { t: 'bool'; v: boolean }
  | { t: 'string'; v: string }
  | { t: 'int'; v: number }
  | { t: 'uint64'; v: number }
  | { t: 'float64'; v: number }
  | { t: 'slice'; items: GoValue[] }
  | { t: 'map'; entries: Map<string, [GoValue, GoValue]> };

const TAG = 'tag:yaml.org,2002:';
const RESOLVABLE = new Set(['', `${TAG}str`, `${TAG}bool`, `${TAG}int`, `${TAG}float`, `${TAG}null`, `${TAG}timestamp`]);

function shortTag(tag: string): string {
  return tag.startsWith(TAG) ? '!!' + tag.slice(TAG.length) : tag;
}

/** The node as the JSON value kubectl would send (may throw YamlToJsonError or YamlComposeError). */
export function yamlNodeToJson(node: YamlNode): JsonValue {
  const go = new Decoder().decode(node);
  const json = toJsonable(go);
  assertMarshallable(json);
  return json;
}

// ---------------------------------------------------------------- decoding (go-yaml into interface{})

class Decoder {
  private readonly expanding = new Set<YamlNode>();
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;

  decode(n: YamlNode): GoValue {
    this.countDecode();
    switch (n.kind) {
      case 'alias':
        return this.alias(n, (target) => this.decode(target));
      case 'scalar':
        return scalarValue(n.value, n.tag);
      case 'sequence':
        return { t: 'slice', items: n.items.map((c) => this.decode(c)) };
      case 'mapping': {
        const m: GoValue & { t: 'map' } = { t: 'map', entries: new Map() };
        this.mappingInto(n, m);
        return m;
      }
    }
  }

  /**
   * go-yaml's guard against alias bombs ("billion laughs"): past 1000 nodes,
   * at most 99% of them may come from expanding aliases (less for huge documents).
   */
  private countDecode(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new YamlComposeError('document contains excessive aliasing');
    }
  }

  private alias<T>(n: YamlNode & { kind: 'alias' }, f: (target: YamlNode) => T): T {
    if (this.expanding.has(n)) throw new YamlComposeError(`anchor '${n.name}' value contains itself`);
    this.expanding.add(n);
    this.aliasDepth++;
    try {
      return f(n.target);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(n);
    }
  }

  private mappingInto(n: YamlNode & { kind: 'mapping' }, out: GoValue & { t: 'map' }): void {
    for (const [kn, vn] of n.pairs) {
      if (kn.kind === 'scalar' && kn.value === '<<' && (kn.tag === '' || kn.tag === `${TAG}merge`)) {
        this.merge(vn, out);
        continue;
      }
      const k = this.decode(kn);
      if (k.t === 'map' || k.t === 'slice') throw new YamlComposeError(`invalid map key: ${goSharpV(k)}`);
      out.entries.set(keyIdentity(k), [k, this.decode(vn)]);
    }
  }

  /** `<<: *base` or `<<: [*a, *b]`: copy the referenced mappings in, at this position (later keys win). */
  private merge(n: YamlNode, out: GoValue & { t: 'map' }): void {
    const wantMap = () => new YamlComposeError('map merge requires map or sequence of maps as the value');
    const into = (m: YamlNode) => {
      if (m.kind === 'mapping') this.mappingInto(m, out);
      else if (m.kind === 'alias') {
        if (m.target.kind !== 'mapping') throw wantMap();
        this.alias(m, (t) => this.mappingInto(t as YamlNode & { kind: 'mapping' }, out));
      } else throw wantMap();
    };
    if (n.kind === 'mapping' || n.kind === 'alias') into(n);
    else if (n.kind === 'sequence') {
      for (let i = n.items.length - 1; i >= 0; i--) into(n.items[i]);
    } else throw wantMap();
  }
}

function allowedAliasRatio(decodeCount: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - (0.89 * (decodeCount - low)) / (high - low);
}

function keyIdentity(k: GoValue): string {
  switch (k.t) {
    case 'nil':
      return 'nil';
    case 'bool':
    case 'string':
    case 'int':
    case 'uint64':
    case 'float64':
      return `${k.t}:${String(k.v)}`;
    default:
      throw new Error('collections are never map keys here');
  }
}

function scalarValue(text: string, tag: string): GoValue {
  if (tag === `${TAG}str`) return { t: 'string', v: text };
  if (tag === `${TAG}binary`) return { t: 'string', v: decodeBase64(text) };
  if (!RESOLVABLE.has(tag)) return { t: 'string', v: text };
  const r = resolvePlain(text, tag === '' || tag === `${TAG}timestamp`);
  const rtag = TAG + (r.tag === 'str' ? 'str' : r.tag);
  if (tag !== '' && tag !== rtag && !(tag === `${TAG}float` && r.tag === 'int')) {
    throw new YamlComposeError(`cannot decode ${shortTag(rtag)} \`${text}\` as a ${shortTag(tag)}`);
  }
  switch (r.tag) {
    case 'null':
      return { t: 'nil' };
    case 'bool':
      return { t: 'bool', v: r.value as boolean };
    case 'int': {
      const v = r.value as number;
      if (tag === `${TAG}float`) return { t: 'float64', v };
      return v > 2 ** 63 - 1 ? { t: 'uint64', v } : { t: 'int', v };
    }
    case 'float':
      return { t: 'float64', v: r.value as number };
    default:
      // Timestamps stay the text they were written as.
      return { t: 'string', v: text };
  }
}

function decodeBase64(text: string): string {
  const clean = text.replace(/[\r\n]/g, '');
  if (!/^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(clean)) {
    throw new YamlComposeError('!!binary value contains invalid base64 data');
  }
  const bytes = Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

// ---------------------------------------------------------------- YAML values to JSON values

function toJsonable(v: GoValue): JsonValue {
  switch (v.t) {
    case 'nil':
      return null;
    case 'bool':
    case 'string':
      return v.v;
    case 'int':
    case 'uint64':
    case 'float64':
      return v.v;
    case 'slice':
      return v.items.map(toJsonable);
    case 'map': {
      const out: JsonObject = {};
      for (const [k, val] of v.entries.values()) out[keyString(k, val)] = toJsonable(val);
      return out;
    }
  }
}

/** How sigs.k8s.io/yaml names a non-string YAML key in JSON. */
function keyString(k: GoValue, value: GoValue): string {
  switch (k.t) {
    case 'string':
      return k.v;
    case 'int':
      return String(k.v);
    case 'bool':
      return k.v ? 'true' : 'false';
    case 'float64': {
      const s = goFloatG(k.v, 32);
      return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
    }
    default: {
      const type = k.t === 'nil' ? '%!s(<nil>)' : k.t;
      const key = k.t === 'nil' ? '<nil>' : goSharpV(k);
      throw new YamlToJsonError(`unsupported map key of type: ${type}, key: ${key}, value: ${goSharpV(value)}`);
    }
  }
}

/** json.Marshal fails on NaN and infinities; it meets them in sorted key order. */
function assertMarshallable(v: JsonValue): void {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new YamlToJsonError(`json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`);
  }
  if (Array.isArray(v)) v.forEach(assertMarshallable);
  else if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length > 1) keys.sort();
    for (const k of keys) assertMarshallable(v[k]);
  }
}

function compareKeys(a: GoValue, b: GoValue): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  if ('v' in a && 'v' in b) return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  return 0;
}

/** Go's %#v for the decoded values (only seen in rare error texts). */
function goSharpV(v: GoValue): string {
  switch (v.t) {
    case 'nil':
      return 'interface {}(nil)';
    case 'bool':
      return String(v.v);
    case 'string':
      return JSON.stringify(v.v);
    case 'int':
    case 'uint64':
      return String(v.v);
    case 'float64':
      return goFloatG(v.v);
    case 'slice':
      return `[]interface {}{${v.items.map(goSharpV).join(', ')}}`;
    case 'map': {
      // fmt prints map entries sorted by key.
      const entries = [...v.entries.values()].sort(([a], [b]) => compareKeys(a, b));
      return `map[interface {}]interface {}{${entries.map(([k, x]) => `${goSharpV(k)}:${goSharpV(x)}`).join(', ')}}`;
    }
  }
}
