// The services table (printService in the apiserver's table printer).

import type { Service } from '../../../../sim/api/types';
import { ageOf } from '../../../text/duration';
import { formatLabels } from '../labels';
import type { KindTableConverter } from './table';

/** Ingress IPs (or hostnames when there is no IP), de-duplicated and sorted. */
function loadBalancerAddresses(svc: Service): string[] {
  const set = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  return [...set].sort();
}

/** EXTERNAL-IP. The server always renders wide, so load-balancer addresses are never shortened. */
export function serviceExternalIP(svc: Service): string {
  const externalIPs = svc.spec.externalIPs ?? [];
  switch (svc.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc);
      if (externalIPs.length > 0) return [...lb, ...externalIPs].join(',');
      return lb.length > 0 ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** PORT(S): `80/TCP`, `80:30000/TCP`, joined with `,`; `<none>` without ports. */
export function servicePorts(svc: Service): string {
  const ports = svc.spec.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
}

export const serviceTable: KindTableConverter = {
  columns: [
    { name: 'Name', isName: true },
    { name: 'Type' },
    { name: 'Cluster-IP' },
    { name: 'External-IP' },
    { name: 'Port(s)' },
    { name: 'Age' },
    { name: 'Selector', wide: true },
  ],
  cells(obj, now) {
    const svc = obj as Service;
    return [
      svc.metadata.name ?? '',
      svc.spec.type ?? '',
      svc.spec.clusterIPs?.[0] ?? '<none>',
      serviceExternalIP(svc),
      servicePorts(svc),
      ageOf(svc.metadata.creationTimestamp, now),
      formatLabels(svc.spec.selector),
    ];
  },
};
