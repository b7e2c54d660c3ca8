// kubectl run NAME --image=IMAGE: one Pod, labelled run=NAME, the container
// named after the pod, arguments after `--` (or a command with --command);
// with --expose a ClusterIP Service for it too. With -i (or --attach) kubectl
// waits for the pod to run and attaches to its main process: a shell holds the
// terminal until its `exit`, a command prints its output; --rm then deletes
// what run created. All as kubectl v1.32's pkg/cmd/run does it.

import { cloneJson } from '../../../sim/core/clone';
import type { KubeObject, Pod, Service } from '../../../sim/api/types';
import { StatusError } from '../../../sim/api/errors';
import { containerArgv, lookupImage } from '../../../sim/apps';
import { parseImageRef } from '../../../sim/apps/image-ref';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, klogRequired } from '../errors';
import { parseOutputFormat, printObjects, type OutputFormat } from '../output';
import { dryRunFlag, dryRunMode, dryRunSuffix, type DryRun } from '../dry-run';
import { goStructShape } from '../../../sim/api/schema/go-field-order';
import { logFollower, WAIT_TIMEOUT } from '../pods';
import { interactiveShell } from './exec';
import { commandsFor } from '../../locations';
import { shellQuote } from '../../quote';
import type { LogLine } from '../../../sim/runtime';

