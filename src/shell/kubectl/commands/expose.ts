// kubectl expose: a Service for a Deployment, ReplicaSet, Pod or Service,
// taking the selector and the port from the object when not given.

import { cloneJson } from '../../../sim/core/clone';
import type { Deployment, KubeObject, Pod, ReplicaSet, Service, ServicePort } from '../../../sim/api/types';
import { notFound } from '../../../sim/api/errors';
import { qualifiedPlural } from '../../../sim/api/kinds';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { NO_RESOURCES } from '../usage';
import { KubectlError } from '../errors';
import { parseResourceArgs } from '../resources';
import { parseOutputFormat, printObjects } from '../output';
import { dryRunFlag, dryRunMode, dryRunSuffix } from '../dry-run';
import { goStructShape } from '../../../sim/api/schema/go-field-order';

export const exposeFlags: FlagSpec[] = [
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  dryRunFlag,
];


function selectorOf(o: KubeObject): Record<string, string> | undefined {
  switch (o.kind) {
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = (o as Deployment | ReplicaSet).spec.selector;
      if (sel.matchExpressions?.length) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: invalid ${o.kind.toLowerCase()}: ${o.kind === 'Deployment' ? 'deployment' : 'replicaset'} ${o.metadata.name} has expression selectors`);
      return sel.matchLabels;
    }
    case 'Pod':
      return o.metadata.labels;
    case 'Service':
      return (o as Service).spec.selector;
    default:
      throw new KubectlError(`error: cannot expose a ${o.kind}`);
  }
}

function portsOf(o: KubeObject): ServicePort[] {
  const spec = o.kind === 'Pod' ? (o as Pod).spec : o.kind === 'Service' ? undefined : (o as Deployment).spec.template.spec;
  if (o.kind === 'Service') return ((o as Service).spec.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol, targetPort: p.targetPort }));
  const ports = (spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  return ports.map((p, i) => ({ ...(ports.length > 1 ? { name: p.name ?? `port-${i + 1}` } : p.name ? {} : {}), port: p.containerPort, protocol: p.protocol ?? 'TCP', targetPort: p.containerPort }));
}

export async function runExpose(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  if (f.args.length === 0) throw new KubectlError(NO_RESOURCES);
  const req = parseResourceArgs(f.args);
  const r = req.types[0];
  const name = req.names.get(0)?.[0];
  if (!name) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const obj = env.store.get(r.kind, env.namespace, name);
  if (!obj) throw notFound(qualifiedPlural(r), name);
  let selector: Record<string, string> | undefined;
  if (f.str('selector')) {
    selector = Object.fromEntries(f.str('selector').split(',').map((kv) => kv.split('=') as [string, string]));
  } else {
    selector = selectorOf(obj);
    if (!selector || Object.keys(selector).length === 0) {
      throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind.toLowerCase()} has no labels and cannot be exposed`);
    }
  }
  let ports: ServicePort[];
  const protocol = (f.str('protocol') || 'TCP') as ServicePort['protocol'];
  if (f.str('port')) {
    ports = f.str('port').split(',').map((p, i, all) => ({ ...(all.length > 1 ? { name: `port-${i + 1}` } : {}), port: Number(p), protocol, targetPort: Number(p) }));
  } else {
    ports = portsOf(obj);
    if (ports.length === 0) throw new KubectlError("error: couldn't find port via --port flag or introspection");
  }
  if (f.str('target-port')) {
    const t = f.str('target-port');
    for (const p of ports) p.targetPort = /^\d+$/.test(t) ? Number(t) : t;
  }
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: null, ...(obj.metadata.labels ? { labels: { ...obj.metadata.labels } } : {}), name: f.str('name') || name },
    spec: {
      ...(f.str('external-ip') ? { externalIPs: f.str('external-ip').split(',') } : {}),
      ...(f.str('cluster-ip') ? { clusterIP: f.str('cluster-ip') } : {}),
      ports,
      selector,
      ...(f.str('session-affinity') ? { sessionAffinity: f.str('session-affinity') as 'ClientIP' } : {}),
      ...(f.str('type') ? { type: f.str('type') as Service['spec']['type'] } : {}),
    },
    status: { loadBalancer: {} },
  };
  const dryRun = dryRunMode(env);
  const format = f.str('output') ? parseOutputFormat(f.str('output'), false) : undefined;
  let result: KubeObject = svc;
  if (dryRun !== 'client') {
    const send = cloneJson(svc) as KubeObject;
    delete send.status;
    delete send.metadata.creationTimestamp;
    send.metadata.namespace = env.namespace;
    result = env.store.create(send, { dryRun: dryRun === 'server' });
  }
  if (format) env.out(printObjects(format, result, [result], { order: dryRun === 'client' ? goStructShape('Service') ?? 'sorted' : 'sorted', allowMissingKeys: f.bool('allow-missing-template-keys', true), clientBuilt: dryRun === 'client' }));
  else env.out(`service/${result.metadata.name} exposed${dryRunSuffix(dryRun)}\n`);
  return 0;
}
