// One description of the API types we simulate, from which both the editor's
// JSON Schema and the apiserver's strict decoder are derived. Each type knows
// its Go name, because the apiserver's decode errors quote it
// (`… into Go struct field Service.spec of type v1.ServiceSpec`).

export interface FieldSpec {
  type: TypeSpec;
  /** Shown in the editor on hover; written for learners. */
  description?: string;
  /** Required in the editor's schema (the API's validation reports it otherwise). */
  required?: boolean;
}

export type TypeSpec =
  | { kind: 'string'; go: string; enum?: readonly string[]; pattern?: string; description?: string }
  | { kind: 'integer'; go: 'int32' | 'int64'; minimum?: number; maximum?: number }
  | { kind: 'boolean' }
  | { kind: 'intOrString'; minimum?: number; maximum?: number }
  | { kind: 'quantity' }
  | { kind: 'time' }
  | { kind: 'struct'; go: string; fields: Readonly<Record<string, FieldSpec>>; description?: string }
  /** A struct we do not model field by field: any keys are accepted, but it must be an object. */
  | { kind: 'opaque'; go: string; description?: string }
  | { kind: 'map'; go: string; value: TypeSpec }
  | { kind: 'list'; item: TypeSpec };

export const str = (go = 'string', extra: { enum?: readonly string[]; pattern?: string } = {}): TypeSpec => ({ kind: 'string', go, ...extra });
export const int32 = (minimum?: number, maximum?: number): TypeSpec => ({ kind: 'integer', go: 'int32', minimum, maximum });
export const int64 = (minimum?: number, maximum?: number): TypeSpec => ({ kind: 'integer', go: 'int64', minimum, maximum });
export const bool: TypeSpec = { kind: 'boolean' };
export const intOrString = (minimum?: number, maximum?: number): TypeSpec => ({ kind: 'intOrString', minimum, maximum });
export const quantity: TypeSpec = { kind: 'quantity' };
export const time: TypeSpec = { kind: 'time' };
export const list = (item: TypeSpec): TypeSpec => ({ kind: 'list', item });
export const stringMap: TypeSpec = { kind: 'map', go: 'map[string]string', value: str() };
export const resourceList: TypeSpec = { kind: 'map', go: 'v1.ResourceList', value: quantity };
export const opaque = (go: string, description?: string): TypeSpec => ({ kind: 'opaque', go, description });
export const struct = (go: string, fields: Record<string, FieldSpec | TypeSpec>, description?: string): TypeSpec => ({
  kind: 'struct',
  go,
  description,
  fields: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, 'kind' in f ? { type: f } : f])),
});

/** A field with a description (and optionally required in the editor). */
export const field = (type: TypeSpec, description: string, required = false): FieldSpec => ({ type, description, required });

/** The name Go prints for a type in decode errors: `v1.ServiceSpec`, `[]v1.ServicePort`, `int32`. */
export function goTypeName(t: TypeSpec): string {
  switch (t.kind) {
    case 'string':
    case 'struct':
    case 'opaque':
    case 'map':
      return t.go;
    case 'integer':
      return t.go;
    case 'boolean':
      return 'bool';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
    case 'list':
      return `[]${goTypeName(t.item)}`;
  }
}
