// core/v1 Service, Endpoints and Namespace; discovery/v1 EndpointSlice.

import { bool, field, int32, intOrString, list, opaque, str, stringMap, struct, type TypeSpec } from './model';
import { condition, objectMeta, objectReference } from './types-meta';
import { protocol } from './types-pod';

const IANA_SVC_NAME = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

const servicePort = struct(
  'v1.ServicePort',
  {
    name: field(str('string', { pattern: IANA_SVC_NAME }), 'Required when the Service has more than one port; each name must be unique.'),
    protocol: protocol('TCP (default), UDP or SCTP.'),
    appProtocol: str(),
    port: field(int32(1, 65535), 'The port the Service listens on, at its cluster IP (and external IPs).', true),
    targetPort: field(intOrString(1, 65535), 'The port on the pods that traffic goes to: a number, or the name of a container port. Defaults to `port`.'),
    nodePort: field(int32(30000, 32767), 'NodePort and LoadBalancer only: the port opened on every node (30000-32767). Chosen at random when left out.'),
  },
  'One port the Service forwards.',
);

const serviceSpec = struct(
  'v1.ServiceSpec',
  {
    ports: field(list(servicePort), 'The ports the Service exposes (not needed for ExternalName).'),
    selector: field(stringMap, 'Labels of the pods that receive the traffic. Every pair must match a pod\'s labels; a typo here leaves the Service without endpoints.'),
    clusterIP: field(str(), 'The virtual IP, allocated from 10.96.0.0/12 when empty. "None" makes a headless Service: DNS returns the pod IPs.'),
    clusterIPs: list(str()),
    type: field(str('v1.ServiceType', { enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] }), 'ClusterIP (default, inside the cluster only), NodePort (also on every node\'s IP), LoadBalancer (NodePort plus an external address), ExternalName (a DNS alias).'),
    externalIPs: field(list(str()), 'Extra IPs, owned by the nodes, on which the Service also accepts traffic.'),
    sessionAffinity: field(str('v1.ServiceAffinity', { enum: ['None', 'ClientIP'] }), 'ClientIP sends each client to the same pod.'),
    loadBalancerIP: str(),
    loadBalancerSourceRanges: list(str()),
    externalName: field(str(), 'ExternalName only: the DNS name the Service is an alias (CNAME) for.'),
    externalTrafficPolicy: field(str('v1.ServiceExternalTrafficPolicy', { enum: ['Cluster', 'Local'] }), 'Local keeps node-port traffic on the node it arrived at (and the client IP), but only nodes with a ready pod answer.'),
    healthCheckNodePort: int32(30000, 32767),
    publishNotReadyAddresses: field(bool, 'List pods in the endpoints even before they are ready.'),
    sessionAffinityConfig: struct('v1.SessionAffinityConfig', {
      clientIP: struct('v1.ClientIPConfig', { timeoutSeconds: field(int32(1, 86400), 'How long a client sticks to its pod (default 10800).') }),
    }),
    ipFamilies: list(str('v1.IPFamily', { enum: ['IPv4', 'IPv6'] })),
    ipFamilyPolicy: str('v1.IPFamilyPolicy', { enum: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] }),
    allocateLoadBalancerNodePorts: bool,
    loadBalancerClass: str(),
    internalTrafficPolicy: field(str('v1.ServiceInternalTrafficPolicy', { enum: ['Cluster', 'Local'] }), 'Local sends in-cluster traffic only to pods on the same node.'),
    trafficDistribution: str(),
  },
  'How the Service is reached and which pods it sends traffic to.',
);

const loadBalancerIngress = struct('v1.LoadBalancerIngress', {
  ip: str(),
  hostname: str(),
  ipMode: str('v1.LoadBalancerIPMode', { enum: ['VIP', 'Proxy'] }),
  ports: list(struct('v1.PortStatus', { port: int32(), protocol: str('v1.Protocol'), error: str() })),
});

const serviceStatus = struct('v1.ServiceStatus', {
  loadBalancer: struct('v1.LoadBalancerStatus', { ingress: list(loadBalancerIngress) }),
  conditions: list(condition),
});

export const service = struct('v1.Service', {
  apiVersion: str(),
  kind: str(),
  metadata: field(objectMeta, 'Name, namespace and labels of the Service. Its name becomes a DNS name: <name>.<namespace>.svc.cluster.local.', true),
  spec: field(serviceSpec, 'Ports, selector and type.', true),
  status: field(serviceStatus, 'Filled in by the cluster (load balancer addresses); ignored on create.'),
});

const endpointAddress = struct('v1.EndpointAddress', {
  ip: field(str(), 'A pod (or any) IP that traffic is sent to.', true),
  hostname: str(),
  nodeName: str(),
  targetRef: objectReference,
});

const endpointPort = struct('v1.EndpointPort', {
  name: field(str(), 'Must match the Service port\'s name when the Service names its ports.'),
  port: field(int32(1, 65535), 'The port on the addresses.', true),
  protocol: protocol('TCP (default), UDP or SCTP.'),
  appProtocol: str(),
});

export const endpoints = struct('v1.Endpoints', {
  apiVersion: str(),
  kind: str(),
  metadata: field(objectMeta, 'Must have the same name as its Service. Write Endpoints by hand only for a Service without a selector.', true),
  subsets: field(
    list(
      struct('v1.EndpointSubset', {
        addresses: field(list(endpointAddress), 'Ready addresses: they receive traffic.'),
        notReadyAddresses: field(list(endpointAddress), 'Addresses that are not ready.'),
        ports: list(endpointPort),
      }),
    ),
    'Groups of addresses with the ports they serve.',
  ),
});

export const endpointSlice = struct('v1.EndpointSlice', {
  apiVersion: str(),
  kind: str(),
  metadata: field(objectMeta, 'The label kubernetes.io/service-name ties the slice to its Service.', true),
  addressType: field(str('v1.AddressType', { enum: ['IPv4', 'IPv6', 'FQDN'] }), 'The kind of addresses in this slice.', true),
  endpoints: field(
    list(
      struct('v1.Endpoint', {
        addresses: field(list(str()), 'The endpoint\'s addresses (one for IPv4 slices).', true),
        conditions: struct('v1.EndpointConditions', { ready: bool, serving: bool, terminating: bool }),
        hostname: str(),
        targetRef: objectReference,
        deprecatedTopology: stringMap,
        nodeName: str(),
        zone: str(),
        hints: opaque('v1.EndpointHints'),
      }),
    ),
    'The endpoints: addresses with their readiness.',
    true,
  ),
  ports: list(struct('v1.EndpointPort', { name: str(), protocol: str('v1.Protocol', { enum: ['TCP', 'UDP', 'SCTP'] }), port: int32(1, 65535), appProtocol: str() })),
});

export const namespace: TypeSpec = struct('v1.Namespace', {
  apiVersion: str(),
  kind: str(),
  metadata: field(objectMeta, 'The namespace\'s name (a DNS label).', true),
  spec: struct('v1.NamespaceSpec', { finalizers: list(str('v1.FinalizerName')) }),
  status: struct('v1.NamespaceStatus', { phase: str('v1.NamespacePhase'), conditions: list(opaque('v1.NamespaceCondition')) }),
});
