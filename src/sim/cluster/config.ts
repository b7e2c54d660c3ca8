// The shape of the simulated cluster. The default is what `kind create cluster`
// with a three-node config gives, with weave as the CNI (as in the K105 lab).

export interface NodeConfig {
  name: string;
  role: 'control-plane' | 'worker';
  ip: string;
}

export interface ClusterConfig {
  name: string;
  kubernetesVersion: string;
  nodes: NodeConfig[];
  serviceCIDR: string;
  /** Weave's IPALLOC_RANGE, also kube-proxy's --cluster-cidr. */
  podCIDR: string;
  nodePortRange: [number, number];
  clusterDomain: string;
  dnsIP: string;
  /** The node network (the kind docker network) and its gateway. */
  nodeNetwork: string;
  gateway: string;
  containerRuntime: string;
  osImage: string;
  kernelVersion: string;
}

export const DEFAULT_CLUSTER: ClusterConfig = {
  name: 'kind',
  kubernetesVersion: 'v1.32.2',
  nodes: [
    { name: 'kind-control-plane', role: 'control-plane', ip: '172.18.0.2' },
    { name: 'kind-worker', role: 'worker', ip: '172.18.0.3' },
    { name: 'kind-worker2', role: 'worker', ip: '172.18.0.4' },
  ],
  serviceCIDR: '10.96.0.0/12',
  podCIDR: '10.32.0.0/12',
  nodePortRange: [30000, 32767],
  clusterDomain: 'cluster.local',
  dnsIP: '10.96.0.10',
  nodeNetwork: '172.18.0.0/16',
  gateway: '172.18.0.1',
  containerRuntime: 'containerd://2.0.2',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  kernelVersion: '6.8.0-45-generic',
};

/** A bigger cluster of the same shape (benchmarks, scale tests): one control plane and n-1 workers. */
export function clusterWithNodes(n: number): ClusterConfig {
  const nodes: NodeConfig[] = [{ name: 'kind-control-plane', role: 'control-plane', ip: '172.18.0.2' }];
  for (let i = 1; i < n; i++) {
    const ip = 2 + i;
    nodes.push({ name: i === 1 ? 'kind-worker' : `kind-worker${i}`, role: 'worker', ip: `172.18.${Math.floor(ip / 256)}.${ip % 256}` });
  }
  return { ...DEFAULT_CLUSTER, nodes };
}
