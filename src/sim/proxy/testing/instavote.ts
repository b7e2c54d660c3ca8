// The scenario of the reference captures (kube-proxy-iptables.md section 9), as
// seen from node k-02: node IP 10.15.0.10, weave bridge 10.32.0.1/12, cluster
// CIDR 10.32.0.0/12.

import type { EndpointSlice, Service } from '../../api/types';
import { service, slice, tcpPort } from './objects';

export const INSTAVOTE_NODE = { name: 'k-02', ip: '10.15.0.10' };
export const INSTAVOTE_CLUSTER_CIDR = '10.32.0.0/12';

export function instavoteServices(): Service[] {
  return [
    service('instavote', 'vote', {
      type: 'NodePort',
      clusterIP: '10.108.108.157',
      selector: { app: 'vote' },
      ports: [tcpPort(80, { nodePort: 30000 })],
    }),
    service('instavote', 'redis', { type: 'ClusterIP', clusterIP: '10.102.77.6', selector: { app: 'redis' }, ports: [tcpPort(6379)] }),
    service('instavote', 'result', {
      type: 'NodePort',
      clusterIP: '10.107.71.204',
      selector: { app: 'result' },
      externalIPs: ['206.189.150.190'],
      externalTrafficPolicy: 'Local',
      ports: [tcpPort(80, { nodePort: 30100 })],
    }),
    service('instavote', 'api', {
      type: 'ClusterIP',
      clusterIP: '10.99.10.20',
      selector: { app: 'api' },
      sessionAffinity: 'ClientIP',
      ports: [tcpPort(8080, { name: 'http' })],
    }),
    service('instavote', 'db', { type: 'ClusterIP', clusterIP: '10.96.200.10', selector: { app: 'db' }, ports: [tcpPort(5432)] }),
  ];
}

export function instavoteSlices(): EndpointSlice[] {
  return [
    slice('instavote', 'vote', [{ port: 80 }], [
      { ip: '10.32.0.4', node: 'k-02' },
      { ip: '10.32.0.5', node: 'k-02' },
      { ip: '10.32.0.6', node: 'k-02' },
      { ip: '10.38.0.4', node: 'k-03' },
      { ip: '10.38.0.5', node: 'k-03' },
    ]),
    slice('instavote', 'redis', [{ port: 6379 }], [
      { ip: '10.32.0.7', node: 'k-02' },
      { ip: '10.38.0.6', node: 'k-03' },
      { ip: '10.46.0.6', node: 'k-04' },
    ]),
    slice('instavote', 'result', [{ port: 80 }], [
      { ip: '10.32.0.8', node: 'k-02' },
      { ip: '10.44.0.3', node: 'k-05' },
    ]),
    slice('instavote', 'api', [{ name: 'http', port: 8080 }], [
      { ip: '10.32.0.9', node: 'k-02' },
      { ip: '10.38.0.7', node: 'k-03' },
    ]),
    slice('instavote', 'db', [{ port: 5432 }], []),
  ];
}
