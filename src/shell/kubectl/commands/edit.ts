// kubectl edit TYPE NAME: the object as YAML in a temp file under /tmp, behind
// kubectl's comment header, opened in $KUBE_EDITOR / $EDITOR (vi by default;
// in the browser vi opens the playground's editor). Saved changes are sent as
// an update; an invalid result re-opens the editor with the errors on top, and
// an unchanged re-edit gives up, keeping a copy of the changes.

import type { KubeObject } from '../../../sim/api/types';
import { StatusError, notFound, formatFieldError } from '../../../sim/api/errors';
import { qualifiedKind, qualifiedPlural } from '../../../sim/api/kinds';
import { parseManifestStream } from '../../../sim/api/manifest';
import { deepEqual } from '../../../sim/core/deep-equal';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError } from '../errors';
import { NO_RESOURCES } from '../usage';
import { shellQuote } from '../../quote';
import { parseResourceArgs } from '../resources';
import { toYaml } from '../../text/yaml-emit';

export const editFlags: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', noOptDefault: 'strict' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'subresource', type: 'string' },
];

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

function editorCommand(env: KubectlEnv): string {
  return env.ctx.env.get('KUBE_EDITOR') || env.ctx.env.get('EDITOR') || 'vi';
}

/** The text after dropping kubectl's `#` lines (and nothing else). */
function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}


export async function runEdit(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  if (f.args.length === 0) throw new KubectlError(NO_RESOURCES);
  const req = parseResourceArgs(f.args);
  const r = req.types[0];
  const name = req.names.get(0)?.[0];
  if (!name) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const ns = r.namespaced ? env.namespace : undefined;
  const live = env.store.get(r.kind, ns, name);
  if (!live) throw notFound(qualifiedPlural(r), name);

  const shown = { ...live, metadata: { ...live.metadata } } as KubeObject;
  const original = HEADER + toYaml(shown);
  const tmp = `/tmp/kubectl-edit-${String(env.sim.rng('kubectl-edit').nextUint32()).padStart(10, '0').slice(0, 10)}.yaml`;
  const fs = env.sim.fs;
  let text = original;
  let lastTried: string | undefined;
  for (;;) {
    fs.write(tmp, text);
    const status = await env.ctx.runLine(`${editorCommand(env)} ${shellQuote(tmp)}`, { stdin: '', stdout: env.io.stdout, stderr: env.io.stderr }, { kind: 'host' });
    if (env.ctx.signal.cancelled) return 130;
    if (status !== 0) throw new KubectlError(`error: there was a problem with the editor "${editorCommand(env)}"`);
    const edited = fs.read(tmp) ?? '';
    const body = withoutComments(edited);
    if (body.trim() === '') {
      env.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    if (withoutComments(edited) === withoutComments(original)) {
      env.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (lastTried !== undefined && body === lastTried) {
      const copy = `/tmp/kubectl-edit-${String(env.sim.rng('kubectl-edit').nextUint32()).slice(0, 10)}.yaml`;
      fs.write(copy, edited);
      env.err(`error: ${qualifiedPlural(r)} "${name}" is invalid\n`);
      env.err(`A copy of your changes has been stored to "${copy}"\n`);
      throw new KubectlError('error: Edit cancelled, no valid changes were saved.');
    }
    lastTried = body;
    const { documents, error } = parseManifestStream(body, tmp);
    let problem: string | undefined = error?.message;
    let updated: KubeObject | undefined;
    if (!problem) {
      const obj = documents[0]?.value as unknown as KubeObject | undefined;
      if (!obj || obj.kind !== live.kind || obj.metadata?.name !== live.metadata.name) {
        problem = 'the name or kind of the object may not be changed';
      } else {
        try {
          const current = env.store.get(live.kind, ns, name)!;
          const unchanged = deepEqual({ ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }, { ...current, metadata: { ...current.metadata, resourceVersion: undefined } });
          updated = unchanged ? current : env.store.update({ ...obj, metadata: { ...obj.metadata, annotations: obj.metadata.annotations } } as KubeObject);
          if (unchanged) {
            env.err('Edit cancelled, no changes made.\n');
            return 0;
          }
        } catch (e) {
          if (!(e instanceof StatusError)) throw e;
          problem = e.details?.causes?.length ? `${qualifiedPlural(r)} "${name}" was not valid:\n${e.details.causes.map((c) => `* ${formatFieldError(c)}`).join('\n')}` : e.message;
        }
      }
    }
    if (updated) {
      env.out(`${qualifiedKind(r)}/${name} edited\n`);
      return 0;
    }
    // Re-open with the failures on top, as kubectl does.
    text = `${HEADER}# ${problem!.split('\n').join('\n# ')}\n#\n${body.replace(/^\n+/, '')}`;
  }
}
