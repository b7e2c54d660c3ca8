// Service scenarios on the lab's kind cluster with weave (control plane 172.18.0.2
// with pods 10.32.0.x, kind-worker 172.18.0.3 with 10.40.0.x, kind-worker2
// 172.18.0.4 with 10.44.0.x), for unit tests, oracle tests and benchmarks.

import type { EndpointSlice, Service } from '../../api/types';
import type { KubeProxyOptions, ProxyNode } from '../kube-proxy';
import { instavoteServices, instavoteSlices, INSTAVOTE_CLUSTER_CIDR, INSTAVOTE_NODE } from './instavote';
import { service, slice, tcpPort, type EndpointSpec } from './objects';

export const KIND_NODES: ProxyNode[] = [
  { name: 'kind-control-plane', ip: '172.18.0.2' },
  { name: 'kind-worker', ip: '172.18.0.3' },
  { name: 'kind-worker2', ip: '172.18.0.4' },
];

export const KIND_CLUSTER_CIDR = '10.32.0.0/12';

export interface Scenario {
  name: string;
  nodes: ProxyNode[];
  /** the node whose tables are looked at */
  node: string;
  options: KubeProxyOptions;
  services: Service[];
  slices: EndpointSlice[];
}

const CP = 'kind-control-plane';
const W1 = 'kind-worker';
const W2 = 'kind-worker2';

function kind(name: string, services: Service[], slices: EndpointSlice[], node = W1): Scenario {
  return { name, nodes: KIND_NODES, node, options: { clusterCIDR: KIND_CLUSTER_CIDR }, services, slices };
}

export function instavoteScenario(): Scenario {
  return {
    name: 'instavote (reference section 9)',
    nodes: [INSTAVOTE_NODE, { name: 'k-03', ip: '10.15.0.11' }],
    node: INSTAVOTE_NODE.name,
    options: { clusterCIDR: INSTAVOTE_CLUSTER_CIDR },
    services: instavoteServices(),
    slices: instavoteSlices(),
  };
}

export const FIVE_WEB_ENDPOINTS: EndpointSpec[] = [
  { ip: '10.32.0.4', node: CP },
  { ip: '10.40.0.1', node: W1 },
  { ip: '10.40.0.2', node: W1 },
  { ip: '10.44.0.1', node: W2 },
  { ip: '10.44.0.2', node: W2 },
];

export function nodePortFiveScenario(): Scenario {
  return kind(
    'NodePort with 5 endpoints',
    [
      service('default', 'web', {
        type: 'NodePort',
        clusterIP: '10.96.100.10',
        selector: { app: 'web' },
        ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30080 }],
      }),
    ],
    [slice('default', 'web', [{ name: 'http', port: 8080 }], FIVE_WEB_ENDPOINTS)],
    W2,
  );
}

export function noEndpointsScenario(): Scenario {
  return kind(
    'services without endpoints',
    [
      service('default', 'db', { type: 'ClusterIP', clusterIP: '10.96.200.10', selector: { app: 'db' }, ports: [tcpPort(5432)] }),
      service('default', 'front', {
        type: 'NodePort',
        clusterIP: '10.96.200.11',
        selector: { app: 'front' },
        externalIPs: ['172.18.0.100'],
        ports: [tcpPort(80, { nodePort: 30001 })],
      }),
      service(
        'default',
        'edge',
        {
          type: 'LoadBalancer',
          clusterIP: '10.96.200.12',
          selector: { app: 'edge' },
          ports: [tcpPort(443, { nodePort: 30443, name: 'https' })],
        },
        { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } },
      ),
      service('default', 'dns', {
        type: 'ClusterIP',
        clusterIP: '10.96.200.13',
        selector: { app: 'dns' },
        ports: [{ name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 }],
      }),
    ],
    [slice('default', 'db', [{ port: 5432 }], []), slice('default', 'front', [{ port: 80 }], [{ ip: '10.40.0.9', node: W1, ready: false, serving: false }])],
  );
}

export function externalIPsScenario(): Scenario {
  return kind(
    'externalIPs',
    [
      service('default', 'shop', {
        type: 'ClusterIP',
        clusterIP: '10.96.50.5',
        selector: { app: 'shop' },
        externalIPs: ['172.18.0.50', '192.0.2.10'],
        ports: [tcpPort(8080, { targetPort: 80 })],
      }),
    ],
    [slice('default', 'shop', [{ port: 80 }], [{ ip: '10.40.0.3', node: W1 }, { ip: '10.44.0.3', node: W2 }])],
  );
}

