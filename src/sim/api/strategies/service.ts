// The apiserver's Service registry: defaults, validation in the order the real
// ValidateService reports problems, and cluster IP / node port allocation.

import type { KubeObject, Service, ServicePort } from '../types';
import type { KindStrategy } from '../store';
import { validateLabels, DNS1123_LABEL_MSG, DNS1123_SUBDOMAIN_MSG } from '../store';
import { invalidError, type FieldError } from '../errors';
import { AllocationError, isIPv4, type ClusterIPAllocator, type NodePortAllocator } from '../allocators';

export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
export const VALID_IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
export const PORT_RANGE_MSG = 'must be between 1 and 65535, inclusive';

const isHeadless = (s: Service) => s.spec.clusterIP === 'None';
const needsNodePorts = (s: Service) =>
  s.spec.type === 'NodePort' || (s.spec.type === 'LoadBalancer' && s.spec.allocateLoadBalancerNodePorts !== false);
const externallyAccessible = (s: Service) =>
  s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer' || (s.spec.type === 'ClusterIP' && (s.spec.externalIPs?.length ?? 0) > 0);
const needsHealthCheck = (s: Service) => s.spec.type === 'LoadBalancer' && s.spec.externalTrafficPolicy === 'Local';

function applyDefaults(svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig ??= { clientIP: { timeoutSeconds: 10800 } };
  }
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  if (externallyAccessible(svc)) spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
}

/** IP families: what an IPv4-only cluster's apiserver fills in. */
function defaultIPFamilies(svc: Service): void {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return;
  if (spec.clusterIP && spec.clusterIP !== 'None' && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
  if (spec.clusterIP === 'None') spec.clusterIPs = ['None'];
  const headlessWithoutSelector = spec.clusterIP === 'None' && !spec.selector;
  spec.ipFamilyPolicy ??= headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack';
  spec.ipFamilies ??= ['IPv4'];
}

function validatePortName(name: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (name.length > 63) errs.push({ type: 'Invalid', field, value: name, detail: 'must be no more than 63 characters' });
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) errs.push({ type: 'Invalid', field, value: name, detail: DNS1123_LABEL_MSG });
  return errs;
}

