// The processes inside containers: what the kubelet starts (from the image
// catalog), the app each runs, its environment as the kubelet injected it at
// start, its file tree, its logs, and its background work on the virtual
// clock. Also the container runtime's view of images for the kubelet.

import type { ApiStore } from '../api/store';
import type { Container, Node, Pod, Probe, Service } from '../api/types';
import type { ClusterConfig } from '../cluster/config';
import type { Timer } from '../core/clock';
import type { Rng } from '../core/rng';
import type { ImageFacts, ProcessFacts, RuntimeCatalog } from '../controllers/kubelet';
import { createApp, imageFacts, lookupImage, processFacts, type AppInstance, type ImageInfo } from '../apps';
import { kubeletEnv, processEnv, servicesForEnv, type EnvEntry } from '../dns/env';
import { podResolvConf } from '../dns/resolvconf';
import { podHostsEntries } from '../dns/hosts';
import type { VirtualFs } from '../../shell/fs/vfs';
import { buildContainerFs } from './container-fs';
import { ProcessTable, processRunner, type ContainerProcess } from './processes';
import { parseRfc3339 } from '../core/time';
import type { Protocol } from '../proxy/rules/model';
import type { LogStore } from './logs';
import type { Clock } from './clock-like';
import type { Transports } from './transports';
import type { ListenerLookup } from './network';
import type { ServerLookup } from './transports';

interface RunningContainer {
  pod: Pod;
  container: Container;
  image: ImageInfo;
  app: AppInstance;
  /** The process environment, computed on first use from what the kubelet captured at start. */
  readonly env: EnvEntry[];
  fs?: VirtualFs;
  timer?: Timer;
  /** The container's own process, when the runtime runs its command line (see processes.ts). */
  process?: ContainerProcess;
}

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'zsh']);

/** `sh` with no script and stdin kept open (`kubectl run -it ... -- sh`): it waits for input, which only attach gives. */
function waitsForStdin(argv: readonly string[], c: Container): boolean {
  return !!c.stdin && SHELL_NAMES.has(argv[0].split('/').pop()!) && !argv.includes('-c');
}

const DNS_PORTS = [53, 8080, 8181, 9153];

/**
 * The Services a container's environment is made from, per namespace: one
 * shared list per version of the namespace's Services, so that thousands of
 * containers started between two Service changes share it (a real kubelet
 * recomputes it per container; the result is the same).
 */
class ServiceSnapshots {
  private readonly versions = new Map<string, number>();
  private readonly cache = new Map<string, { version: number; services: Service[] }>();

  constructor(private readonly store: ApiStore) {
    store.watch('Service', (e) => {
      const ns = e.object.metadata.namespace!;
      this.versions.set(ns, (this.versions.get(ns) ?? 0) + 1);
      // The `kubernetes` service is in every pod's environment.
      if (ns === 'default' && e.object.metadata.name === 'kubernetes') this.versions.set('*', (this.versions.get('*') ?? 0) + 1);
    });
  }

  at(namespace: string, enableServiceLinks: boolean): Service[] {
    const key = `${namespace}/${enableServiceLinks}`;
    const version = (this.versions.get(namespace) ?? 0) * 1_000_003 + (this.versions.get('*') ?? 0);
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return hit.services;
    const services = servicesForEnv(this.store, namespace, enableServiceLinks);
    this.cache.set(key, { version, services });
    return services;
  }
}

/** A Map whose entries are computed the first time anyone reads them. */
function lazyEnvMap(compute: () => EnvEntry[]): ReadonlyMap<string, string> {
  let map: Map<string, string> | undefined;
  const get = () => (map ??= new Map(compute().map((e) => [e.name, e.value])));
  return new Proxy(new Map<string, string>(), {
    get(_t, prop) {
      const m = get();
      const v = Reflect.get(m, prop, m);
      return typeof v === 'function' ? v.bind(m) : v;
    },
  });
}

export class AppRuntime implements RuntimeCatalog, ListenerLookup, ServerLookup {
  private readonly running = new Map<string, RunningContainer>();
  private readonly byPod = new Map<string, Set<string>>();
  private readonly serviceSnapshots: ServiceSnapshots;
  transports?: Transports;
  /** The simulation this runtime belongs to (the shell layer runs container processes against it). */
  simulation?: unknown;
  /** The containers' own processes, and whether one of them is ready to run. */
  readonly processes: ProcessTable;

  constructor(
    private readonly store: ApiStore,
    private readonly clock: Clock,
    private readonly rng: (label: string) => Rng,
    private readonly logs: LogStore,
    private readonly cluster: ClusterConfig,
  ) {
    this.serviceSnapshots = new ServiceSnapshots(store);
    this.processes = new ProcessTable(clock);
    store.watch('Pod', (e) => {
      if (e.type === 'DELETED') this.stopPod(e.object as Pod);
    });
  }

  // ---------------------------------------------------------------- RuntimeCatalog (for the kubelet)

