// The container blocks of describe pod and of pod templates (deployments,
// replicasets): image, ports, command, state, resources, probes, environment
// and mounts, in kubectl v1.32's layout.

import type { Container, ContainerState, ContainerStatus, Pod, Probe } from '../../../../sim/api/types';
import { terminated } from '../extra-fields';
import { formatQuantity, parseQuantity, quantityMilliValue, quantityValue, type Quantity } from '../quantity';
import { rfc1123z } from './time';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type DescribeWriter } from './writer';

interface ContainerView extends Container {
  envFrom?: { prefix?: string; configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } }[];
  startupProbe?: Probe;
  securityContext?: { seccompProfile?: { type: string; localhostProfile?: string } };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  volumeDevices?: { name: string; devicePath: string }[];
}

interface ProbeView extends Probe {
  httpGet?: { path?: string; port: number | string; scheme?: string; host?: string };
  tcpSocket?: { port: number | string; host?: string };
  grpc?: { port: number; service?: string };
}

type ValueFrom = {
  fieldRef?: { apiVersion?: string; fieldPath: string };
  resourceFieldRef?: { containerName?: string; resource: string; divisor?: string };
  secretKeyRef?: { name: string; key: string; optional?: boolean };
  configMapKeyRef?: { name: string; key: string; optional?: boolean };
};

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `80/TCP, 9090/UDP` (container ports) or the same for host ports. */
function portList(c: Container, host: boolean): string {
  return (c.ports ?? []).map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? ''}`).join(', ');
}

/** net.JoinHostPort for the probe URL host part. */
function hostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3` (v1.32 wording). */
export function describeProbe(probe: ProbeView): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s ` +
    `#success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${probe.exec.command.join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = String(g.port ?? '');
    const host = port !== '' ? hostPort(g.host ?? '', port) : (g.host ?? '');
    return `http-get ${(g.scheme ?? '').toLowerCase()}://${host}${g.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: DescribeWriter, title: string, state: ContainerState): void {
  const term = terminated(state);
  if (state.running) {
    w.write(LEVEL_2, `${title}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (term) {
    w.write(LEVEL_2, `${title}:\tTerminated\n`);
    if (term.reason) w.write(LEVEL_3, `Reason:\t${term.reason}\n`);
    if (term.message) w.write(LEVEL_3, `Message:\t${term.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${term.exitCode}\n`);
    if (term.signal && term.signal > 0) w.write(LEVEL_3, `Signal:\t${term.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(term.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(term.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${title}:\tWaiting\n`);
  }
}

function describeResources(w: DescribeWriter, resources: Container['resources']): void {
  const limits = resources?.limits ?? {};
  const requests = resources?.requests ?? {};
  if (Object.keys(limits).length > 0) w.write(LEVEL_2, 'Limits:\n');
  for (const name of Object.keys(limits).sort(byteCompare)) w.write(LEVEL_3, `${name}:\t${formatQuantity(parseQuantity(limits[name]))}\n`);
  if (Object.keys(requests).length > 0) w.write(LEVEL_2, 'Requests:\n');
  for (const name of Object.keys(requests).sort(byteCompare)) w.write(LEVEL_3, `${name}:\t${formatQuantity(parseQuantity(requests[name]))}\n`);
}

/**
 * The value kubectl shows for a fieldRef: it converts the path with the pod
 * field-label table, then can only extract metadata fields, so only
 * metadata.name and metadata.namespace ever resolve.
 */
function fieldRefValue(pod: Pod | undefined, fieldPath: string): string {
  if (!pod) return '';
  if (fieldPath === 'metadata.name') return pod.metadata.name ?? '';
  if (fieldPath === 'metadata.namespace') return pod.metadata.namespace ?? '';
  return '';
}

function quantityOf(list: Record<string, string> | undefined, name: string): Quantity {
  const v = list?.[name];
  return v === undefined ? { nanos: 0n, format: 'DecimalSI' } : parseQuantity(v);
}

/** resourceFieldRef values: cpu in (rounded-up) divisor units, memory and storage in bytes / divisor. */
function resourceFieldValue(c: Container, ref: NonNullable<ValueFrom['resourceFieldRef']>): string {
  let divisor = ref.divisor ? parseQuantity(ref.divisor) : parseQuantity('1');
  if (divisor.nanos === 0n) divisor = parseQuantity('1');
  const [kind, name] = ref.resource.split('.') as [string, string];
  const list = kind === 'limits' ? c.resources?.limits : kind === 'requests' ? c.resources?.requests : undefined;
  if (!list && kind !== 'limits' && kind !== 'requests') return '';
  const q = quantityOf(list, name);
  if (name === 'cpu') return String(ceilDiv(quantityMilliValue(q), quantityMilliValue(divisor)));
  return String(ceilDiv(quantityValue(q), quantityValue(divisor)));
}

function ceilDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

function describeEnv(w: DescribeWriter, c: ContainerView, pod: Pod | undefined): void {
  const env = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom as ValueFrom | undefined;
    if (!from) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    if (from.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${fieldRefValue(pod, from.fieldRef.fieldPath)} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      let value = resourceFieldValue(c, from.resourceFieldRef);
      const r = from.resourceFieldRef.resource;
      if (value === '0' && (r === 'limits.cpu' || r === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${r})\n`);
    } else if (from.secretKeyRef) {
      const k = from.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${k.key}' in secret '${k.name}'>\tOptional: ${!!k.optional}\n`);
    } else if (from.configMapKeyRef) {
      const k = from.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${k.key}' of config map '${k.name}'>\tOptional: ${!!k.optional}\n`);
    }
  }
}

function describeEnvFrom(w: DescribeWriter, c: ContainerView): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom ?? []) {
    const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined];
    const optional = !!ref?.optional;
    if (e.prefix) w.write(LEVEL_3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`);
  }
}

function describeMounts(w: DescribeWriter, c: ContainerView): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => byteCompare(a.mountPath, b.mountPath));
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...(c.volumeDevices ?? [])].sort((a, b) => byteCompare(a.devicePath, b.devicePath));
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/**
 * `Containers:` (or `Init Containers:`) and one block per container. `space` is
 * '' for pods and '  ' for pod templates, where names get one more space.
 * Without statuses (templates, unscheduled pods) the ID, state and restart lines are left out.
 */
export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  pod: Pod | undefined,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const c = container as ContainerView;
    const status = byName.get(c.name);
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = portList(c, false);
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = portList(c, true);
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    const seccomp = c.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    if (c.command?.length) {
      w.write(LEVEL_2, 'Command:\n');
      for (const part of c.command) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`);
    }
    if (c.args?.length) {
      w.write(LEVEL_2, 'Args:\n');
      for (const part of c.args) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state);
      if (terminated(status.lastState)) describeState(w, 'Last State', status.lastState);
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(w, c.resources);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if (c.envFrom?.length) describeEnvFrom(w, c);
    describeEnv(w, c, pod);
    describeMounts(w, c);
  }
}
