// Everything that runs on the nodes, beside the control plane: kube-proxy's
// rules, the network the packet engine walks, CoreDNS, the apps in the
// containers, their logs, and the trace log of every connection.

import type { ApiStore } from '../api/store';
import type { ClusterConfig } from '../cluster/config';
import type { Rng } from '../core/rng';
import type { WeaveIpam } from '../net/weave-ipam';
import { NetState } from '../packet/state';
import { CoreDns } from '../dns/coredns';
import { KubeProxyRunner } from './kube-proxy-runner';
import { SimNetworkView, nodeIPv6 } from './network';
import { Transports } from './transports';
import { AppRuntime } from './apps';
import { LogStore } from './logs';
import { TraceLog } from './traces';
import type { Clock } from './clock-like';
import type { Node } from '../api/types';
import type { VirtualFs } from '../../shell/fs/vfs';
import { buildNodeFs } from './node-fs';

export class ClusterRuntime {
  readonly logs = new LogStore();
  readonly traces = new TraceLog();
  readonly netState = new NetState();
  readonly kubeProxy: KubeProxyRunner;
  readonly network: SimNetworkView;
  readonly dns: CoreDns;
  readonly apps: AppRuntime;
  readonly transports: Transports;
  private readonly nodeFiles = new Map<string, VirtualFs>();

  constructor(
    private readonly store: ApiStore,
    cluster: ClusterConfig,
    ipam: WeaveIpam,
    private readonly clock: Clock,
    rng: (label: string) => Rng,
  ) {
    this.kubeProxy = new KubeProxyRunner(store, cluster.podCIDR);
    this.apps = new AppRuntime(store, clock, rng, this.logs, cluster);
    this.network = new SimNetworkView(store, cluster, ipam, this.kubeProxy, this.apps);
    this.dns = new CoreDns(store, { rng: rng('coredns'), now: () => clock.now() });
    this.transports = new Transports(this.network, this.netState, rng('packets'), clock, this.traces, this.apps, this.dns);
    this.apps.transports = this.transports;
  }

  /** A kind node container's own files. */
  nodeFs(node: string): VirtualFs | undefined {
    let fs = this.nodeFiles.get(node);
    if (fs) return fs;
    const n = this.store.get<Node>('Node', undefined, node);
    if (!n) return undefined;
    const ip = n.status.addresses.find((a) => a.type === 'InternalIP')!.address;
    fs = buildNodeFs(node, ip, nodeIPv6(ip), () => this.clock.now());
    this.nodeFiles.set(node, fs);
    return fs;
  }
}

export type { TraceRecord } from './traces';
export type { LogLine } from './logs';