export const runFlags: FlagSpec[] = [
  { name: 'image', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'env', type: 'stringArray' },
  { name: 'restart', type: 'string' },
  { name: 'command', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'attach', type: 'bool' },
  { name: 'leave-stdin-open', type: 'bool' },
  { name: 'pod-running-timeout', type: 'duration' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'annotations', type: 'stringArray' },
  { name: 'expose', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'overrides', type: 'string' },
  { name: 'privileged', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  dryRunFlag,
];

function usage(message: string): KubectlError {
  return new KubectlError(`error: ${message}\nSee 'kubectl run -h' for help and examples`);
}

/** `k=v,k2=v2` as kubectl's generators parse labels. */
function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of text.split(',')) {
    const eq = kv.indexOf('=');
    if (eq < 0) out[kv] = '';
    else out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

export async function runRun(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  if (!f.changed('image')) throw klogRequired(env, 'image');
  // Complete: the dry-run strategy and the printer.
  const dryRun = dryRunMode(env);
  const format = f.str('output') ? parseOutputFormat(f.str('output'), false) : undefined;
  // Run's checks, in kubectl's order.
  if (f.args.length === 0 || f.dashAt === 0) throw usage('NAME is required for run');
  const timeout = f.duration('pod-running-timeout', 60_000);
  if (timeout <= 0) throw usage('--pod-running-timeout must be higher than zero');
  const image = f.str('image');
  if (image === '') throw new KubectlError('error: --image is required');
  if (!parseImageRef(image).ok) throw new KubectlError(`error: Invalid image name "${image}": invalid reference format`);
  const stdin = f.bool('stdin');
  const tty = f.bool('tty');
  if (tty && !stdin) throw usage('-i/--stdin is required for containers with -t/--tty=true');
  const port = f.str('port');
  if (f.bool('expose') && port === '') throw usage('--port must be set when exposing a service');
  const restart = f.changed('restart') ? f.str('restart') || (stdin ? 'OnFailure' : 'Always') : 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw usage(`invalid restart policy: ${restart}`);
  const attach = f.changed('attach') ? f.bool('attach') : stdin;
  const rm = f.bool('rm');
  if (!attach && rm) throw usage('--rm should only be used for attached containers');
  if (attach && dryRun !== 'none') throw usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pullPolicy = f.str('image-pull-policy');
  if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) throw usage(`invalid image pull policy: ${pullPolicy}`);

  // The Pod generator's own checks.
  if (port !== '' && !/^[-+]?\d+$/.test(port)) throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
  const name = f.args[0];
  const extra = f.args.slice(1);
  const labels = f.str('labels') ? parseLabels(f.str('labels')) : { run: name };
  const annotations = Object.fromEntries(
    f.list('annotations').map((kv) => {
      const eq = kv.indexOf('=');
      return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
    }),
  );
  const envVars = f.list('env').map((kv) => {
    const eq = kv.indexOf('=');
    return { name: kv.slice(0, eq), value: kv.slice(eq + 1) };
  });
  const container: Pod['spec']['containers'][number] = {
    ...(extra.length && !f.bool('command') ? { args: extra } : {}),
    ...(extra.length && f.bool('command') ? { command: extra } : {}),
    ...(envVars.length ? { env: envVars } : {}),
    image,
    ...(pullPolicy ? { imagePullPolicy: pullPolicy as 'Always' } : {}),
    name,
    ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
    resources: {},
    ...(f.bool('privileged') ? { securityContext: { privileged: true } } : {}),
    ...(stdin ? { stdin: true, stdinOnce: true } : {}),
    ...(tty ? { tty: true } : {}),
  } as Pod['spec']['containers'][number];
  // Client-side dry run sets the namespace only when -n named it (kubectl's EnforceNamespace).
  const namespace = dryRun === 'client' && env.explicitNamespace ? { namespace: env.namespace } : {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...(Object.keys(annotations).length ? { annotations } : {}), creationTimestamp: null, labels, name, ...namespace },
    // The generator defaults an empty --restart to Always (kubectl's own wait below uses `restart`).
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: (f.str('restart') || 'Always') as 'Always' },
    status: {},
  };

  const printer = new RunPrinter(env, format, dryRun, f.bool('allow-missing-template-keys', true));
  const created: KubeObject[] = [];
  const podResult = createObject(env, pod, dryRun);
  created.push(podResult);
  let serviceError: unknown;
  if (f.bool('expose')) {
    // The Service generator of `kubectl expose`: the pod's labels (or run=NAME) select, the port is the target too.
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: null, ...(f.str('labels') ? { labels: { ...labels } } : {}), name, ...namespace },
      spec: { ports: [{ port: Number(port), protocol: 'TCP', targetPort: Number(port) }], selector: { ...labels } },
      status: { loadBalancer: {} },
    } as Service;
    try {
      const svcResult = createObject(env, svc, dryRun);
      created.push(svcResult);
      printer.print(svcResult);
      // kubectl separates the two YAML documents itself, and its YAML printer does too.
      if (f.str('output') === 'yaml') env.out('---\n');
    } catch (e) {
      serviceError = e;
    }
  }
  if (attach) {
    let outcome: Outcome;
    try {
      outcome = await attachToNewPod(env, podResult as Pod, { restart, timeout, stdin, tty, quiet: f.bool('quiet'), leaveStdinOpen: f.bool('leave-stdin-open') });
    } finally {
      // --rm: kubectl deletes what it created once the attach is over, however it ended.
      if (rm) removeCreated(env, created, f.bool('quiet'));
    }
    if (outcome.text) env.err(outcome.text);
    return outcome.code;
  }
  printer.print(podResult);
  if (serviceError) throw serviceError;
  return 0;
}

/** Create (or, for client dry run, just return) an object run built. */
function createObject<T extends KubeObject>(env: KubectlEnv, obj: T, dryRun: DryRun): T {
  if (dryRun === 'client') return obj;
  const send = cloneJson(obj) as T & { status?: unknown };
  delete send.status;
  delete send.metadata.creationTimestamp;
  send.metadata.namespace = env.namespace;
  return env.store.create(send, { dryRun: dryRun === 'server' }) as T;
}

/** One printer for everything run prints: YAML documents after the first start with `---`. */
class RunPrinter {
  private count = 0;

  constructor(
    private readonly env: KubectlEnv,
    private readonly format: OutputFormat | undefined,
    private readonly dryRun: DryRun,
    private readonly allowMissingKeys: boolean,
  ) {}

  print(obj: KubeObject): void {
    this.count++;
    if (!this.format) {
      this.env.out(`${obj.kind.toLowerCase()}/${obj.metadata.name} created${dryRunSuffix(this.dryRun)}\n`);
      return;
    }
    const text = printObjects(this.format, obj, [obj], {
      order: this.dryRun === 'client' ? (goStructShape(obj.kind) ?? 'sorted') : 'sorted',
      allowMissingKeys: this.allowMissingKeys,
      clientBuilt: this.dryRun === 'client',
    });
    this.env.out((this.format.kind === 'yaml' && this.count > 1 ? '---\n' : '') + text);
  }
}

