// Builders for Service and EndpointSlice objects in wire format, for tests,
// oracle checks and benchmarks of the proxy model.

import type { EndpointSlice, Service, ServicePort, ServiceSpec } from '../../api/types';

export function service(namespace: string, name: string, spec: ServiceSpec, status?: Service['status']): Service {
  const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
  if (status) svc.status = status;
  return svc;
}

export interface EndpointSpec {
  ip: string;
  node: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
  /** pod name for targetRef */
  pod?: string;
}

export function slice(
  namespace: string,
  serviceName: string,
  ports: { name?: string; port: number; protocol?: 'TCP' | 'UDP' | 'SCTP' }[],
  endpoints: EndpointSpec[],
  sliceName = `${serviceName}-abcde`,
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: sliceName, namespace, labels: { 'kubernetes.io/service-name': serviceName } },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false },
      nodeName: e.node,
      targetRef: { kind: 'Pod', namespace, name: e.pod ?? `${serviceName}-${e.ip.replace(/\./g, '-')}`, uid: `uid-${e.ip}` },
    })),
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

export function tcpPort(port: number, extra: Partial<ServicePort> = {}): ServicePort {
  return { protocol: 'TCP', port, targetPort: port, ...extra };
}