/** IANA_SVC_NAME rules for a named targetPort. */
export function validatePortNumOrName(v: number | string | undefined, field: string): FieldError[] {
  if (typeof v === 'number') {
    return v >= 1 && v <= 65535 ? [] : [{ type: 'Invalid', field, value: v, detail: PORT_RANGE_MSG }];
  }
  if (v === undefined) return [];
  const errs: FieldError[] = [];
  if (v.length > 15) errs.push({ type: 'Invalid', field, value: v, detail: 'must be no more than 15 characters' });
  if (!/^[-a-z0-9]+$/.test(v)) errs.push({ type: 'Invalid', field, value: v, detail: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)' });
  if (!/[a-z]/.test(v)) errs.push({ type: 'Invalid', field, value: v, detail: 'must contain at least one letter (a-z)' });
  if (v.includes('--')) errs.push({ type: 'Invalid', field, value: v, detail: 'must not contain consecutive hyphens' });
  if (/^-|-$/.test(v)) errs.push({ type: 'Invalid', field, value: v, detail: 'must not begin or end with a hyphen' });
  return errs;
}

function validateNonSpecialIP(ip: string, field: string): FieldError[] {
  const [a, b, c] = ip.split('.').map(Number);
  if (ip === '0.0.0.0') return [{ type: 'Invalid', field, value: ip, detail: 'may not be unspecified (0.0.0.0, ::)' }];
  if (a === 127) return [{ type: 'Invalid', field, value: ip, detail: 'may not be in the loopback range (127.0.0.0/8, ::1/128)' }];
  if (a === 169 && b === 254) return [{ type: 'Invalid', field, value: ip, detail: 'may not be in the link-local range (169.254.0.0/16, fe80::/10)' }];
  if (a === 224 && b === 0 && c === 0) return [{ type: 'Invalid', field, value: ip, detail: 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)' }];
  return [];
}

export function validateService(svc: Service): FieldError[] {
  const spec = svc.spec;
  const errs: FieldError[] = [];
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(svc) && spec.type !== 'ExternalName') errs.push({ type: 'Required', field: 'spec.ports' });
  if (spec.type === 'LoadBalancer' && isHeadless(svc)) {
    errs.push({ type: 'Invalid', field: 'spec.clusterIPs[0]', value: 'None', detail: "may not be set to 'None' for LoadBalancer services" });
  } else if (spec.type === 'NodePort' && isHeadless(svc)) {
    errs.push({ type: 'Invalid', field: 'spec.clusterIPs[0]', value: 'None', detail: "may not be set to 'None' for NodePort services" });
  } else if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs?.length ?? 0) > 0 || spec.clusterIP) errs.push({ type: 'Forbidden', field: 'spec.clusterIPs', detail: 'may not be set for ExternalName services' });
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname.length === 0) errs.push({ type: 'Required', field: 'spec.externalName' });
    else if (cname.length > 253 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(cname)) {
      errs.push({ type: 'Invalid', field: 'spec.externalName', value: cname, detail: DNS1123_SUBDOMAIN_MSG });
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const f = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push({ type: 'Required', field: `${f}.name` });
    else if (p.name) {
      errs.push(...validatePortName(p.name, `${f}.name`));
      if (names.has(p.name)) errs.push({ type: 'Duplicate', field: `${f}.name`, value: p.name });
      names.add(p.name);
    }
    if (!(p.port >= 1 && p.port <= 65535)) errs.push({ type: 'Invalid', field: `${f}.port`, value: p.port, detail: PORT_RANGE_MSG });
    if (!p.protocol) errs.push({ type: 'Required', field: `${f}.protocol` });
    else if (!PROTOCOLS.includes(p.protocol)) errs.push({ type: 'NotSupported', field: `${f}.protocol`, value: p.protocol, supported: PROTOCOLS });
    errs.push(...validatePortNumOrName(p.targetPort, `${f}.targetPort`));
  });
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (!['ClientIP', 'None'].includes(spec.sessionAffinity ?? '')) {
    errs.push({ type: 'NotSupported', field: 'spec.sessionAffinity', value: spec.sessionAffinity, supported: ['ClientIP', 'None'] });
  }
  const cip = spec.clusterIPs?.[0] ?? spec.clusterIP;
  if (cip && cip !== 'None' && !isIPv4(cip)) errs.push({ type: 'Invalid', field: 'spec.clusterIPs[0]', value: cip, detail: VALID_IP_MSG });
  (spec.externalIPs ?? []).forEach((ip, i) => {
    const f = `spec.externalIPs[${i}]`;
    if (!isIPv4(ip)) errs.push({ type: 'Invalid', field: f, value: ip, detail: VALID_IP_MSG });
    else errs.push(...validateNonSpecialIP(ip, f));
  });
  if (!spec.type) errs.push({ type: 'Required', field: 'spec.type' });
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push({ type: 'NotSupported', field: 'spec.type', value: spec.type, supported: SERVICE_TYPES });
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push({ type: 'Forbidden', field: `spec.ports[${i}].nodePort`, detail: "may not be used when `type` is 'ClusterIP'" });
    });
  }
  const seenNodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (seenNodePorts.has(key)) errs.push({ type: 'Duplicate', field: `spec.ports[${i}].nodePort`, value: p.nodePort });
    seenNodePorts.add(key);
  });
  const seenPorts = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seenPorts.has(key)) {
      errs.push({ type: 'Duplicate', field: `spec.ports[${i}]`, value: { goSyntax: `core.ServicePort{Name:"", Protocol:"${p.protocol}", AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}` } });
    }
    seenPorts.add(key);
  });
  if ((spec.loadBalancerSourceRanges?.length ?? 0) > 0 && spec.type !== 'LoadBalancer') {
    errs.push({ type: 'Forbidden', field: 'spec.LoadBalancerSourceRanges', detail: "may only be used when `type` is 'LoadBalancer'" });
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errs.push({ type: 'Forbidden', field: 'spec.allocateLoadBalancerNodePorts', detail: "may only be used when `type` is 'LoadBalancer'" });
  }
  if (!externallyAccessible(svc)) {
    if (spec.externalTrafficPolicy) {
      errs.push({ type: 'Invalid', field: 'spec.externalTrafficPolicy', value: spec.externalTrafficPolicy, detail: 'may only be set for externally-accessible services' });
    }
  } else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy ?? '')) {
    errs.push({ type: 'NotSupported', field: 'spec.externalTrafficPolicy', value: spec.externalTrafficPolicy, supported: ['Cluster', 'Local'] });
  }
  if (!needsHealthCheck(svc) && spec.healthCheckNodePort) {
    errs.push({ type: 'Invalid', field: 'spec.healthCheckNodePort', value: spec.healthCheckNodePort, detail: "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'" });
  }
  if (spec.internalTrafficPolicy !== undefined && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    errs.push({ type: 'NotSupported', field: 'spec.internalTrafficPolicy', value: spec.internalTrafficPolicy, supported: ['Cluster', 'Local'] });
  }
  return errs;
}

