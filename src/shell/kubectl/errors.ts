// How kubectl prints errors (cmdutil.CheckErr): API errors as
// `Error from server (Reason): message`, Invalid errors with their causes as
// `The Kind "name" is invalid: ...`, everything else as `error: ...`.

import { StatusError, formatFieldError } from '../../sim/api/errors';
import { klogHeader } from './env';
import { JsonPathError } from '../text/jsonpath';

/** A failure that already carries kubectl's exact text (printed to stderr, exit 1). */
export class KubectlError extends Error {
  constructor(
    readonly text: string,
    readonly exitCode = 1,
  ) {
    super(text);
  }
}

/** The single-error form kubectl prints when this is the only error of the run. */
export function formatStatusError(e: StatusError): string {
  if (e.reason === 'Invalid' && e.details?.causes?.length) {
    const causes = [...new Set(e.details.causes.map(formatFieldError))];
    const head = `The ${e.details.kind} "${e.details.name}" is invalid: `;
    if (causes.length === 1) return head + causes[0];
    return head + '\n' + causes.map((c) => `* ${c}`).join('\n');
  }
  return `Error from server (${e.reason}): ${e.message}`;
}

/** The form used when several errors are printed together, with where the object came from. */
export function formatSourcedError(e: StatusError, verb: string, source: string): string {
  return `Error from server (${e.reason}): error when ${verb} "${source}": ${e.message}`;
}

/** Any thrown error as kubectl's text. */
export function errorText(e: unknown): string {
  if (e instanceof KubectlError) return e.text;
  // JSONPath errors carry kubectl's whole text, trailing newlines included.
  if (e instanceof JsonPathError) return `error: ${e.message}`.replace(/\n$/, '');
  if (e instanceof StatusError) return formatStatusError(e);
  const msg = e instanceof Error ? e.message : String(e);
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

/** cobra's required-flag failure, which kubectl v1.32 reports through klog. */
export function klogRequired(env: { now(): number; pid: number }, flag: string): KubectlError {
  return new KubectlError(`${klogHeader('E', env.now(), env.pid, 'run.go:72')}"command failed" err="required flag(s) \\"${flag}\\" not set"`);
}

// ---------------------------------------------------------------- Go errors, aggregated

/**
 * An error as kubectl's Go code holds it, for the runs that gather several
 * (`apply|create|delete -f` with ContinueOnError): a plain error (its
 * `Error()` text, without `error: `), an API status error (with the `error
 * when creating "file"` source kubectl adds), or an aggregate
 * (utilerrors.NewAggregate), which may nest.
 */
export type GoError =
  | { readonly plain: string }
  | { readonly status: StatusError; readonly verb?: string; readonly source?: string }
  | { readonly aggregate: readonly GoError[] };

/** utilerrors.NewAggregate: nothing for no errors. */
export function aggregate(errs: readonly GoError[]): GoError | undefined {
  return errs.length ? { aggregate: [...errs] } : undefined;
}

/** How resource.ContinueOnErrorVisitor returns what it gathered: one error as itself, several as an aggregate. */
export function collapse(errs: readonly GoError[]): GoError | undefined {
  return errs.length === 1 ? errs[0] : aggregate(errs);
}

/** Any thrown error as a GoError (KubectlError texts lose their `error: ` prefix). */
export function toGoError(e: unknown, verb?: string, source?: string): GoError {
  if (e instanceof StatusError) return { status: e, verb, source };
  if (e instanceof KubectlError) return { plain: e.text.replace(/^error: /, '') };
  return { plain: e instanceof Error ? e.message : String(e) };
}

/** err.Error(): an aggregate prints its distinct leaves, comma-separated, in brackets when there are several. */
export function goErrorString(e: GoError): string {
  if ('plain' in e) return e.plain;
  if ('status' in e) return e.verb && e.source ? `error when ${e.verb} "${e.source}": ${e.status.message}` : e.status.message;
  if (e.aggregate.length === 1) return goErrorString(e.aggregate[0]);
  const seen: string[] = [];
  const visit = (x: GoError) => {
    if ('aggregate' in x) x.aggregate.forEach(visit);
    else if (!seen.includes(goErrorString(x))) seen.push(goErrorString(x));
  };
  visit(e);
  return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`;
}

/** cmdutil's messageForError: API errors as `Error from server (Reason): ...`, the rest as their Error(). */
function messageForError(e: GoError): string {
  if ('status' in e) return e.status.reason ? `Error from server (${e.status.reason}): ${goErrorString(e)}` : `Error from server: ${goErrorString(e)}`;
  return goErrorString(e);
}

/**
 * What cmdutil.CheckErr prints for an error (without the final newline): an
 * aggregate of one is unwrapped; an aggregate of several prints each error on
 * its own line with no `error: ` prefix; a lone error prints in the single form.
 */
export function checkErrText(e: GoError): string {
  if ('aggregate' in e && e.aggregate.length === 1) e = e.aggregate[0];
  if ('aggregate' in e) return e.aggregate.map(messageForError).join('\n');
  if ('status' in e) {
    const s = e.status;
    if (s.reason === 'Invalid' && s.details?.causes?.length) return formatStatusError(s);
    return messageForError(e);
  }
  return e.plain.startsWith('error: ') ? e.plain : `error: ${e.plain}`;
}
