// kubectl version, api-resources and cluster-info: facts about the client and
// the simulated server.

import { RESOURCES, apiVersionOf } from '../../../sim/api/kinds';
import type { KubectlEnv } from '../env';
import { KubectlError } from '../errors';
import { layoutTable } from '../printers/get/table';
import { toYaml } from '../../text/yaml-emit';
import { toJson } from '../../text/json-emit';
import { API_SERVER } from './config';
import type { FlagSpec } from '../flags';

export const CLIENT_VERSION = 'v1.32.4';
const KUSTOMIZE_VERSION = 'v5.5.0';

export const versionFlags: FlagSpec[] = [
  { name: 'client', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

function versionInfo(git: string, platform = 'linux/amd64') {
  const [major, minor] = git.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion: git,
    gitCommit: git === CLIENT_VERSION ? '1f8ea0c0bf0e1ea4a5cb2b2b5ea6c3bb0da3a3c0' : '67a30c0adcf52bd3f56ff0893ce19966be12991f',
    gitTreeState: 'clean',
    buildDate: git === CLIENT_VERSION ? '2025-04-22T16:03:40Z' : '2025-02-12T21:19:15Z',
    goVersion: git === CLIENT_VERSION ? 'go1.23.8' : 'go1.23.6',
    compiler: 'gc',
    platform,
  };
}

export async function runVersion(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const o = f.str('output');
  const server = env.sim.cluster.kubernetesVersion;
  if (o === 'yaml' || o === 'json') {
    const doc = {
      clientVersion: versionInfo(CLIENT_VERSION),
      kustomizeVersion: KUSTOMIZE_VERSION,
      ...(f.bool('client') ? {} : { serverVersion: versionInfo(server) }),
    };
    env.out(o === 'yaml' ? toYaml(doc) : toJson(doc, 'insertion') + '\n');
    return 0;
  }
  if (o) throw new KubectlError(`error: --output must be 'yaml' or 'json'`);
  env.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (!f.bool('client')) env.out(`Server Version: ${server}\n`);
  return 0;
}

export const apiResourcesFlags: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'namespaced', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'api-group', type: 'string' },
  { name: 'sort-by', type: 'string' },
  { name: 'verbs', type: 'stringSlice' },
  { name: 'cached', type: 'bool' },
  { name: 'categories', type: 'stringSlice' },
];

const VERBS = '[create delete deletecollection get list patch update watch]';

export async function runApiResources(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  let rs = [...RESOURCES].sort((a, b) => (a.group === b.group ? (a.plural < b.plural ? -1 : 1) : a.group === '' ? -1 : b.group === '' ? 1 : a.group < b.group ? -1 : 1));
  if (f.changed('namespaced')) rs = rs.filter((r) => r.namespaced === f.bool('namespaced'));
  if (f.changed('api-group')) rs = rs.filter((r) => r.group === f.str('api-group'));
  const o = f.str('output');
  if (o === 'name') {
    env.out(rs.map((r) => (r.group ? `${r.plural}.${r.group}` : r.plural) + '\n').join(''));
    return 0;
  }
  const wide = o === 'wide';
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
  const rows = rs.map((r) => [r.plural, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind, ...(wide ? [VERBS, r.allOrder !== undefined ? 'all' : ''] : [])]);
  const lines = [...(f.bool('no-headers') ? [] : [header]), ...rows].map((r) => r.join('\t'));
  env.out(layoutTable(lines.join('\n') + '\n'));
  return 0;
}

export async function runClusterInfo(env: KubectlEnv): Promise<number> {
  const g = '\u001b[0;32m';
  const y = '\u001b[0;33m';
  const reset = '\u001b[0m';
  env.out(`${g}Kubernetes control plane${reset} is running at ${y}${API_SERVER}${reset}\n`);
  env.out(`${g}CoreDNS${reset} is running at ${y}${API_SERVER}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy${reset}\n`);
  env.out(`\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
}
