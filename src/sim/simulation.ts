// The whole simulated world: clock, seeded randomness, the API store with its
// controllers, and the node-level machinery (CNI, kube-proxy, DNS, apps).
// A Simulation is a pure function of (seed, cluster config, ordered inputs,
// virtual time): it never reads real time or Math.random.

import { VirtualClock } from './core/clock';
import { Rng } from './core/rng';
import { ApiStore } from './api/store';
import { ClusterIPAllocator, NodePortAllocator } from './api/allocators';
import { serviceStrategy } from './api/strategies/service';
import { podStrategy } from './api/strategies/pod';
import { daemonSetStrategy, deploymentStrategy, replicaSetStrategy } from './api/strategies/workloads';
import { configMapStrategy } from './api/strategies/config';
import { namespaceStrategy } from './api/strategies/cluster';
import { WorkQueue } from './controllers/queue';
import { EventRecorder } from './controllers/events';
import type { ControllerContext } from './controllers/context';
import { startReplicaSetController } from './controllers/replicaset';
import { startDeploymentController } from './controllers/deployment';
import { startDaemonSetController } from './controllers/daemonset';
import { startRootCaPublisher } from './controllers/root-ca-publisher';
import { clusterCaPem } from './runtime/container-fs';
import { startScheduler } from './controllers/scheduler';
import { startKubelet, type Kubelet, type RuntimeCatalog } from './controllers/kubelet';
import { startEndpointControllers } from './controllers/endpoints';
import { startGarbageCollector } from './controllers/garbage-collector';
import { WeaveIpam } from './net/weave-ipam';
import { bootstrapCluster } from './cluster/bootstrap';
import { DEFAULT_CLUSTER, type ClusterConfig } from './cluster/config';
import { ClusterRuntime } from './runtime';
import { VirtualFs } from '../shell/fs/vfs';
import { buildSnapshot } from './snapshot';
import type { ClusterSnapshot } from '../worker/protocol';

export const DEFAULT_SEED = 105;

/** The learner arrives ten minutes after `kind create cluster` finished. */
export const CLUSTER_CREATED_MS = Date.UTC(2026, 0, 12, 8, 50, 0);
export const SESSION_START_MS = CLUSTER_CREATED_MS + 10 * 60_000;

export interface SimulationOptions {
  seed?: number;
  cluster?: ClusterConfig;
  /** Replace the container runtime's knowledge of images and processes (tests). */
  catalog?: RuntimeCatalog;
}

export class Simulation {
  readonly seed: number;
  readonly cluster: ClusterConfig;
  readonly clock: VirtualClock;
  readonly store: ApiStore;
  readonly events: EventRecorder;
  readonly ipam: WeaveIpam;
  readonly kubelet: Kubelet;
  readonly clusterIPs: ClusterIPAllocator;
  readonly nodePorts: NodePortAllocator;
  /** What runs on the nodes: kube-proxy, the network, CoreDNS, the apps, logs and packet traces. */
  readonly runtime: ClusterRuntime;
  /** The learner's files (editor and terminal share them). */
  readonly fs: VirtualFs;
  private readonly queue = new WorkQueue();
  private readonly streams = new Map<string, Rng>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private snapshotCache?: ClusterSnapshot;
  /** The namespace set on kubectl's current context, if any (kubeconfig state travels with the cluster). */
  contextNamespace: string | undefined = undefined;

  /** Where namespaced kubectl commands go without -n. */
  get currentNamespace(): string {
    return this.contextNamespace || 'default';
  }

