// "Served by 10.40.0.3:80 (pod vote-…)": the address that answered, after DNAT,
// matched with a pod of the latest snapshot (or a node, for host-network servers).

import type { ClusterSnapshot } from '../../worker/protocol';

export interface ServedBy {
  address: string;
  /** `vote-58f8b4cff6-jxnzw` (namespace-qualified outside the current namespace), or null. */
  pod: string | null;
  node: string | null;
}

export function servedBy(address: string, snapshot: ClusterSnapshot | null): ServedBy {
  const ip = address.slice(0, address.lastIndexOf(':') >= 0 ? address.lastIndexOf(':') : address.length);
  const found: ServedBy = { address, pod: null, node: null };
  if (!snapshot) return found;
  // A node's own address (host-network servers share it with static pods): the node.
  const node = snapshot.nodes.find((n) => n.ip === ip);
  if (node) {
    found.node = node.name;
    return found;
  }
  const pod = snapshot.pods.find((p) => p.ip === ip && p.status !== 'Completed');
  if (pod) {
    found.pod = pod.namespace === snapshot.currentNamespace ? pod.name : `${pod.namespace}/${pod.name}`;
    found.node = pod.node;
  }
  return found;
}
