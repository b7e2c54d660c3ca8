// The learner's machine as Docker sees it: the kind node containers (ids,
// image, start times) and the ports kind published for them. kind gives the
// control plane a random loopback port for the API server (127.0.0.1:40457 ->
// 6443, the address in the kubeconfig) and publishes the `extraPortMappings`
// of the lab's kind-three-node-cluster.yaml on 0.0.0.0: node ports 30000 and
// friends on the control plane, 80, 8000 and 8080 (as 8001) on the first
// worker. docker-proxy accepts on those host ports and dials the container.

import type { ExecContext } from '../../types';
import type { Node } from '../../../sim/api/types';
import { Rng } from '../../../sim/core/rng';
import { hexString } from '../../../sim/core/ids';
import { parseRfc3339 } from '../../../sim/core/time';
import { API_SERVER } from '../../kubectl/commands/config';
import { clusterNodes, nodeIP } from './where';

export const KIND_NODE_IMAGE = 'kindest/node:v1.32.2@sha256:f226345927d7e348497136874b6d207e0b32cc52154ad8323129352923a3142f';
export const KIND_NODE_COMMAND = '/usr/local/bin/entrypoint /sbin/init';

export interface PortMapping {
  listen: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp';
}

export interface KindContainer {
  id: string;
  name: string;
  ip: string;
  image: string;
  command: string;
  createdMs: number;
  startedMs: number;
  ports: PortMapping[];
}

/** Host ports of the lab's kind config (labfiles/kind-three-node-cluster.yaml), by node role order. */
const CONTROL_PLANE_PORTS = [32000, 32100, 30000, 30055, 30056, 30100, 30200, 30300, 30400, 30500, 30600, 30700, 30800];
const FIRST_WORKER_PORTS: [number, number][] = [
  [80, 80],
  [8000, 8000],
  [8080, 8001],
];

/** The loopback port of the API server mapping, as the kubeconfig has it. */
export const API_SERVER_HOST_PORT = Number(/:(\d+)$/.exec(API_SERVER)?.[1] ?? 6443);

/** The kind network's gateway: the host's own address as the nodes see it. */
export function dockerGateway(ctx: ExecContext): string {
  return ctx.sim.cluster.gateway;
}

function mappingsFor(node: Node, workerIndex: number): PortMapping[] {
  const cp = 'node-role.kubernetes.io/control-plane' in (node.metadata.labels ?? {});
  if (cp) {
    return [
      ...CONTROL_PLANE_PORTS.map((p): PortMapping => ({ listen: '0.0.0.0', hostPort: p, containerPort: p, protocol: 'tcp' })),
      { listen: '127.0.0.1', hostPort: API_SERVER_HOST_PORT, containerPort: 6443, protocol: 'tcp' },
    ];
  }
  if (workerIndex === 0) return FIRST_WORKER_PORTS.map(([c, h]): PortMapping => ({ listen: '0.0.0.0', hostPort: h, containerPort: c, protocol: 'tcp' }));
  return [];
}

/** The node containers, in kind's order (control plane first). */
export function kindContainers(ctx: ExecContext): KindContainer[] {
  const nodes = clusterNodes(ctx);
  if (nodes.length === 0) return [];
  // kind creates every node container at once, then kubeadm takes about half a
  // minute before the first Node object registers.
  const firstNode = Math.min(...nodes.map((n) => parseRfc3339(n.metadata.creationTimestamp!)));
  const created = firstNode - 31_000;
  let workers = 0;
  return nodes.map((n, i) => {
    const name = n.metadata.name!;
    const cp = 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {});
    const ports = mappingsFor(n, cp ? -1 : workers++);
    return {
      id: hexString(Rng.fork(ctx.sim.seed, `docker/container/${name}`), 64),
      name,
      ip: nodeIP(n),
      image: KIND_NODE_IMAGE,
      command: KIND_NODE_COMMAND,
      createdMs: created + i * 137,
      startedMs: created + 412 + i * 137,
      ports,
    };
  });
}

/** Look a container up as the docker CLI does: by name, full id or unique id prefix. */
export function findContainer(ctx: ExecContext, ref: string): KindContainer | undefined {
  const all = kindContainers(ctx);
  const byName = all.find((c) => c.name === ref || `/${c.name}` === ref);
  if (byName) return byName;
  if (!/^[0-9a-f]+$/.test(ref)) return undefined;
  const hits = all.filter((c) => c.id.startsWith(ref));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Which container a host port leads to (docker-proxy), for a connection to `ip` on the host. */
export function publishedPort(ctx: ExecContext, ip: string, port: number): { container: KindContainer; mapping: PortMapping } | undefined {
  for (const c of kindContainers(ctx)) {
    for (const m of c.ports) {
      if (m.hostPort !== port) continue;
      if (m.listen === '0.0.0.0' || m.listen === ip) return { container: c, mapping: m };
    }
  }
  return undefined;
}
