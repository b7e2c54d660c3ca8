// kubectl create namespace | deployment | service <type>: the objects kubectl
// builds itself (checked against the real kubectl's --dry-run=client output),
// then created on the server unless it is a client dry run.

import { cloneJson } from '../../../sim/core/clone';
import type { Deployment, KubeObject, Namespace, Service, ServicePort } from '../../../sim/api/types';
import { qualifiedKind } from '../../../sim/api/kinds';
import { goStructShape } from '../../../sim/api/schema/go-field-order';
import type { FlagSpec } from '../flags';
import { namespaceFromFlag, type KubectlEnv } from '../env';
import { KubectlError, klogRequired } from '../errors';
import { parseOutputFormat, printObjects } from '../output';
import { dryRunFlag, dryRunMode, dryRunSuffix } from '../dry-run';

const common: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  dryRunFlag,
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', noOptDefault: 'strict' },
  { name: 'field-manager', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'template', type: 'string' },
];

export const createNamespaceFlags = common;
export const createDeploymentFlags: FlagSpec[] = [
  ...common,
  { name: 'image', type: 'stringSlice' },
  { name: 'replicas', short: 'r', type: 'int' },
  { name: 'port', type: 'int' },
];
/** Each `create service <type>` has its own flags: --clusterip, --node-port and --external-name belong to one type each. */
export function createServiceFlags(type: 'clusterip' | 'nodeport' | 'loadbalancer' | 'externalname'): FlagSpec[] {
  return [
    ...common,
    { name: 'tcp', type: 'stringSlice' },
    ...(type === 'clusterip' ? [{ name: 'clusterip', type: 'string' } as const] : []),
    ...(type === 'nodeport' ? [{ name: 'node-port', type: 'int' } as const] : []),
    ...(type === 'externalname' ? [{ name: 'external-name', type: 'string' } as const] : []),
  ];
}

/** The positional arguments before `--` (after it comes the container command). */
function namesBeforeDash(env: KubectlEnv): string[] {
  return env.flags.dashAt >= 0 ? env.flags.args.slice(0, env.flags.dashAt) : env.flags.args;
}

function exactlyOneName(env: KubectlEnv): string {
  const names = namesBeforeDash(env);
  if (names.length !== 1) throw new KubectlError(`error: exactly one NAME is required, got ${names.length}\nSee '${env.commandPath} -h' for help and examples`);
  return names[0];
}

/** The container name kubectl derives from an image reference: `gcr.io/kuar-demo/kuard-amd64:blue` -> `kuard-amd64`. */
export function containerNameFor(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split('@')[0].split(':')[0];
}

async function finish(env: KubectlEnv, built: KubeObject): Promise<number> {
  const dryRun = dryRunMode(env);
  const format = env.flags.str('output') ? parseOutputFormat(env.flags.str('output'), false) : undefined;
  let result = built;
  if (dryRun !== 'client') {
    const toSend = cloneJson(built) as KubeObject;
    delete toSend.status;
    if (toSend.metadata.creationTimestamp === null) delete toSend.metadata.creationTimestamp;
    if (env.store.info(built.kind).namespaced) toSend.metadata.namespace = env.namespace;
    result = env.store.create(toSend, { dryRun: dryRun === 'server' });
  }
  if (format) {
    const shape = dryRun === 'client' ? goStructShape(built.kind) : undefined;
    env.out(printObjects(format, result, [result], { order: shape ?? 'sorted', allowMissingKeys: env.flags.bool('allow-missing-template-keys', true), clientBuilt: dryRun === 'client' }));
  } else {
    env.out(`${qualifiedKind(env.store.info(result.kind))}/${result.metadata.name} created${dryRunSuffix(dryRun)}\n`);
  }
  return 0;
}

export async function createNamespace(env: KubectlEnv): Promise<number> {
  const name = exactlyOneName(env);
  const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null, name }, spec: {}, status: {} as Namespace['status'] };
  return finish(env, ns);
}

