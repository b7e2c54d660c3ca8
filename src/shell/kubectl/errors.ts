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