/**
 * On update the apiserver keeps allocated values the client did not send
 * (patchAllocatedValues) and drops the ones a type change made meaningless
 * (dropTypeDependentFields), so `kubectl replace` and type switches behave.
 */
function carryOverAllocations(svc: Service, old: Service): void {
  const spec = svc.spec;
  const was = old.spec;
  if (spec.type !== 'ExternalName' && was.type !== 'ExternalName' && !spec.clusterIP && was.clusterIP) {
    spec.clusterIP = was.clusterIP;
    spec.clusterIPs = was.clusterIPs;
  }
  if (needsNodePorts(svc) && needsNodePorts(old)) {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const match = (was.ports ?? []).find((q) => q.port === p.port && q.protocol === p.protocol) ?? (was.ports?.length === 1 && spec.ports?.length === 1 ? was.ports[0] : undefined);
      if (match?.nodePort) p.nodePort = match.nodePort;
    }
  }
  if (needsHealthCheck(svc) && needsHealthCheck(old) && !spec.healthCheckNodePort) spec.healthCheckNodePort = was.healthCheckNodePort;
  // Type changes: values that only meant something for the old type go away if the client did not touch them.
  if (!needsNodePorts(svc) && needsNodePorts(old)) {
    for (const p of spec.ports ?? []) {
      const oldPort = (was.ports ?? []).find((q) => q.nodePort === p.nodePort);
      if (p.nodePort && oldPort) delete p.nodePort;
    }
  }
  if (spec.type === 'ExternalName' && was.type !== 'ExternalName') {
    if (spec.clusterIP === was.clusterIP) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  }
  if (!needsHealthCheck(svc) && spec.healthCheckNodePort === was.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (!externallyAccessible(svc) && externallyAccessible(old) && spec.externalTrafficPolicy === was.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

interface Reserved {
  clusterIP?: string;
  nodePorts: number[];
}

export function serviceStrategy(ips: ClusterIPAllocator, nodePorts: NodePortAllocator): KindStrategy {
  /** Reserve what `svc` holds that `old` did not; on failure undo and throw the Invalid error. */
  function allocate(obj: KubeObject, oldObj: KubeObject | undefined): void {
    const svc = obj as Service;
    const old = oldObj as Service | undefined;
    const name = svc.metadata.name!;
    const spec = svc.spec;
    const done: Reserved = { nodePorts: [] };
    const fail = (errs: FieldError[]): never => {
      if (done.clusterIP) ips.release(done.clusterIP);
      for (const p of done.nodePorts) nodePorts.release(p);
      throw invalidError('Service', name, '', errs);
    };
    // Cluster IP
    if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None') {
      const wanted = spec.clusterIPs?.[0] ?? spec.clusterIP;
      if (!wanted) {
        try {
          const ip = ips.allocateNext();
          done.clusterIP = ip;
          spec.clusterIP = ip;
          spec.clusterIPs = [ip];
        } catch (e) {
          fail([{ type: 'Invalid', field: 'spec.clusterIPs', value: [], detail: `failed to allocate a serviceIP: ${(e as Error).message}` }]);
        }
      } else if (wanted !== old?.spec.clusterIP) {
        try {
          ips.allocate(wanted);
          done.clusterIP = wanted;
          spec.clusterIP = wanted;
          spec.clusterIPs = [wanted];
        } catch (e) {
          if (!(e instanceof AllocationError)) throw e;
          fail([{ type: 'Invalid', field: 'spec.clusterIPs', value: [wanted], detail: `failed to allocate IP ${wanted}: ${e.message}` }]);
        }
      }
    }
    defaultIPFamilies(svc);
    // Node ports
    if (needsNodePorts(svc)) {
      const held = new Set((old && needsNodePorts(old) ? old.spec.ports ?? [] : []).map((p) => p.nodePort).filter((p): p is number => !!p));
      const errs: FieldError[] = [];
      (spec.ports ?? []).forEach((p: ServicePort, i) => {
        if (p.nodePort) {
          if (held.has(p.nodePort) || done.nodePorts.includes(p.nodePort)) return;
          try {
            nodePorts.allocate(p.nodePort);
            done.nodePorts.push(p.nodePort);
          } catch (e) {
            if (!(e instanceof AllocationError)) throw e;
            errs.push({ type: 'Invalid', field: `spec.ports[${i}].nodePort`, value: p.nodePort, detail: e.message });
          }
        }
      });
      if (errs.length) fail(errs);
      for (const p of spec.ports ?? []) {
        if (p.nodePort) continue;
        try {
          p.nodePort = nodePorts.allocateNext();
          done.nodePorts.push(p.nodePort);
        } catch (e) {
          fail([{ type: 'Invalid', field: 'spec.ports[0].nodePort', value: 0, detail: `failed to allocate a nodePort: ${(e as Error).message}` }]);
        }
      }
      if (needsHealthCheck(svc) && !spec.healthCheckNodePort) {
        spec.healthCheckNodePort = nodePorts.allocateNext();
        done.nodePorts.push(spec.healthCheckNodePort);
      }
    }
  }

  /** Return what `obj` holds and `replacement` (the object that takes its place) does not. */
  function release(obj: KubeObject, replacement: KubeObject | undefined): void {
    const svc = obj as Service;
    const next = replacement as Service | undefined;
    const keepIP = next?.spec.clusterIP;
    if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None' && svc.spec.clusterIP !== keepIP) ips.release(svc.spec.clusterIP);
    const keep = new Set<number>();
    for (const p of next?.spec.ports ?? []) if (p.nodePort) keep.add(p.nodePort);
    if (next?.spec.healthCheckNodePort) keep.add(next.spec.healthCheckNodePort);
    for (const p of svc.spec.ports ?? []) if (p.nodePort && !keep.has(p.nodePort)) nodePorts.release(p.nodePort);
    if (svc.spec.healthCheckNodePort && !keep.has(svc.spec.healthCheckNodePort)) nodePorts.release(svc.spec.healthCheckNodePort);
  }

  return {
    prepareForCreate(obj) {
      const svc = obj as Service;
      applyDefaults(svc);
      if (svc.spec.clusterIP === '') delete svc.spec.clusterIP;
      svc.status = { loadBalancer: {} };
    },
    prepareForUpdate(obj, old) {
      applyDefaults(obj as Service);
      carryOverAllocations(obj as Service, old as Service);
      if (!needsHealthCheck(obj as Service)) delete (obj as Service).spec.healthCheckNodePort;
      defaultIPFamilies(obj as Service);
    },
    validate(obj) {
      return validateService(obj as Service);
    },
    validateUpdate(obj, old) {
      const svc = obj as Service;
      const was = old as Service;
      if (was.spec.clusterIP && svc.spec.clusterIP && was.spec.clusterIP !== svc.spec.clusterIP && svc.spec.type !== 'ExternalName' && was.spec.type !== 'ExternalName') {
        return [{ type: 'Invalid', field: 'spec.clusterIPs[0]', value: svc.spec.clusterIPs ?? [svc.spec.clusterIP], detail: 'may not change once set' }];
      }
      return [];
    },
    allocate: (obj, old) => allocate(obj, old),
    release: (obj, replacement) => release(obj, replacement),
  };
}
