// The kubelets of all nodes. For each pod bound to a node it plays out what the
// real kubelet and containerd do, on the virtual clock: sandbox (pod IP from
// weave), image pull or "already present", create and start, readiness, and on
// deletion SIGTERM and removal. Failures follow the real state machine:
// ErrImagePull / ImagePullBackOff, Completed / Error / CrashLoopBackOff with
// exponential back-off (10s doubling to 5m).

import { cloneJson } from '../core/clone';
import type { Container, ContainerStatus, Node, Pod, PodCondition } from '../api/types';
import type { ControllerContext } from './context';
import type { Timer } from '../core/clock';
import { rfc3339 } from '../core/time';
import { hexString } from '../core/ids';
import { isTerminating } from './podutil';
import { nsKey, splitKey } from './queue';
import type { WeaveIpam } from '../net/weave-ipam';

/** What the image registry and the image's entrypoint mean for the kubelet. */
export interface ImageFacts {
  /** Does the registry have this reference? */
  exists: boolean;
  /** `docker.io/library/nginx:latest` */
  fullRef: string;
  /** `docker.io/library/nginx@sha256:...` (the Image ID) */
  imageID: string;
  sizeBytes: number;
  /** Containerd's error text when the pull fails. */
  pullError?: string;
}

export interface ProcessFacts {
  /** The main process exits after this many ms (undefined: runs until stopped). */
  exitsAfterMs?: number;
  exitCode?: number;
  /** containerd could not start the process (missing executable): reason StartError, exit code 128. */
  startError?: string;
  /** Seconds the process takes to stop on SIGTERM (busybox `sleep` ignores it: the whole grace period). */
  stopsAfterMs: number;
}

export interface RuntimeCatalog {
  image(ref: string): ImageFacts;
  process(pod: Pod, container: Container): ProcessFacts;
  /**
   * Called when a container starts (service env vars are captured then). When
   * the runtime runs the container's process itself, it reports the end
   * through `exited` (status and the virtual time it ended at), and
   * `process()` then gives no `exitsAfterMs`.
   */
  onContainerStart?(pod: Pod, container: Container, exited: (exitCode: number, atMs: number) => void): void;
  /** Readiness as the app reports it, for containers with a readiness probe (undefined: ready when running). */
  ready?(pod: Pod, container: Container): boolean | undefined;
}

interface ContainerRuntime {
  restarts: number;
  backoffMs: number;
  timers: Timer[];
  /** The running instance's main process: how it ends, and its exit timer when the runtime gave one. */
  main?: { exit: (exitCode: number) => void; timer?: Timer; attached: boolean };
}

interface PodRuntime {
  uid: string;
  timers: Timer[];
  containers: Map<string, ContainerRuntime>;
  ip?: string;
  stopping: boolean;
}

const BACKOFF_START = 10_000;
const BACKOFF_MAX = 300_000;

export interface Kubelet {
  /** Images already on a node's containerd (kind preloads its own). */
  imagesOn(node: string): Set<string>;
  /**
   * A client attaches to a running container's main process (`kubectl run -i`, holding its stdin): from now
   * on the process ends when the client says, with the status it gives (the shell's `exit 3`), instead of
   * on its exit timer. Undefined when the container is not running.
   */
  attachMain(pod: Pod, container: string): ((exitCode: number) => void) | undefined;
}

