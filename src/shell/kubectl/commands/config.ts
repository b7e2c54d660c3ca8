// kubectl config: the learner's kubeconfig for the kind cluster (context
// `kind-kind`); its namespace is what every namespaced command defaults to.

import type { KubectlEnv } from '../env';
import { KubectlError } from '../errors';
import { parseOutputFormat, printObjects } from '../output';
import { layoutTable } from '../printers/get/table';
import type { KubeObject } from '../../../sim/api/types';
import { parseFlags, Flags, FlagError, GLOBAL_FLAGS, type FlagSpec } from '../flags';
import { nextCommand } from '../find-command';

const CONTEXT = 'kind-kind';
export const API_SERVER = 'https://127.0.0.1:40457';

function kubeconfig(env: KubectlEnv, raw: boolean): KubeObject {
  const ns = env.sim.contextNamespace;
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': raw ? 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJS2luZAo=' : 'DATA+OMITTED', server: API_SERVER }, name: CONTEXT }],
    contexts: [{ context: { cluster: CONTEXT, ...(ns !== undefined ? { namespace: ns } : {}), user: CONTEXT }, name: CONTEXT }],
    'current-context': CONTEXT,
    kind: 'Config',
    preferences: {},
    users: [
      {
        name: CONTEXT,
        user: raw
          ? { 'client-certificate-data': 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURJVENDQWdtZ0F3SUJBZ0lJS2luZAo=', 'client-key-data': 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBa2luZAo=' }
          : { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' },
      },
    ],
    metadata: undefined as never,
  } as unknown as KubeObject;
}

const SUBCOMMAND_FLAGS: Record<string, FlagSpec[]> = {
  view: [
    { name: 'minify', type: 'bool' },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  'set-context': [
    { name: 'current', type: 'bool' },
    { name: 'namespace', type: 'string' },
    { name: 'cluster', type: 'string' },
    { name: 'user', type: 'string' },
  ],
  'current-context': [],
  'get-contexts': [
    { name: 'no-headers', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  'use-context': [],
};

export async function runConfig(env: KubectlEnv, argv: string[]): Promise<number> {
  const found = nextCommand(argv, GLOBAL_FLAGS);
  const sub = found?.word;
  if (!sub || !Object.hasOwn(SUBCOMMAND_FLAGS, sub)) {
    if (sub) throw new KubectlError(`error: unknown command "${sub}" for "kubectl config"`);
    throw new KubectlError('error: config subcommand required: view, set-context, current-context, get-contexts, use-context');
  }
  // `-n` means something else here (set-context's --namespace has no shorthand).
  const specs = [...SUBCOMMAND_FLAGS[sub], ...GLOBAL_FLAGS.filter((g) => !SUBCOMMAND_FLAGS[sub].some((s) => s.name === g.name))];
  let f: Flags;
  try {
    f = new Flags(parseFlags(found.rest, specs));
  } catch (e) {
    if (e instanceof FlagError) throw new KubectlError(`Error: ${e.message}\nSee 'kubectl config ${sub} --help' for usage.`);
    throw e;
  }
  switch (sub) {
    case 'view': {
      const format = parseOutputFormat(f.str('output') || 'yaml', false);
      env.out(printObjects(format, kubeconfig(env, f.bool('raw')), []));
      return 0;
    }
    case 'current-context':
      env.out(`${CONTEXT}\n`);
      return 0;
    case 'use-context': {
      const name = f.args[0];
      if (name !== CONTEXT) throw new KubectlError(`error: no context exists with the name: "${name ?? ''}"`);
      env.out(`Switched to context "${CONTEXT}".\n`);
      return 0;
    }
    case 'get-contexts': {
      if (f.str('output') === 'name') {
        env.out(`${CONTEXT}\n`);
        return 0;
      }
      const rows = [
        ...(f.bool('no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']]),
        ['*', CONTEXT, CONTEXT, CONTEXT, env.sim.contextNamespace ?? ''],
      ];
      env.out(layoutTable(rows.map((r) => r.join('\t')).join('\n') + '\n'));
      return 0;
    }
    case 'set-context': {
      const name = f.bool('current') ? CONTEXT : f.args[0];
      if (!name) throw new KubectlError('error: you must specify a non-empty context name or --current');
      if (name !== CONTEXT) throw new KubectlError(`error: contexts other than "${CONTEXT}" are not available in this playground`);
      if (f.changed('namespace')) env.sim.contextNamespace = f.str('namespace');
      env.out(`Context "${CONTEXT}" modified.\n`);
      return 0;
    }
  }
  return 0;
}