export function localPoliciesScenario(node = W1): Scenario {
  return kind(
    'Local traffic policies',
    [
      service('default', 'local-web', {
        type: 'NodePort',
        clusterIP: '10.96.60.1',
        selector: { app: 'local-web' },
        externalTrafficPolicy: 'Local',
        externalIPs: ['172.18.0.60'],
        ports: [tcpPort(80, { nodePort: 30060 })],
      }),
      service('default', 'remote-only', {
        type: 'NodePort',
        clusterIP: '10.96.60.2',
        selector: { app: 'remote-only' },
        externalTrafficPolicy: 'Local',
        ports: [tcpPort(80, { nodePort: 30061 })],
      }),
      service('default', 'node-cache', {
        type: 'ClusterIP',
        clusterIP: '10.96.60.3',
        selector: { app: 'node-cache' },
        internalTrafficPolicy: 'Local',
        ports: [{ name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 }],
      }),
      service('default', 'cp-only', {
        type: 'ClusterIP',
        clusterIP: '10.96.60.4',
        selector: { app: 'cp-only' },
        internalTrafficPolicy: 'Local',
        ports: [tcpPort(9000)],
      }),
      service(
        'default',
        'lb-local',
        {
          type: 'LoadBalancer',
          clusterIP: '10.96.60.5',
          selector: { app: 'lb-local' },
          externalTrafficPolicy: 'Local',
          healthCheckNodePort: 32000,
          ports: [tcpPort(80, { nodePort: 30065 })],
        },
        { loadBalancer: { ingress: [{ ip: '172.18.255.210' }] } },
      ),
    ],
    [
      slice('default', 'local-web', [{ port: 80 }], [{ ip: '10.32.0.10', node: CP }, { ip: '10.40.0.10', node: W1 }]),
      slice('default', 'remote-only', [{ port: 80 }], [{ ip: '10.44.0.11', node: W2 }]),
      slice('default', 'node-cache', [{ name: 'dns', port: 53, protocol: 'UDP' }], [
        { ip: '10.32.0.12', node: CP },
        { ip: '10.40.0.12', node: W1 },
        { ip: '10.44.0.12', node: W2 },
      ]),
      slice('default', 'cp-only', [{ port: 9000 }], [{ ip: '10.32.0.13', node: CP }]),
      slice('default', 'lb-local', [{ port: 80 }], [
        { ip: '10.40.0.14', node: W1, ready: false, serving: true, terminating: true },
        { ip: '10.44.0.14', node: W2 },
      ]),
    ],
    node,
  );
}

export function affinityScenario(): Scenario {
  return kind(
    'session affinity',
    [
      service('default', 'cart', {
        type: 'NodePort',
        clusterIP: '10.96.70.7',
        selector: { app: 'cart' },
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
        ports: [tcpPort(80, { nodePort: 30070, name: 'web' }), { name: 'stats', protocol: 'UDP', port: 8125, targetPort: 8125 }],
      }),
    ],
    [
      slice('default', 'cart', [{ name: 'web', port: 80 }, { name: 'stats', port: 8125, protocol: 'UDP' }], [
        { ip: '10.32.0.20', node: CP },
        { ip: '10.40.0.20', node: W1 },
        { ip: '10.44.0.20', node: W2 },
      ]),
    ],
  );
}

export function loadBalancerScenario(): Scenario {
  return kind(
    'LoadBalancer with source ranges',
    [
      service(
        'default',
        'gateway',
        {
          type: 'LoadBalancer',
          clusterIP: '10.96.80.8',
          selector: { app: 'gateway' },
          loadBalancerSourceRanges: ['203.0.113.0/24', '172.18.0.0/16'],
          ports: [tcpPort(443, { nodePort: 30443, name: 'https' })],
        },
        { loadBalancer: { ingress: [{ ip: '172.18.255.220' }, { ip: '172.18.255.221' }] } },
      ),
      service(
        'default',
        'partner',
        {
          type: 'LoadBalancer',
          clusterIP: '10.96.80.9',
          selector: { app: 'partner' },
          loadBalancerSourceRanges: ['198.51.100.0/24'],
          ports: [tcpPort(8443, { nodePort: 30843 })],
        },
        { loadBalancer: { ingress: [{ ip: '172.18.255.222' }, { hostname: 'lb.example.com' }] } },
      ),
      service(
        'default',
        'proxied',
        { type: 'LoadBalancer', clusterIP: '10.96.80.10', selector: { app: 'proxied' }, ports: [tcpPort(80, { nodePort: 30810 })] },
        { loadBalancer: { ingress: [{ ip: '172.18.255.223', ipMode: 'Proxy' }] } },
      ),
    ],
    [
      slice('default', 'gateway', [{ name: 'https', port: 8443 }], [{ ip: '10.40.0.30', node: W1 }, { ip: '10.44.0.30', node: W2 }]),
      slice('default', 'partner', [{ port: 8443 }], [{ ip: '10.32.0.31', node: CP }]),
      slice('default', 'proxied', [{ port: 80 }], [{ ip: '10.44.0.32', node: W2 }]),
    ],
  );
}

