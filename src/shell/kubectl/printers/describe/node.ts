// `kubectl describe node`.

import type { KubeObject, Node, Pod } from '../../../../sim/api/types';
import { ageOf, timestampMs } from '../../../text/duration';
import { nodeRoles } from '../get/nodes';
import type { ObjectLookup } from '../lookup';
import { formatQuantity, parseQuantity, quantityMilliValue, quantityValue, ZERO, type Quantity } from '../quantity';
import { annotationsMultiline, describeEvents, labelsMultiline, searchEvents, taintsMultiline } from './common';
import { podLimits, podRequests, type ResourceTotals } from './pod-resources';
import { rfc1123z } from './time';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer';

interface LeaseView extends KubeObject {
  spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string };
}

/** The kubelet renews its lease every 10 s (a quarter of the 40 s lease duration). */
const LEASE_RENEW_MS = 10_000;

/**
 * The node's lease in kube-node-lease. When the simulation keeps no Lease
 * objects we show the one a kubelet would hold: renewed on a 10 s cadence while
 * the node is Ready, last renewed at the last heartbeat otherwise.
 */
function nodeLease(node: Node, lookup: ObjectLookup, now: number): LeaseView['spec'] {
  const stored = lookup.get('Lease', 'kube-node-lease', node.metadata.name ?? '') as LeaseView | undefined;
  if (stored) return stored.spec ?? {};
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const created = timestampMs(node.metadata.creationTimestamp) ?? now;
  let renew: number | undefined;
  if (ready?.status === 'True') renew = now - ((((now - created) % LEASE_RENEW_MS) + LEASE_RENEW_MS) % LEASE_RENEW_MS);
  else renew = timestampMs(ready?.lastHeartbeatTime);
  return { holderIdentity: node.metadata.name, renewTime: renew === undefined ? undefined : new Date(renew).toISOString() };
}

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function get(list: ResourceTotals, name: string): Quantity {
  return list.get(name) ?? ZERO;
}

/** int64(float64(a) / float64(b) * 100), as Go computes the percentages. */
function percent(a: bigint, b: bigint): number {
  const f = (Number(a) / Number(b)) * 100;
  return Number.isFinite(f) ? Math.trunc(f) : 0;
}

function describeResourceList(w: DescribeWriter, list: Record<string, string>): void {
  for (const name of Object.keys(list).sort(byteCompare)) w.write(LEVEL_0, `  ${name}:\t${formatQuantity(parseQuantity(list[name]))}\n`);
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function describeNodeResources(w: DescribeWriter, node: Node, pods: Pod[], now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const rawAllocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable! : (node.status?.capacity ?? {});
  const allocatable = new Map(Object.entries(rawAllocatable).map(([k, v]) => [k, parseQuantity(v)] as [string, Quantity]));
  const allocCpu = quantityMilliValue(get(allocatable, 'cpu'));
  const allocMem = quantityValue(get(allocatable, 'memory'));

  const totalReqs: ResourceTotals = new Map();
  const totalLimits: ResourceTotals = new Map();
  const accumulate = (into: ResourceTotals, from: ResourceTotals) => {
    for (const [name, q] of from) {
      const have = into.get(name);
      into.set(name, have ? { nanos: have.nanos + q.nanos, format: have.nanos === 0n ? q.format : have.format } : q);
    }
  };
  for (const pod of pods) {
    const req = podRequests(pod);
    const lim = podLimits(pod);
    accumulate(totalReqs, req);
    accumulate(totalLimits, lim);
    const cpuReq = get(req, 'cpu');
    const cpuLim = get(lim, 'cpu');
    const memReq = get(req, 'memory');
    const memLim = get(lim, 'memory');
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t` +
        `${formatQuantity(cpuReq)} (${percent(quantityMilliValue(cpuReq), allocCpu)}%)\t${formatQuantity(cpuLim)} (${percent(quantityMilliValue(cpuLim), allocCpu)}%)\t` +
        `${formatQuantity(memReq)} (${percent(quantityValue(memReq), allocMem)}%)\t${formatQuantity(memLim)} (${percent(quantityValue(memLim), allocMem)}%)\t` +
        `${ageOf(pod.metadata.creationTimestamp, now)}\n`,
    );
  }

  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, alloc: bigint, value: (q: Quantity) => bigint) => {
    const r = get(totalReqs, name);
    const l = get(totalLimits, name);
    const pr = alloc !== 0n ? percent(value(r), alloc) : 0;
    const pl = alloc !== 0n ? percent(value(l), alloc) : 0;
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${pr}%)\t${formatQuantity(l)} (${pl}%)\n`);
  };
  row('cpu', allocCpu, quantityMilliValue);
  row('memory', allocMem, quantityValue);
  row('ephemeral-storage', quantityValue(get(allocatable, 'ephemeral-storage')), quantityValue);
  const names = [...allocatable.keys()];
  for (const name of names.filter((n) => n.startsWith('hugepages-')).sort(byteCompare)) {
    row(name, quantityValue(get(allocatable, name)), quantityValue);
  }
  const extended = names.filter((n) => !n.startsWith('hugepages-') && !STANDARD_CONTAINER_RESOURCES.has(n) && n !== 'pods').sort(byteCompare);
  for (const name of extended) w.write(LEVEL_1, `${name}\t${formatQuantity(get(totalReqs, name))}\t${formatQuantity(get(totalLimits, name))}\n`);
}

export function describeNode(node: Node, lookup: ObjectLookup, now: number): string {
  const name = node.metadata.name ?? '';
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${name}\n`);
  const roles = nodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  taintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(LEVEL_0, `Unschedulable:\t${!!node.spec?.unschedulable}\n`);

  const lease = nodeLease(node, lookup, now) ?? {};
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease.acquireTime ? rfc1123z(lease.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.renewTime ? rfc1123z(lease.renewTime) : '<unset>'}\n`);

  const conditions = node.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  if (Object.keys(node.status?.capacity ?? {}).length > 0) {
    w.write(LEVEL_0, 'Capacity:\n');
    describeResourceList(w, node.status.capacity!);
  }
  if (Object.keys(node.status?.allocatable ?? {}).length > 0) {
    w.write(LEVEL_0, 'Allocatable:\n');
    describeResourceList(w, node.status.allocatable!);
  }
  const info = node.status?.nodeInfo;
  w.write(LEVEL_0, 'System Info:\n');
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);

  // kubectl lists pods with spec.nodeName=<node>,status.phase!=Succeeded,status.phase!=Failed.
  const pods = (lookup.list('Pod') as Pod[]).filter(
    (p) => p.spec.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
  describeNodeResources(w, node, pods, now);

  // Controllers report node events with the node's uid, the kubelet with its name as uid: kubectl asks for both.
  const events = [
    ...searchEvents(lookup, { namespace: '', name, kind: 'Node', uid: node.metadata.uid || undefined }),
    ...searchEvents(lookup, { namespace: '', name, kind: 'Node', uid: name }),
  ];
  describeEvents(w, events, now);
  return w.toString();
}