  image(ref: string): ImageFacts {
    return imageFacts(ref);
  }

  process(pod: Pod, c: Container): ProcessFacts {
    const p = processFacts(lookupImage(c.image), c);
    // A process the runtime runs reports its own end (onContainerStart's `exited`).
    if (this.running.get(this.key(pod.metadata.uid!, c.name))?.process) return { stopsAfterMs: p.stopsAfterMs, startError: p.startError };
    return { exitsAfterMs: p.exitsAfterMs, exitCode: p.exitCode, stopsAfterMs: p.stopsAfterMs, startError: p.startError };
  }

  onContainerStart(pod: Pod, c: Container, exited?: (exitCode: number, atMs: number) => void): void {
    const key = this.key(pod.metadata.uid!, c.name);
    this.stopContainer(key);
    this.logs.restart(pod.metadata.uid!, c.name);
    const image = lookupImage(c.image);
    const facts = processFacts(image, c);
    // The kubelet fixes the environment now: Services created later are not in it.
    const services = this.serviceSnapshots.at(pod.metadata.namespace!, pod.spec.enableServiceLinks !== false);
    let envEntries: EnvEntry[] | undefined;
    const envOf = () =>
      (envEntries ??= processEnv({ imageEnv: image.env, hostname: pod.metadata.name!, kubelet: kubeletEnv(pod, c, services), home: image.user.home }));
    const ip = pod.status?.podIP ?? '';
    const node = this.store.get<Node>('Node', undefined, pod.spec.nodeName!);
    const origin = pod.spec.hostNetwork ? { kind: 'node' as const, node: pod.spec.nodeName! } : { kind: 'pod' as const, ip };
    const transports = this.transports!;
    const uid = pod.metadata.uid!;
    const app = createApp(
      {
        pod: { name: pod.metadata.name!, namespace: pod.metadata.namespace!, ip, nodeName: pod.spec.nodeName!, uid },
        container: c.name,
        image,
        env: lazyEnvMap(envOf),
        argv: facts.argv,
        now: () => this.clock.now(),
        rng: this.rng(`app/${pod.metadata.namespace}/${pod.metadata.name}/${c.name}`),
        log: (stream, text, at) => this.logs.append(uid, c.name, { at: at ?? this.clock.now(), stream, text }),
        net: { dns: transports.dnsFrom(origin), tcp: transports.tcpFrom(origin) },
        resolv: { conf: podResolvConf(pod).conf, hosts: podHostsEntries(pod), libc: image.libc === 'none' ? 'glibc' : image.libc },
        containerPorts: (c.ports ?? []).map((p) => p.containerPort),
        host: { kernelVersion: node?.status.nodeInfo.kernelVersion, cpus: Number(node?.status.capacity?.cpu ?? 8) },
      },
      facts.runsApp,
    );
    const rc: RunningContainer = {
      pod,
      container: c,
      image,
      app,
      get env() {
        return envOf();
      },
    };
    this.running.set(key, rc);
    const podKey = `${pod.metadata.namespace}/${pod.metadata.name}`;
    let set = this.byPod.get(podKey);
    if (!set) this.byPod.set(podKey, (set = new Set()));
    set.add(key);
    app.start();
    this.schedule(rc, 0);
    if (!facts.runsApp && !facts.startError && exited) this.startProcess(rc, facts.argv, exited);
  }

  /**
   * Run the container's command line in its own shell (the shell layer's
   * runner), when the image has the program: its output is the container's
   * log and its exit status ends the container.
   */
  private startProcess(rc: RunningContainer, argv: readonly string[], exited: (exitCode: number, atMs: number) => void): void {
    const runner = processRunner();
    if (!runner || !this.simulation || argv.length === 0 || rc.image.userland === 'distroless' || waitsForStdin(argv, rc.container)) return;
    const { pod, container } = rc;
    const start = runner(this.simulation, { namespace: pod.metadata.namespace!, pod: pod.metadata.name!, container: container.name, argv });
    if (!start) return;
    const uid = pod.metadata.uid!;
    rc.process = this.processes.spawn({
      log: (stream, text, at) => this.logs.append(uid, container.name, { at, stream, text }),
      exit: (status, at) => exited(status, at),
    });
    start(rc.process);
  }

  /** Resolves once no container process is ready to run (each waits for the clock, or has ended). */
  idle(): Promise<void> {
    return this.processes.idle();
  }

  ready(pod: Pod, c: Container): boolean | undefined {
    if (!c.readinessProbe) return undefined;
    return this.probe(pod, c, c.readinessProbe);
  }

