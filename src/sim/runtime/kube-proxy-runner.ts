// kube-proxy as it runs on every node: it watches Services, EndpointSlices and
// Nodes and re-syncs its rules. The model is shared by all nodes (it computes
// what is identical once) and syncs lazily, when tables are looked at or a
// packet needs them: the result is the same as syncing after every change.

import type { ApiStore } from '../api/store';
import type { EndpointSlice, Node, Service } from '../api/types';
import { KubeProxy } from '../proxy/kube-proxy';
import { ClusterCounters, type NodeCounters } from '../proxy/counters';
import type { NodeTables } from '../proxy/rules/model';

export class KubeProxyRunner {
  readonly proxy: KubeProxy;
  readonly counters = new ClusterCounters();
  private dirty = true;

  constructor(store: ApiStore, clusterCIDR: string) {
    this.proxy = new KubeProxy({ clusterCIDR });
    for (const s of store.list<Service>('Service')) this.proxy.setService(s);
    for (const s of store.list<EndpointSlice>('EndpointSlice')) this.proxy.setEndpointSlice(s);
    this.setNodes(store.list<Node>('Node'));
    store.watch('Service', (e) => {
      if (e.type === 'DELETED') this.proxy.deleteService(e.object.metadata.namespace!, e.object.metadata.name!);
      else this.proxy.setService(e.object as Service);
      this.dirty = true;
    });
    store.watch('EndpointSlice', (e) => {
      if (e.type === 'DELETED') this.proxy.deleteEndpointSlice(e.object as EndpointSlice);
      else this.proxy.setEndpointSlice(e.object as EndpointSlice);
      this.dirty = true;
    });
    store.watch('Node', () => {
      this.setNodes(store.list<Node>('Node'));
      this.dirty = true;
    });
  }

  private setNodes(nodes: Node[]): void {
    this.proxy.setNodes(nodes.map((n) => ({ name: n.metadata.name!, ip: n.status.addresses.find((a) => a.type === 'InternalIP')!.address })));
  }

  tables(node: string): NodeTables {
    if (this.dirty) {
      this.proxy.sync();
      this.dirty = false;
    }
    return this.proxy.tables(node);
  }

  nodeCounters(node: string): NodeCounters {
    return this.counters.node(node);
  }
}