  constructor(opts: SimulationOptions = {}) {
    this.seed = opts.seed ?? DEFAULT_SEED;
    this.cluster = opts.cluster ?? DEFAULT_CLUSTER;
    this.clock = new VirtualClock(CLUSTER_CREATED_MS);
    this.store = new ApiStore(() => this.clock.now(), this.rng('apiserver'));
    this.fs = new VirtualFs({ now: () => this.clock.now() });
    this.events = new EventRecorder(this.store, () => this.clock.now());
    this.ipam = new WeaveIpam(this.cluster.podCIDR);
    this.clusterIPs = new ClusterIPAllocator(this.cluster.serviceCIDR, this.rng('clusterip-allocator'));
    this.nodePorts = new NodePortAllocator(this.cluster.nodePortRange[0], this.cluster.nodePortRange[1], this.rng('nodeport-allocator'));

    this.store.registerStrategy('Service', serviceStrategy(this.clusterIPs, this.nodePorts));
    this.store.registerStrategy('Pod', podStrategy(this.rng('serviceaccount-admission')));
    this.store.registerStrategy('ReplicaSet', replicaSetStrategy);
    this.store.registerStrategy('Deployment', deploymentStrategy);
    this.store.registerStrategy('DaemonSet', daemonSetStrategy);
    this.store.registerStrategy('ConfigMap', configMapStrategy);
    this.store.registerStrategy('Namespace', namespaceStrategy);

    this.runtime = new ClusterRuntime(this.store, this.cluster, this.ipam, this.clock, (label) => this.rng(label));
    this.runtime.apps.simulation = this;

    const ctx: ControllerContext = {
      store: this.store,
      queue: this.queue,
      clock: this.clock,
      events: this.events,
      rng: (label) => this.rng(label),
    };
    startGarbageCollector(ctx);
    startDeploymentController(ctx);
    startReplicaSetController(ctx);
    startDaemonSetController(ctx);
    startScheduler(ctx);
    startEndpointControllers(ctx);
    startRootCaPublisher(ctx, () => clusterCaPem(CLUSTER_CREATED_MS));
    this.kubelet = startKubelet(ctx, this.ipam, opts.catalog ?? this.runtime.apps);

    this.store.watchAll(() => {
      this.version++;
      this.snapshotCache = undefined;
    });

    bootstrapCluster(this.cluster, {
      store: this.store,
      rng: this.rng('bootstrap'),
      ipam: this.ipam,
      now: () => this.clock.now(),
      advance: (ms) => this.advanceTo(this.clock.now() + ms),
      preloadImages: (node, refs) => {
        for (const r of refs) this.kubelet.imagesOn(node).add(r);
      },
      stream: (label) => this.rng(label),
      caPem: clusterCaPem(CLUSTER_CREATED_MS),
    });
    this.advanceTo(SESSION_START_MS);
  }

  now(): number {
    return this.clock.now();
  }

  /** The random stream for one concern (`apiserver`, `kubelet`, `kube-proxy/kind-worker`...). */
  rng(label: string): Rng {
    let r = this.streams.get(label);
    if (!r) {
      r = Rng.fork(this.seed, label);
      this.streams.set(label, r);
    }
    return r;
  }

  /** Run the controllers until nothing is left to do at the current instant. */
  settle(): void {
    this.queue.drain();
    this.notify();
  }

  /** Move virtual time forward, firing timers in order and letting controllers react. */
  advanceTo(ms: number): void {
    this.settle();
    this.clock.advanceTo(ms, () => this.queue.drain());
    this.notify();
  }

  advance(ms: number): void {
    this.advanceTo(this.clock.now() + ms);
  }

  /**
   * advanceTo, stopping early after the first batch of timers for which
   * `pause` says so (a container's process woke up: the caller lets it run,
   * then continues). Returns whether `ms` was reached.
   */
  advanceUntil(ms: number, pause: () => boolean): boolean {
    this.settle();
    const reached = this.clock.advanceTo(ms, () => this.queue.drain(), pause);
    this.notify();
    return reached;
  }

  /** Called after changes (the worker batches these into snapshots for the UI). */
  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  get changeVersion(): number {
    return this.version;
  }

  snapshot(): ClusterSnapshot {
    this.snapshotCache ??= buildSnapshot(this, this.version);
    return this.snapshotCache;
  }

  private notifiedVersion = -1;
  private notify(): void {
    if (this.notifiedVersion === this.version) return;
    this.notifiedVersion = this.version;
    for (const l of this.listeners) l();
  }
}
