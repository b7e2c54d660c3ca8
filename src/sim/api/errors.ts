// API errors as the apiserver returns them (a metav1.Status), plus the field
// errors that make up an Invalid status. kubectl turns these into its texts;
// see src/shell/kubectl/errors.ts for that side.

export type FieldErrorType = 'Invalid' | 'Required' | 'Forbidden' | 'Duplicate' | 'NotSupported' | 'TooLong' | 'TooMany' | 'NotFound';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** The offending value (Invalid, Duplicate, NotSupported). */
  value?: unknown;
  detail?: string;
  /** NotSupported: the accepted values. */
  supported?: string[];
}

export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed' | 'InternalError';

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  InternalError: 500,
};

export class StatusError extends Error {
  readonly code: number;
  constructor(
    readonly reason: StatusReason,
    /** The server's message, e.g. `services "x" not found` or `Service "vote" is invalid: ...`. */
    message: string,
    readonly details?: { kind?: string; name?: string; group?: string; causes?: FieldError[] },
  ) {
    super(message);
    this.code = CODES[reason];
  }
}

/** A bad value already rendered the way Go's %#v prints it (structs, maps). */
export interface GoValue {
  readonly goSyntax: string;
}

export function goValue(goSyntax: string): GoValue {
  return { goSyntax };
}

/** Go map[string]string in %#v form: `map[string]string{"app":"vote", "tier":"back"}`. */
export function goStringMap(m: Record<string, string> | undefined): string {
  if (!m) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k])}`).join(', ')}}`;
}

/** Go's %#v-like rendering the apiserver uses for bad values in field errors. */
export function formatBadValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object' && 'goSyntax' in (v as object)) return (v as GoValue).goSyntax;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return `[]string{${v.map(goQuote).join(', ')}}`;
  return JSON.stringify(v);
}

export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** One field error as its text: `spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range...`. */
export function formatFieldError(e: FieldError): string {
  let body: string;
  switch (e.type) {
    case 'Invalid':
      body = `Invalid value: ${formatBadValue(e.value)}`;
      break;
    case 'Required':
      body = 'Required value';
      break;
    case 'Forbidden':
      body = 'Forbidden';
      break;
    case 'Duplicate':
      body = `Duplicate value: ${formatBadValue(e.value)}`;
      break;
    case 'NotSupported':
      body = `Unsupported value: ${formatBadValue(e.value)}`;
      if (e.supported?.length) body += `: supported values: ${e.supported.map(goQuote).join(', ')}`;
      break;
    case 'TooLong':
      body = 'Too long';
      break;
    case 'TooMany':
      body = 'Too many';
      break;
    case 'NotFound':
      body = `Not found: ${formatBadValue(e.value)}`;
      break;
  }
  if (e.detail && e.type !== 'NotSupported') body += `: ${e.detail}`;
  return `${e.field}: ${body}`;
}

/** Deduplicated field errors, as the apiserver aggregates them. */
function uniqueTexts(errors: FieldError[]): string[] {
  return [...new Set(errors.map(formatFieldError))];
}

export function invalidError(kind: string, name: string, group: string, errors: FieldError[]): StatusError {
  const texts = uniqueTexts(errors);
  const joined = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return new StatusError('Invalid', `${kind} "${name}" is invalid: ${joined}`, { kind, name, group, causes: errors });
}

export function notFound(qualifiedPlural: string, name: string): StatusError {
  return new StatusError('NotFound', `${qualifiedPlural} "${name}" not found`, { name });
}

export function alreadyExists(qualifiedPlural: string, name: string): StatusError {
  return new StatusError('AlreadyExists', `${qualifiedPlural} "${name}" already exists`, { name });
}
