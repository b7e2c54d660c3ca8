// kubectl rollout status|restart for Deployments: status follows the
// deployment's watch on virtual time and prints kubectl's DeploymentStatusViewer
// message for every event; restart stamps the pod template with
// kubectl.kubernetes.io/restartedAt, which makes the controller roll out anew.

import type { Deployment, KubeObject } from '../../../sim/api/types';
import { notFound } from '../../../sim/api/errors';
import { qualifiedKind, qualifiedPlural, type ResourceInfo } from '../../../sim/api/kinds';
import { parseSelectorString } from '../../../sim/api/selectors';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, errorText } from '../errors';
import { parseResourceArgs } from '../resources';
import { dryRunFlag, dryRunMode, dryRunSuffix } from '../dry-run';
import { parseOutputFormat, printObjects } from '../output';

export const ROLLOUT_HELP = "Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets\n\nExamples:\n  # Rollback to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n  # Check the rollout status of a daemonset\n  kubectl rollout status daemonset/foo\n  \n  # Restart a deployment\n  kubectl rollout restart deployment/abc\n  \n  # Restart deployments with the 'app=nginx' label\n  kubectl rollout restart deployment --selector=app=nginx\n\nAvailable Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n  restart       Restart a resource\n  resume        Resume a paused resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout\n\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n\nUse \"kubectl rollout <command> --help\" for more information about a given command.\nUse \"kubectl options\" for a list of global command-line options (applies to all commands).\n";

export const rolloutStatusFlags: FlagSpec[] = [
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'revision', type: 'int' },
  { name: 'timeout', type: 'duration' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
];

export const rolloutRestartFlags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  dryRunFlag,
];

/** The objects named by TYPE NAME, TYPE/NAME or TYPE -l SELECTOR. */
function targets(env: KubectlEnv): { objects: KubeObject[]; errors: string[] } {
  const f = env.flags;
  if (f.args.length === 0) throw new KubectlError('error: required resource not specified');
  const req = parseResourceArgs(f.args);
  const selector = f.str('selector') ? parseSelectorString(f.str('selector')) : undefined;
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  req.types.forEach((r: ResourceInfo, i) => {
    const names = req.names.get(i);
    const ns = r.namespaced ? env.namespace : undefined;
    if (names) {
      for (const n of names) {
        const o = env.store.get(r.kind, ns, n);
        if (o) objects.push(o);
        else errors.push(errorText(notFound(qualifiedPlural(r), n)));
      }
    } else {
      objects.push(...env.store.list(r.kind, { namespace: ns, labelSelector: selector }));
    }
  });
  return { objects, errors };
}

/** kubectl's DeploymentStatusViewer. */
export function deploymentStatus(d: Deployment): { text: string; done: boolean } {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = st.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`error: deployment "${name}" exceeded its progress deadline`);
    const replicas = d.spec.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    if (d.spec.replicas !== undefined && updated < replicas) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if ((st.replicas ?? 0) > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((st.availableReplicas ?? 0) < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    return { text: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/** How long a headless status waits with nothing scheduled on the clock. */
const HEADLESS_LIMIT_MS = 30 * 60_000;

export async function runRolloutStatus(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const timeoutMs = f.duration('timeout', 0);
  const { objects, errors } = targets(env);
  if (errors.length) throw new KubectlError(errors[0]);
  if (objects.length === 0) {
    throw new KubectlError(`error: no resources found in ${env.namespace} namespace`);
  }
  for (const obj of objects) {
    if (obj.kind !== 'Deployment') throw new KubectlError(`error: no status viewer has been implemented for ${obj.kind}`);
    const start = env.now();
    let pending: KubeObject[] = [obj];
    let deleted = false;
    const unsubscribe = env.store.watch('Deployment', (e) => {
      if (e.object.metadata.name !== obj.metadata.name || e.object.metadata.namespace !== obj.metadata.namespace) return;
      if (e.type === 'DELETED') deleted = true;
      else pending.push(e.object);
    });
    try {
      for (;;) {
        for (const d of pending) {
          const s = deploymentStatus(d as Deployment);
          env.out(s.text);
          if (s.done || !f.bool('watch', true)) {
            pending = [];
            return 0;
          }
        }
        pending = [];
        if (deleted) throw new KubectlError('error: object has been deleted');
        if (env.ctx.signal.cancelled) return 130;
        if (timeoutMs > 0 && env.now() - start >= timeoutMs) throw new KubectlError('error: timed out waiting for the condition');
        let wait = 200;
        if (!env.ctx.realtime) {
          const next = env.sim.clock.nextDue();
          if (next === undefined || next - start > HEADLESS_LIMIT_MS) throw new KubectlError('error: timed out waiting for the condition');
          wait = Math.max(1, next - env.now());
        }
        if (timeoutMs > 0) wait = Math.min(wait, Math.max(1, start + timeoutMs - env.now()));
        await env.ctx.sleep(wait);
      }
    } finally {
      unsubscribe();
    }
  }
  return 0;
}

/** time.Now().Format(time.RFC3339) in UTC. */
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function runRolloutRestart(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const dryRun = dryRunMode(env);
  const format = f.str('output') ? parseOutputFormat(f.str('output'), false) : undefined;
  const { objects, errors } = targets(env);
  for (const o of objects) {
    const info = env.store.info(o.kind);
    if (o.kind !== 'Deployment') {
      errors.push(`error: ${qualifiedPlural(info)} "${o.metadata.name}" restarting is not supported`);
      continue;
    }
    const d = o as Deployment;
    if (d.spec.paused) {
      errors.push(`error: ${qualifiedPlural(info)} "${o.metadata.name}" can't restart paused deployment (run rollout resume first)`);
      continue;
    }
    const tmpl = d.spec.template;
    const updated: Deployment = {
      ...d,
      spec: {
        ...d.spec,
        template: {
          ...tmpl,
          metadata: { ...tmpl.metadata, annotations: { ...(tmpl.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': rfc3339(env.now()) } },
        },
      },
    };
    try {
      const result = dryRun === 'client' ? updated : env.store.update(updated, { dryRun: dryRun === 'server' });
      if (format) env.out(printObjects(format, result, [result]));
      else env.out(`${qualifiedKind(info)}/${o.metadata.name} restarted${dryRunSuffix(dryRun)}\n`);
      
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  for (const e of errors) env.err(`${e}\n`);
  return errors.length ? 1 : 0;
}