/** Services whose ports resolve differently: multi-port, UDP/SCTP, named target ports, terminating endpoints. */
export function mixedScenario(): Scenario {
  return kind(
    'multi-port, protocols, named ports, terminating endpoints',
    [
      service('kube-system', 'kube-dns', {
        type: 'ClusterIP',
        clusterIP: '10.96.0.10',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
          { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
          { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
        ],
      }),
      service('default', 'kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }] }),
      service('default', 'app', {
        type: 'ClusterIP',
        clusterIP: '10.96.90.1',
        selector: { app: 'app' },
        ports: [{ name: 'web', protocol: 'TCP', port: 80, targetPort: 'web' }],
      }),
      service('default', 'draining', {
        type: 'ClusterIP',
        clusterIP: '10.96.90.2',
        selector: { app: 'draining' },
        ports: [tcpPort(80)],
      }),
      service('default', 'signal', { type: 'ClusterIP', clusterIP: '10.96.90.3', selector: { app: 'signal' }, ports: [{ protocol: 'SCTP', port: 9999, targetPort: 9999 }] }),
      service('default', 'headless', { type: 'ClusterIP', clusterIP: 'None', selector: { app: 'headless' }, ports: [tcpPort(80)] }),
      service('default', 'external', { type: 'ExternalName', externalName: 'example.com' }),
    ],
    [
      slice('kube-system', 'kube-dns', [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53 },
        { name: 'metrics', port: 9153 },
      ], [{ ip: '10.32.0.2', node: CP }, { ip: '10.32.0.3', node: CP }]),
      slice('default', 'kubernetes', [{ name: 'https', port: 6443 }], [{ ip: '172.18.0.2', node: CP }], 'kubernetes'),
      slice('default', 'app', [{ name: 'web', port: 8080 }], [{ ip: '10.40.0.40', node: W1 }], 'app-aaaaa'),
      slice('default', 'app', [{ name: 'web', port: 9090 }], [{ ip: '10.44.0.40', node: W2 }, { ip: '10.40.0.41', node: W1, ready: false, serving: false }], 'app-bbbbb'),
      slice('default', 'draining', [{ port: 80 }], [
        { ip: '10.40.0.50', node: W1, ready: false, serving: true, terminating: true },
        { ip: '10.44.0.50', node: W2, ready: false, serving: false, terminating: true },
      ]),
      slice('default', 'signal', [{ port: 9999, protocol: 'SCTP' }], [{ ip: '10.44.0.60', node: W2 }]),
      slice('default', 'headless', [{ port: 80 }], [{ ip: '10.44.0.61', node: W2 }]),
    ],
  );
}

/** More than 1000 endpoints in total: comments disappear from SEP chains and SVC-to-SEP rules. */
export function largeScenario(services = 110, perService = 10): Scenario {
  const svcs: Service[] = [];
  const slices: EndpointSlice[] = [];
  const nodes = [CP, W1, W2];
  const bases = ['10.32', '10.40', '10.44'];
  let n = 0;
  for (let s = 0; s < services; s++) {
    const name = `svc-${s}`;
    svcs.push(
      service('bulk', name, {
        type: s % 3 === 0 ? 'NodePort' : 'ClusterIP',
        clusterIP: `10.97.${Math.floor(s / 250)}.${(s % 250) + 1}`,
        selector: { app: name },
        ports: [tcpPort(80, s % 3 === 0 ? { nodePort: 30000 + s } : {})],
      }),
    );
    const eps: EndpointSpec[] = [];
    for (let e = 0; e < perService; e++, n++) {
      const k = n % 3;
      const idx = Math.floor(n / 3) + 2;
      eps.push({ ip: `${bases[k]}.${Math.floor(idx / 256)}.${idx % 256}`, node: nodes[k] });
    }
    slices.push(slice('bulk', name, [{ port: 80 }], eps));
  }
  return kind(`${services} services x ${perService} endpoints`, svcs, slices);
}

export function allScenarios(): Scenario[] {
  return [
    instavoteScenario(),
    nodePortFiveScenario(),
    noEndpointsScenario(),
    externalIPsScenario(),
    localPoliciesScenario(W1),
    localPoliciesScenario(W2),
    localPoliciesScenario(CP),
    affinityScenario(),
    loadBalancerScenario(),
    mixedScenario(),
    largeScenario(),
  ];
}