  /** What the kubelet's probe sees: an HTTP GET, a TCP connect, or an exec (which always succeeds here). */
  probe(pod: Pod, c: Container, probe: Probe): boolean {
    const rc = this.running.get(this.key(pod.metadata.uid!, c.name));
    if (!rc) return false;
    const port = (p: number | string) => (typeof p === 'number' ? p : ((c.ports ?? []).find((x) => x.name === p)?.containerPort ?? Number(p)));
    if (probe.httpGet) {
      const target = port(probe.httpGet.port);
      if (!rc.app.listens(target) || !rc.app.http) return false;
      const res = rc.app.http(
        { method: 'GET', path: probe.httpGet.path ?? '/', version: 'HTTP/1.1', headers: [['Host', `${pod.status?.podIP}:${target}`], ['User-Agent', 'kube-probe/1.32'], ['Accept', '*/*'], ['Connection', 'close']], body: '', clientAddress: `${pod.status?.hostIP}:52344` },
        target,
      );
      return res.status >= 200 && res.status < 400;
    }
    if (probe.tcpSocket) return rc.app.listens(port(probe.tcpSocket.port));
    return true;
  }

  // ---------------------------------------------------------------- lookups

  podListens(namespace: string, pod: string, port: number, protocol: Protocol): boolean {
    for (const key of this.byPod.get(`${namespace}/${pod}`) ?? []) {
      const rc = this.running.get(key)!;
      if (this.isDns(rc)) {
        if (DNS_PORTS.includes(port)) return true;
        continue;
      }
      if (protocol === 'tcp' && rc.app.listens(port)) return true;
    }
    return false;
  }

  tcpServer(namespace: string, pod: string, port: number): AppInstance | undefined {
    for (const key of this.byPod.get(`${namespace}/${pod}`) ?? []) {
      const rc = this.running.get(key)!;
      if (rc.app.listens(port)) return rc.app;
    }
    return undefined;
  }

  isDnsServer(namespace: string, pod: string): boolean {
    for (const key of this.byPod.get(`${namespace}/${pod}`) ?? []) if (this.isDns(this.running.get(key)!)) return true;
    return false;
  }

  private isDns(rc: RunningContainer): boolean {
    return rc.image.fullRef.includes('/coredns/coredns:');
  }

  /** The running container of a pod (the first one when `container` is not given). */
  container(namespace: string, pod: string, container?: string): { app: AppInstance; env: EnvEntry[]; image: ImageInfo; pod: Pod; container: Container } | undefined {
    for (const key of this.byPod.get(`${namespace}/${pod}`) ?? []) {
      const rc = this.running.get(key)!;
      if (!container || rc.container.name === container) return rc;
    }
    return undefined;
  }

  /** The container's own file tree: /etc/hostname, /etc/hosts, /etc/resolv.conf as the kubelet writes them. */
  containerFs(namespace: string, pod: string, container?: string): VirtualFs | undefined {
    for (const key of this.byPod.get(`${namespace}/${pod}`) ?? []) {
      const rc = this.running.get(key)!;
      if (container && rc.container.name !== container) continue;
      rc.fs ??= this.buildFs(rc);
      return rc.fs;
    }
    return undefined;
  }

  private buildFs(rc: RunningContainer): VirtualFs {
    const pod = rc.pod;
    const node = pod.spec.nodeName ? this.store.get<Node>('Node', undefined, pod.spec.nodeName) : undefined;
    const first = this.store.get<Node>('Node', undefined, this.cluster.nodes[0].name);
    const created = first?.metadata.creationTimestamp ? parseRfc3339(first.metadata.creationTimestamp) : 0;
    const started = pod.status?.startTime ? parseRfc3339(pod.status.startTime) : this.clock.now();
    return buildContainerFs({
      image: rc.image,
      pod,
      container: rc.container,
      clusterDomain: this.cluster.clusterDomain,
      now: () => this.clock.now(),
      issuedAtMs: started,
      nodeUid: node?.metadata.uid,
      clusterCreatedMs: created,
    });
  }

  // ---------------------------------------------------------------- lifecycle

  private key(uid: string, container: string): string {
    return `${uid}/${container}`;
  }

  /** Background work: call wake() when it is due, on the virtual clock. */
  private schedule(rc: RunningContainer, inMs: number): void {
    if (!rc.app.wake) return;
    rc.timer = this.clock.after(inMs, () => {
      const next = rc.app.wake!();
      if (next !== undefined) this.schedule(rc, Math.max(1, next));
    });
  }

  private stopContainer(key: string): void {
    const rc = this.running.get(key);
    if (!rc) return;
    if (rc.timer) rc.timer.cancelled = true;
    rc.process?.kill();
    rc.app.stop?.();
    this.running.delete(key);
    this.byPod.get(`${rc.pod.metadata.namespace}/${rc.pod.metadata.name}`)?.delete(key);
  }

  /** SIGTERM to every container of a pod (deletion began) or the pod is gone. */
  stopPod(pod: Pod): void {
    const keys = [...(this.byPod.get(`${pod.metadata.namespace}/${pod.metadata.name}`) ?? [])];
    for (const k of keys) if (this.running.get(k)?.pod.metadata.uid === pod.metadata.uid) this.stopContainer(k);
  }
}
