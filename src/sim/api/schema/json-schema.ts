// The editor's JSON Schema (draft-07, for monaco-yaml), generated from the type
// model: one root with a per-kind `allOf` of `if kind == X then $ref X`, so the
// editor reports precise problems (`Value must be "apps/v1"`, `Property prots
// is not allowed`, `Value is below the minimum of 30000`).

import type { TypeSpec } from './model';
import { SIMULATED_KINDS } from './simulated-kinds';

type Schema = Record<string, unknown>;

/** Kubernetes' quantity syntax (`64Mi`, `250m`, `1`). */
export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

class SchemaBuilder {
  readonly definitions: Record<string, Schema> = {};
  private readonly names = new Map<TypeSpec, string>();

  /** A schema for `t`; structs become shared definitions. */
  schema(t: TypeSpec): Schema {
    switch (t.kind) {
      case 'string': {
        const s: Schema = { type: 'string' };
        if (t.enum) s.enum = [...t.enum];
        if (t.pattern) s.pattern = t.pattern;
        return s;
      }
      case 'integer': {
        const s: Schema = { type: 'integer' };
        if (t.minimum !== undefined) s.minimum = t.minimum;
        if (t.maximum !== undefined) s.maximum = t.maximum;
        return s;
      }
      case 'boolean':
        return { type: 'boolean' };
      case 'intOrString': {
        const s: Schema = { type: ['integer', 'string'] };
        if (t.minimum !== undefined) s.minimum = t.minimum;
        if (t.maximum !== undefined) s.maximum = t.maximum;
        return s;
      }
      case 'quantity':
        return { type: ['string', 'number'], pattern: QUANTITY_PATTERN };
      case 'time':
        return { type: ['string', 'null'] };
      case 'opaque':
        return t.description ? { type: 'object', description: t.description } : { type: 'object' };
      case 'map':
        return { type: 'object', additionalProperties: this.schema(t.value) };
      case 'list':
        return { type: 'array', items: this.schema(t.item) };
      case 'struct':
        return { $ref: `#/definitions/${this.define(t)}` };
    }
  }

  private define(t: TypeSpec & { kind: 'struct' }): string {
    const known = this.names.get(t);
    if (known) return known;
    const base = t.go.replace(/^v1\./, '');
    let name = base;
    for (let i = 2; this.definitions[name]; i++) name = `${base}${i}`;
    this.names.set(t, name);
    this.definitions[name] = {};
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const [key, f] of Object.entries(t.fields)) {
      const s = this.schema(f.type);
      const description = f.description ?? (f.type.kind === 'struct' || f.type.kind === 'opaque' ? f.type.description : undefined);
      properties[key] = description ? { ...s, description } : s;
      if (f.required) required.push(key);
    }
    const def: Schema = { type: 'object' };
    if (t.description) def.description = t.description;
    def.properties = properties;
    if (required.length) def.required = required;
    def.additionalProperties = false;
    this.definitions[name] = def;
    return name;
  }
}

function buildSchema(): Schema {
  const b = new SchemaBuilder();
  const allOf: Schema[] = [];
  for (const k of SIMULATED_KINDS) {
    const ref = b.schema(k.type);
    const name = String(ref.$ref).replace('#/definitions/', '');
    const def = b.definitions[name];
    const props = def.properties as Record<string, Schema>;
    props.apiVersion = { const: k.apiVersion, description: `The API group and version that serve ${k.kind}: ${k.apiVersion}.` };
    props.kind = { const: k.kind, description: k.description };
    def.required = ['apiVersion', 'kind', ...((def.required as string[] | undefined) ?? []).filter((r) => r !== 'apiVersion' && r !== 'kind')];
    def.description = k.description;
    allOf.push({ if: { properties: { kind: { const: k.kind } }, required: ['kind'] }, then: ref });
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes objects of the Services lab playground',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', description: 'The API group and version, e.g. v1 or apps/v1.' },
      kind: { type: 'string', enum: SIMULATED_KINDS.map((k) => k.kind), description: 'The type of object.' },
    },
    required: ['apiVersion', 'kind', 'metadata'],
    allOf,
    definitions: b.definitions,
  };
}

/**
 * The JSON Schema for the editor (a plain, JSON-serialisable object): the
 * simulated kinds with their fields, types, enums and ranges, and unknown
 * fields flagged where the API is strict.
 */
export const kubernetesSchema: Readonly<Record<string, unknown>> = buildSchema();