/** `kind "name" deleted` for each object, pod first; gone already is fine (IgnoreNotFound). */
function removeCreated(env: KubectlEnv, created: KubeObject[], quiet: boolean): void {
  for (const o of created) {
    try {
      env.store.requestDelete(o.kind, o.metadata.namespace, o.metadata.name!);
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'NotFound') continue;
      throw e;
    }
    if (!quiet) env.out(`${o.kind.toLowerCase()} "${o.metadata.name}" deleted\n`);
  }
}

interface AttachOptions {
  restart: string;
  timeout: number;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  leaveStdinOpen: boolean;
}

/** How run ends: its exit status, and what kubectl prints last (after --rm's deletions). */
interface Outcome {
  code: number;
  text?: string;
}

/** What attaching to the container's main process means here. */
type AttachPlan =
  /** A shell reading the terminal: the pod's shell opens in the terminal until its `exit`. */
  | { kind: 'shell'; shell: 'sh' | 'bash' }
  /** A command the simulator runs for the attach (the runtime does not run it itself). */
  | { kind: 'command'; line: string }
  /** A process the runtime runs (or an app): what it writes to its log is what attach shows. */
  | { kind: 'stream' };

/**
 * handleAttachPod, attach and the wait for the exit code: wait for the pod to
 * run and be ready (a pod that already finished shows its log instead), attach
 * to the container, then with restartPolicy Never or OnFailure wait for the pod
 * to finish and return the container's exit code.
 */
async function attachToNewPod(env: KubectlEnv, created: Pod, o: AttachOptions): Promise<Outcome> {
  const ns = created.metadata.namespace!;
  const name = created.metadata.name!;
  const uid = created.metadata.uid!;
  const cname = created.spec.containers[0].name;
  const location = { kind: 'pod' as const, namespace: ns, pod: name, container: cname, shell: 'sh' };

  // The attach begins the moment the pod runs (kubectl watches for it): a process the
  // simulator drives for the attach must not end on its own before that.
  let plan: AttachPlan | undefined;
  let end: ((exitCode: number) => void) | undefined;
  const onRunning = (p: Pod) => {
    if (plan || p.metadata.uid !== uid || runningAndReady(p) !== 'yes') return;
    plan = planAttach(env, p, location, o.stdin);
    if (plan.kind !== 'stream') end = env.sim.kubelet.attachMain(p, cname);
  };
  const unwatch = env.store.watch('Pod', (e) => {
    if (e.type !== 'DELETED') onRunning(e.object as Pod);
  });
  let pod: Pod;
  try {
    pod = await waitForPod(env, ns, name, o.timeout, (p) => {
      onRunning(p);
      return runningAndReady(p);
    });
  } finally {
    unwatch();
  }

  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
    // logOpts: the pod ran to completion before kubectl could attach; its log instead.
    for (const l of env.sim.runtime.logs.lines(uid, cname) ?? []) env.out(l.text + '\n');
  } else {
    if (!o.quiet) env.err("If you don't see a command prompt, try pressing enter.\n");
    plan ??= planAttach(env, pod, location, o.stdin);
    if (plan.kind === 'shell') {
      const status = await env.ctx.enter({ ...location, shell: plan.shell });
      end?.(status);
    } else if (plan.kind === 'command') {
      const status = await env.ctx.runLine(plan.line, { stdin: '', stdout: env.io.stdout, stderr: o.tty ? env.io.stdout : env.io.stderr, isTTY: o.tty && env.io.isTTY, columns: env.io.columns }, location);
      end?.(status);
    } else {
      await streamLog(env, pod, cname, o.tty);
    }
    const rawTTY = o.tty && !!env.io.isTTY;
    if (!o.quiet && o.stdin && rawTTY && o.restart === 'Always') {
      env.out(`Session ended, resume using 'kubectl attach ${name} -c ${cname} -i -t' command when the pod is running\n`);
    }
  }

  const waitForExitCode = !o.leaveStdinOpen && (o.restart === 'Never' || o.restart === 'OnFailure');
  if (!waitForExitCode) return { code: 0 };
  const done = await waitForPod(env, ns, name, o.timeout, (p) => {
    if (o.restart === 'OnFailure') return p.status?.phase === 'Succeeded' ? 'yes' : 'no';
    return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed' ? 'yes' : 'no';
  });
  const phase = done.status?.phase;
  if (phase === 'Succeeded') return { code: 0 };
  if (phase === 'Failed') {
    const terminated = done.status?.containerStatuses?.[0]?.state.terminated;
    if (!terminated || terminated.exitCode === 0) return { code: 1, text: `error: pod ${ns}/${name} failed with unknown exit code\n` };
    const text = `pod ${ns}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`;
    return { code: terminated.exitCode, text: text.endsWith('\n') ? text : text + '\n' };
  }
  return { code: 1, text: `error: pod ${ns}/${name} left in phase ${phase}\n` };
}