export function startKubelet(ctx: ControllerContext, ipam: WeaveIpam, catalog: RuntimeCatalog): Kubelet {
  const { store, clock, events } = ctx;
  const rng = ctx.rng('kubelet');
  const pods = new Map<string, PodRuntime>();
  const images = new Map<string, Set<string>>();
  /** Pulls in flight per node and image: a second pod waits for the same pull. */
  const pulling = new Map<string, number>();

  const source = (node: string) => ({ component: 'kubelet', host: node });
  const imagesOn = (node: string) => {
    let s = images.get(node);
    if (!s) images.set(node, (s = new Set()));
    return s;
  };

  // Like the real kubelet's sync loop, work happens from the queue, not inside
  // the watch callback: a pod created with its final status (bootstrap) is then
  // adopted rather than started twice.
  const sync = ctx.queue.register('kubelet', (key) => {
    const [ns, name] = splitKey(key);
    const pod = store.get<Pod>('Pod', ns, name);
    if (!pod || !pod.spec.nodeName) return;
    const uid = pod.metadata.uid!;
    if (!pods.has(uid) && pod.status?.containerStatuses) adopt(pod);
    if (isTerminating(pod)) {
      const r = pods.get(uid);
      if (r && !r.stopping) stop(pod);
      else if (!r) removeIfPresent(pod);
      return;
    }
    if (!pods.has(uid) && store.get<Node>('Node', undefined, pod.spec.nodeName)) start(pod);
  });

  store.watch('Pod', (e) => {
    const pod = e.object as Pod;
    if (e.type === 'DELETED') {
      const rt = pods.get(pod.metadata.uid!);
      if (rt) finish(rt);
      return;
    }
    if (!pod.spec.nodeName) {
      // Never scheduled: deleting it needs no kubelet.
      if (isTerminating(pod)) clock.after(0, () => removeIfPresent(pod));
      return;
    }
    sync(nsKey(pod.metadata.namespace, pod.metadata.name!));
  });

  /** A pod that was already running when the simulation began (the bootstrap's system pods). */
  function adopt(pod: Pod): void {
    const rt: PodRuntime = { uid: pod.metadata.uid!, timers: [], containers: new Map(), stopping: false };
    if (pod.status?.podIP && !pod.spec.hostNetwork) rt.ip = pod.status.podIP;
    for (const c of pod.spec.containers) rt.containers.set(c.name, { restarts: 0, backoffMs: BACKOFF_START, timers: [] });
    pods.set(rt.uid, rt);
    imagesOn(pod.spec.nodeName!);
  }

  function current(pod: Pod): Pod | undefined {
    const p = store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
    return p && p.metadata.uid === pod.metadata.uid ? p : undefined;
  }

  function writeStatus(pod: Pod, mutate: (p: Pod) => void): Pod | undefined {
    const cur = current(pod);
    if (!cur) return undefined;
    // Only the status changes: copy it, share the rest (stored objects are immutable).
    const status: NonNullable<Pod['status']> = cloneJson(cur.status ?? {});
    const next: Pod = { ...cur, status };
    mutate(next);
    status.phase = phaseOf(next);
    setReadyConditions(next, rfc3339(clock.now()));
    return store.update(next, { subresource: 'status', handOver: true });
  }

  function after(rt: PodRuntime, ms: number, fn: () => void): void {
    rt.timers.push(clock.after(ms, fn));
  }

  function jitter(min: number, max: number): number {
    return Math.round(min + rng.next() * (max - min));
  }

  function start(pod: Pod): void {
    const node = pod.spec.nodeName!;
    const rt: PodRuntime = { uid: pod.metadata.uid!, timers: [], containers: new Map(), stopping: false };
    pods.set(rt.uid, rt);
    const now = rfc3339(clock.now());
    const hostIP = store.get<Node>('Node', undefined, node)!.status.addresses.find((a) => a.type === 'InternalIP')!.address;
    writeStatus(pod, (p) => {
      const s = p.status!;
      s.hostIP = hostIP;
      s.hostIPs = [{ ip: hostIP }];
      s.startTime = now;
      s.conditions = mergeConditions(s.conditions, [
        cond('PodReadyToStartContainers', 'False', now),
        cond('Initialized', 'True', now),
        cond('Ready', 'False', now, 'ContainersNotReady'),
        cond('ContainersReady', 'False', now, 'ContainersNotReady'),
      ]);
      s.containerStatuses = p.spec.containers.map((c) => waiting(c, 'ContainerCreating'));
    });
    // The sandbox: network namespace and pod IP.
    after(rt, jitter(300, 900), () => {
      if (rt.stopping) return;
      rt.ip = pod.spec.hostNetwork ? hostIP : ipam.allocate(node);
      const t = rfc3339(clock.now());
      writeStatus(pod, (p) => {
        p.status!.podIP = rt.ip;
        p.status!.podIPs = [{ ip: rt.ip! }];
        p.status!.conditions = mergeConditions(p.status!.conditions, [cond('PodReadyToStartContainers', 'True', t)]);
      });
      for (const c of pod.spec.containers) {
        rt.containers.set(c.name, { restarts: 0, backoffMs: BACKOFF_START, timers: [] });
        pullThenRun(pod, c, rt);
      }
    });
  }

  function pullThenRun(pod: Pod, c: Container, rt: PodRuntime): void {
    const node = pod.spec.nodeName!;
    const facts = catalog.image(c.image);
    const present = imagesOn(node).has(facts.fullRef);
    const mustPull = c.imagePullPolicy === 'Always' || !present;
    if (c.imagePullPolicy === 'Never' && !present) {
      const msg = `Container image "${c.image}" is not present with pull policy of Never`;
      events.record(pod, 'Warning', 'ErrImageNeverPull', msg, source(node), `spec.containers{${c.name}}`);
      setContainer(pod, c.name, (s) => (s.state = { waiting: { reason: 'ErrImageNeverPull', message: msg } }));
      return;
    }
    if (!mustPull) {
      events.record(pod, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, source(node), `spec.containers{${c.name}}`);
      after(rt, jitter(80, 250), () => run(pod, c, rt, facts));
      return;
    }
    events.record(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, source(node), `spec.containers{${c.name}}`);
    const pullKey = `${node}\u0000${facts.fullRef}`;
    const startedAt = clock.now();
    // Pulling: the real registry is slow for big images, and a second pull of the same image waits for the first.
    const base = present ? jitter(300, 900) : Math.round(600 + facts.sizeBytes / 40_000 + jitter(0, 1200));
    const done = Math.max(startedAt + base, pulling.get(pullKey) ?? 0);
    if (facts.exists) pulling.set(pullKey, done);
    after(rt, done - startedAt, () => {
      const waited = (clock.now() - startedAt) / 1000;
      if (!facts.exists) {
        pullFailed(pod, c, rt, facts);
        return;
      }
      imagesOn(node).add(facts.fullRef);
      const took = (base / 1000).toFixed(3).replace(/\.?0+$/, '');
      events.record(
        pod,
        'Normal',
        'Pulled',
        `Successfully pulled image "${c.image}" in ${took}s (${waited.toFixed(3).replace(/\.?0+$/, '')}s including waiting). Image size: ${facts.sizeBytes} bytes.`,
        source(node),
        `spec.containers{${c.name}}`,
      );
      after(rt, jitter(80, 250), () => run(pod, c, rt, facts));
    });
  }

  function pullFailed(pod: Pod, c: Container, rt: PodRuntime, facts: ImageFacts): void {
    const node = pod.spec.nodeName!;
    const cr = rt.containers.get(c.name)!;
    const fp = `spec.containers{${c.name}}`;
    events.record(pod, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${facts.pullError ?? 'not found'}`, source(node), fp);
    events.record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', source(node), fp);
    setContainer(pod, c.name, (s) => (s.state = { waiting: { reason: 'ErrImagePull', message: facts.pullError ?? 'not found' } }));
    const wait = cr.backoffMs;
    cr.backoffMs = Math.min(cr.backoffMs * 2, BACKOFF_MAX);
    after(rt, jitter(1000, 2500), () => {
      const msg = `Back-off pulling image "${c.image}"`;
      events.record(pod, 'Normal', 'BackOff', msg, source(node), fp);
      events.record(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', source(node), fp);
      setContainer(pod, c.name, (s) => (s.state = { waiting: { reason: 'ImagePullBackOff', message: msg } }));
      after(rt, wait, () => pullThenRun(pod, c, rt));
    });
  }

  function run(pod: Pod, c: Container, rt: PodRuntime, facts: ImageFacts): void {
    if (rt.stopping) return;
    const node = pod.spec.nodeName!;
    const cr = rt.containers.get(c.name)!;
    const fp = `spec.containers{${c.name}}`;
    const containerID = `containerd://${hexString(rng, 64)}`;
    const startError = catalog.process(pod, c).startError;
    if (startError) {
      events.record(pod, 'Normal', 'Created', `Created container: ${c.name}`, source(node), fp);
      events.record(pod, 'Warning', 'Failed', `Error: ${startError}`, source(node), fp);
      const at = rfc3339(clock.now());
      setContainer(pod, c.name, (s) => {
        s.containerID = containerID;
        s.imageID = facts.imageID;
        s.image = facts.fullRef;
      });
      exited(pod, c, rt, facts, containerID, at, 128, 'StartError', startError);
      return;
    }
    events.record(pod, 'Normal', 'Created', `Created container: ${c.name}`, source(node), fp);
    events.record(pod, 'Normal', 'Started', `Started container ${c.name}`, source(node), fp);
    const startedAt = rfc3339(clock.now());
    const live = current(pod);
    let ended = false;
    const processExited = (exitCode: number, atMs: number) => {
      if (ended) return;
      ended = true;
      exited(pod, c, rt, facts, containerID, startedAt, exitCode, undefined, undefined, atMs);
    };
    if (live) catalog.onContainerStart?.(live, c, processExited);
    // Known before the status says running: a client that attaches on that news (kubectl run -i) finds it.
    const main: NonNullable<ContainerRuntime['main']> = { exit: (exitCode) => processExited(exitCode, clock.now()), attached: false };
    if (!ended) cr.main = main;
    setContainer(pod, c.name, (s) => {
      s.containerID = containerID;
      s.imageID = facts.imageID;
      s.image = facts.fullRef;
      s.started = true;
      s.state = { running: { startedAt } };
      // With a readiness probe the container is not ready until the probe passes.
      s.ready = !c.readinessProbe;
    });
    const proc = catalog.process(pod, c);
    if (proc.exitsAfterMs !== undefined && !main.attached) {
      main.timer = clock.after(proc.exitsAfterMs, () => exited(pod, c, rt, facts, containerID, startedAt, proc.exitCode ?? 0));
      cr.timers.push(main.timer);
    }
    if (c.readinessProbe) probeLoop(pod, c, rt, c.readinessProbe);
  }

  /**
   * Readiness probes: not ready until the first success after initialDelaySeconds;
   * then every periodSeconds, failureThreshold failures make it not ready again
   * and successThreshold successes make it ready.
   */
  function probeLoop(pod: Pod, c: Container, rt: PodRuntime, probe: NonNullable<Container['readinessProbe']>): void {
    const cr = rt.containers.get(c.name)!;
    const period = (probe.periodSeconds ?? 10) * 1000;
    const failureThreshold = probe.failureThreshold ?? 3;
    const successThreshold = probe.successThreshold ?? 1;
    let failures = 0;
    let successes = 0;
    let ready = false;
    const tick = () => {
      if (rt.stopping) return;
      const live = current(pod);
      if (!live) return;
      const status = live.status?.containerStatuses?.find((s) => s.name === c.name);
      if (!status?.state.running) return;
      const ok = catalog.ready?.(live, c) ?? true;
      if (ok) {
        failures = 0;
        successes++;
        if (!ready && successes >= successThreshold) {
          ready = true;
          setContainer(pod, c.name, (s) => (s.ready = true));
        }
      } else {
        successes = 0;
        failures++;
        if (ready && failures >= failureThreshold) {
          ready = false;
          setContainer(pod, c.name, (s) => (s.ready = false));
        }
        if (failures === 1 || failures % failureThreshold === 0) {
          events.record(pod, 'Warning', 'Unhealthy', `Readiness probe failed: HTTP probe failed with statuscode: 503`, source(pod.spec.nodeName!), `spec.containers{${c.name}}`);
        }
      }
      cr.timers.push(clock.after(period, tick));
    };
    cr.timers.push(clock.after((probe.initialDelaySeconds ?? 0) * 1000 + 100, tick));
  }

  function exited(pod: Pod, c: Container, rt: PodRuntime, facts: ImageFacts, containerID: string, startedAt: string, exitCode: number, reason?: string, message?: string, atMs?: number): void {
    if (rt.stopping) return;
    const node = pod.spec.nodeName!;
    const cr = rt.containers.get(c.name)!;
    cr.main = undefined;
    // A process that ran behind the clock reports when it really ended.
    const endedAt = Math.min(atMs ?? clock.now(), clock.now());
    const finishedAt = rfc3339(endedAt);
    const terminated = { exitCode, reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error'), ...(message ? { message } : {}), startedAt, finishedAt, containerID };
    const policy = pod.spec.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
    setContainer(pod, c.name, (s) => {
      s.ready = false;
      s.started = false;
      s.state = { terminated };
    });
    if (!restart) return;
    const wait = cr.restarts === 0 ? 0 : cr.backoffMs;
    if (cr.restarts > 0) cr.backoffMs = Math.min(cr.backoffMs * 2, BACKOFF_MAX);
    const backoffText = `back-off ${Math.round((wait || BACKOFF_START) / 1000)}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    cr.timers.push(
      clock.at(endedAt + (wait === 0 ? 1000 : 500), () => {
        if (wait > 0) {
          events.record(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, source(node), `spec.containers{${c.name}}`);
          setContainer(pod, c.name, (s) => {
            s.state = { waiting: { reason: 'CrashLoopBackOff', message: backoffText } };
            s.lastState = { terminated };
          });
        }
        cr.timers.push(
          clock.after(Math.max(0, wait - 500), () => {
            cr.restarts++;
            setContainer(pod, c.name, (s) => {
              s.restartCount = cr.restarts;
              s.lastState = { terminated };
            });
            events.record(pod, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, source(node), `spec.containers{${c.name}}`);
            run(pod, c, rt, facts);
          }),
        );
      }),
    );
  }

  function stop(pod: Pod): void {
    const rt = pods.get(pod.metadata.uid!)!;
    rt.stopping = true;
    for (const t of rt.timers) t.cancelled = true;
    const node = pod.spec.nodeName!;
    let slowest = 0;
    for (const c of pod.spec.containers) {
      const cr = rt.containers.get(c.name);
      for (const t of cr?.timers ?? []) t.cancelled = true;
      const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
      if (status?.state.running) {
        events.record(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, source(node), `spec.containers{${c.name}}`);
        const grace = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
        slowest = Math.max(slowest, Math.min(grace, catalog.process(pod, c).stopsAfterMs));
      }
    }
    writeStatus(pod, (p) => {
      for (const s of p.status?.containerStatuses ?? []) s.ready = false;
    });
    clock.after(slowest, () => {
      const p = current(pod);
      if (p) store.delete('Pod', p.metadata.namespace, p.metadata.name!);
    });
  }

  function removeIfPresent(pod: Pod): void {
    const p = current(pod);
    if (p) store.delete('Pod', p.metadata.namespace, p.metadata.name!);
  }

  function finish(rt: PodRuntime): void {
    for (const t of rt.timers) t.cancelled = true;
    for (const cr of rt.containers.values()) for (const t of cr.timers) t.cancelled = true;
    if (rt.ip) ipam.release(rt.ip);
    pods.delete(rt.uid);
  }

  function setContainer(pod: Pod, name: string, mutate: (s: ContainerStatus) => void): void {
    writeStatus(pod, (p) => {
      const s = p.status!.containerStatuses?.find((x) => x.name === name);
      if (s) mutate(s);
    });
  }

  function attachMain(pod: Pod, container: string): ((exitCode: number) => void) | undefined {
    const rt = pods.get(pod.metadata.uid!);
    const cr = rt?.containers.get(container);
    const main = cr?.main;
    if (!rt || !cr || !main || rt.stopping) return undefined;
    main.attached = true;
    if (main.timer) main.timer.cancelled = true;
    return (exitCode) => {
      if (cr.main === main && !rt.stopping) main.exit(exitCode);
    };
  }

  return { imagesOn, attachMain };
}

function waiting(c: Container, reason: string): ContainerStatus {
  return { name: c.name, image: c.image, imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason } }, lastState: {} };
}

function cond(type: PodCondition['type'], status: 'True' | 'False', at: string, reason?: string): PodCondition {
  return { type, status, lastProbeTime: null, lastTransitionTime: at, ...(reason ? { reason } : {}) };
}

/** Keep transition times of conditions whose status did not change. */
function mergeConditions(prev: PodCondition[] | undefined, next: PodCondition[]): PodCondition[] {
  const out = [...(prev ?? [])];
  for (const c of next) {
    const i = out.findIndex((x) => x.type === c.type);
    if (i < 0) out.push(c);
    else if (out[i].status !== c.status) out[i] = c;
  }
  const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
  return out.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
}

function phaseOf(p: Pod): NonNullable<Pod['status']>['phase'] {
  const statuses = p.status?.containerStatuses ?? [];
  if (statuses.length === 0) return p.status?.phase ?? 'Pending';
  const policy = p.spec.restartPolicy ?? 'Always';
  if (statuses.some((s) => s.state.running)) return 'Running';
  const allTerminated = statuses.every((s) => s.state.terminated);
  if (allTerminated && policy !== 'Always') {
    const failed = statuses.some((s) => (s.state.terminated?.exitCode ?? 0) !== 0);
    if (policy === 'Never' || !failed) return failed ? 'Failed' : 'Succeeded';
  }
  // Restarting containers keep a pod Running once it has run.
  if (statuses.some((s) => s.restartCount > 0 || s.state.terminated || s.lastState.terminated)) return 'Running';
  return 'Pending';
}

/** Ready / ContainersReady follow the containers, with the kubelet's reason and message. */
function setReadyConditions(p: Pod, now: string): void {
  const statuses = p.status?.containerStatuses ?? [];
  if (statuses.length === 0) return;
  const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
  const status = notReady.length === 0 ? 'True' : 'False';
  const conds = p.status!.conditions ?? [];
  for (const type of ['Ready', 'ContainersReady'] as const) {
    const i = conds.findIndex((c) => c.type === type);
    const prev = conds[i];
    if (prev && prev.status === status) {
      if (status === 'False') prev.message = `containers with unready status: [${notReady.join(' ')}]`;
      continue;
    }
    const c: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime: now };
    if (status === 'False') {
      c.reason = 'ContainersNotReady';
      c.message = `containers with unready status: [${notReady.join(' ')}]`;
    }
    if (i < 0) conds.push(c);
    else conds[i] = c;
  }
  p.status!.conditions = conds;
}