export async function createDeployment(env: KubectlEnv): Promise<number> {
  const images = env.flags.list('image');
  if (images.length === 0) throw klogRequired(env, 'image');
  const name = exactlyOneName(env);
  const command = env.flags.dashAt >= 0 ? env.flags.args.slice(env.flags.dashAt) : [];
  if (command.length && images.length > 1) throw new KubectlError('error: cannot specify multiple --image options and command');
  const labels = { app: name };
  const containers = images.map((image, i) => ({
    ...(i === 0 && command.length ? { command } : {}),
    image,
    name: containerNameFor(image),
    ...(i === 0 && env.flags.changed('port') ? { ports: [{ containerPort: env.flags.int('port', 0) }] } : {}),
    resources: {},
  }));
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels, name, ...namespaceFromFlag(env) },
    spec: {
      replicas: env.flags.int('replicas', 1),
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  };
  return finish(env, d);
}

export async function createService(env: KubectlEnv, type: 'clusterip' | 'nodeport' | 'loadbalancer' | 'externalname'): Promise<number> {
  if (type === 'externalname' && !env.flags.changed('external-name')) throw klogRequired(env, 'external-name');
  const name = exactlyOneName(env);
  const tcp = env.flags.list('tcp');
  const clusterIP = type === 'clusterip' ? env.flags.str('clusterip') : '';
  // A headless service (--clusterip=None) may have no ports.
  if (tcp.length === 0 && type !== 'externalname' && clusterIP !== 'None') throw new KubectlError('error: at least one tcp port specifier must be provided');
  const externalName = env.flags.str('external-name');
  if (type === 'externalname' && !isDns1123Subdomain(externalName)) throw new KubectlError(`error: invalid service external name ${externalName}`);
  const nodePort = type === 'nodeport' ? env.flags.int('node-port', 0) : 0;
  const ports: ServicePort[] = tcp.map((spec) => {
    const [p, t] = spec.split(':');
    const port = parsePort(p);
    // kubectl names the port after the whole specifier, every `:` made a `-`.
    const sp: ServicePort = { name: spec.replaceAll(':', '-'), port, protocol: 'TCP', targetPort: t === undefined ? port : parseTargetPort(t) };
    if (nodePort !== 0) sp.nodePort = nodePort;
    return sp;
  });
  const typeName = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' }[type] as Service['spec']['type'];
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: null, labels: { app: name }, name, ...namespaceFromFlag(env) },
    spec: {
      ...(clusterIP ? { clusterIP } : {}),
      ...(type === 'externalname' ? { externalName } : {}),
      ...(ports.length ? { ports } : {}),
      selector: { app: name },
      type: typeName,
    },
    status: { loadBalancer: {} },
  };
  return finish(env, svc);
}

/** kubectl parses --tcp ports with strconv.ParseUint(…, 10, 16) and reports its error bare. */
function parsePort(s: string): number {
  if (!/^\d+$/.test(s)) throw new KubectlError(`error: strconv.ParseUint: parsing "${s}": invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new KubectlError(`error: strconv.ParseUint: parsing "${s}": value out of range`);
  return n;
}

/** A target port: a number (strconv.Atoi) between 1 and 65535, else a valid port name; kubectl prints the validation's texts. */
function parseTargetPort(t: string): number | string {
  if (/^[+-]?\d{1,18}$/.test(t)) {
    const n = Number(t);
    if (n < 1 || n > 65535) throw new KubectlError('error: must be between 1 and 65535, inclusive');
    return n;
  }
  const errs: string[] = [];
  if (t.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(t)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(t)) errs.push('must contain at least one letter (a-z)');
  if (t.includes('--')) errs.push('must not contain consecutive hyphens');
  if (t.startsWith('-') || t.endsWith('-')) errs.push('must not begin or end with a hyphen');
  if (errs.length) throw new KubectlError(`error: ${errs.join(',')}`);
  return t;
}

/** validation.IsDNS1123Subdomain. */
function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}