/** podRunningAndReady: `completed` when the pod already finished. */
function runningAndReady(p: Pod): 'yes' | 'no' | 'completed' {
  const phase = p.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 'completed';
  if (phase === 'Running' && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) return 'yes';
  return 'no';
}

/** Watch the pod by name until `until` says so (virtual time passes), or kubectl's timeout. */
async function waitForPod(env: KubectlEnv, ns: string, name: string, timeoutMs: number, until: (p: Pod) => 'yes' | 'no' | 'completed'): Promise<Pod> {
  const deadline = env.now() + timeoutMs;
  for (;;) {
    const p = env.store.get<Pod>('Pod', ns, name);
    // client-go's watch reports a deleted object with no name.
    if (!p) throw new StatusError('NotFound', 'pods "" not found');
    if (until(p) !== 'no') return p;
    if (env.ctx.signal.cancelled || env.now() >= deadline) throw new KubectlError(WAIT_TIMEOUT);
    await env.ctx.sleep(Math.min(250, deadline - env.now()));
  }
}

/** What the container's main process is, as attach meets it. */
function planAttach(env: KubectlEnv, pod: Pod, location: { kind: 'pod'; namespace: string; pod: string; container: string; shell: string }, stdin: boolean): AttachPlan {
  const c = pod.spec.containers[0];
  const argv = containerArgv(lookupImage(c.image), c);
  const running = env.sim.runtime.apps.container(location.namespace, location.pod, location.container);
  if (!running || argv.length === 0) return { kind: 'stream' };
  const commands = commandsFor(location, env.sim);
  const program = argv[0].split('/').pop()!;
  // A shell with no script reads its stdin: the terminal, when attached with -i.
  const shell = stdin ? interactiveShell(argv) : undefined;
  if (shell && (shell in commands || program === 'busybox')) return { kind: 'shell', shell };
  // The runtime may run the command line itself (its output is then the container's log).
  if ((running as { process?: unknown }).process) return { kind: 'stream' };
  if (!(program in commands) || /entrypoint/.test(program)) return { kind: 'stream' };
  return { kind: 'command', line: argv.map(shellQuote).join(' ') };
}

/** The container's output from now until its process ends (or Ctrl-C; headless, see logFollower). */
async function streamLog(env: KubectlEnv, pod: Pod, container: string, tty: boolean): Promise<void> {
  const uid = pod.metadata.uid!;
  const containerID = pod.status?.containerStatuses?.find((s) => s.name === container)?.containerID;
  const lines: LogLine[] = env.sim.runtime.logs.lines(uid, container) ?? [];
  let printed = 0;
  const flush = () => {
    const due = lines.filter((l) => l.at <= env.now());
    for (const l of due.slice(printed)) (tty || l.stream === 'stdout' ? env.out : env.err)(l.text + '\n');
    printed = Math.max(printed, due.length);
  };
  const follower = logFollower(env, 250);
  for (;;) {
    const before = printed;
    flush();
    const live = env.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
    const status = live?.metadata.uid === uid ? live.status?.containerStatuses?.find((s) => s.name === container) : undefined;
    if (!status || !status.state.running || status.containerID !== containerID || env.ctx.signal.cancelled) break;
    if (!(await follower.wait(printed > before))) break;
  }
  flush();
}
