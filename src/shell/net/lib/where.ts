// Where a network command runs, in the terms the runtime needs: the pod (its
// IP, node, image and whether it shares the node's network), the node, or the
// learner's host, and the origin its packets leave from.

import type { ExecContext } from '../../types';
import type { Origin } from '../../../sim/packet/types';
import type { ImageInfo } from '../../../sim/apps/images';
import type { Node } from '../../../sim/api/types';

export interface PodPlace {
  namespace: string;
  pod: string;
  container: string;
  ip: string;
  node: string;
  hostNetwork: boolean;
  image: ImageInfo;
}

/** The pod a command runs in (undefined on the host, on a node, or when the container is gone). */
export function podPlace(ctx: ExecContext): PodPlace | undefined {
  const l = ctx.location;
  if (l.kind !== 'pod') return undefined;
  const rc = ctx.sim.runtime.apps.container(l.namespace, l.pod, l.container);
  if (!rc) return undefined;
  return {
    namespace: l.namespace,
    pod: l.pod,
    container: l.container,
    ip: rc.pod.status?.podIP ?? '',
    node: rc.pod.spec.nodeName ?? '',
    hostNetwork: rc.pod.spec.hostNetwork === true,
    image: rc.image,
  };
}

/** The node whose kernel handles the command's packets (a pod's node, or the node shell's). */
export function nodeOf(ctx: ExecContext): string | undefined {
  const l = ctx.location;
  if (l.kind === 'node') return l.node;
  if (l.kind === 'pod') return podPlace(ctx)?.node;
  return undefined;
}

/** Where the packet engine starts this location's connections; undefined on the host (see host-network.ts). */
export function originOf(ctx: ExecContext): Origin | undefined {
  const l = ctx.location;
  if (l.kind === 'node') return { kind: 'node', node: l.node };
  if (l.kind === 'pod') {
    const p = podPlace(ctx);
    if (!p) return undefined;
    return p.hostNetwork ? { kind: 'node', node: p.node } : { kind: 'pod', ip: p.ip };
  }
  return undefined;
}

/** A node's address on the kind network. */
export function nodeIP(node: Node): string {
  return node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
}

export function nodeByName(ctx: ExecContext, name: string): Node | undefined {
  return ctx.sim.store.get<Node>('Node', undefined, name);
}

/** Every node, in the order the cluster config lists them (kind's container order). */
export function clusterNodes(ctx: ExecContext): Node[] {
  const order = ctx.sim.cluster.nodes.map((n) => n.name);
  return ctx.sim.store
    .list<Node>('Node')
    .slice()
    .sort((a, b) => rank(order, a.metadata.name!) - rank(order, b.metadata.name!) || (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

function rank(order: string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

/** The command line as the trace log shows what caused a connection. */
export function commandLine(argv: readonly string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_./:=,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
