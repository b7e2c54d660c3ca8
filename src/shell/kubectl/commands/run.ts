// kubectl run NAME --image=IMAGE: one Pod, labelled run=NAME, the container
// named after the pod, arguments after `--` (or a command with --command).

import { cloneJson } from '../../../sim/core/clone';
import type { Pod } from '../../../sim/api/types';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, klogRequired } from '../errors';
import { parseOutputFormat, printObjects } from '../output';
import { dryRunFlag, dryRunMode, dryRunSuffix } from '../dry-run';
import { goStructShape } from '../../../sim/api/schema/go-field-order';

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

export async function runRun(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  if (!f.changed('image')) throw klogRequired(env, 'image');
  const before = f.dashAt >= 0 ? f.args.slice(0, f.dashAt) : f.args;
  const after = f.dashAt >= 0 ? f.args.slice(f.dashAt) : [];
  if (before.length === 0) throw new KubectlError(`error: NAME is required for run\nSee 'kubectl run -h' for help and examples`);
  const name = before[0];
  const extra = [...before.slice(1), ...after];
  const labels: Record<string, string> = {};
  if (f.str('labels')) {
    for (const kv of f.str('labels').split(',')) {
      const [k, v = ''] = kv.split('=');
      labels[k] = v;
    }
  } else labels.run = name;
  const restart = f.str('restart', 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`);
  if (f.bool('rm') && !f.bool('stdin') && !f.bool('attach')) throw new KubectlError('error: --rm should only be used for attached containers');
  const env_ = f.list('env').map((kv) => {
    const eq = kv.indexOf('=');
    return { name: kv.slice(0, eq), value: kv.slice(eq + 1) };
  });
  const container: Pod['spec']['containers'][number] = {
    ...(extra.length && !f.bool('command') ? { args: extra } : {}),
    ...(extra.length && f.bool('command') ? { command: extra } : {}),
    ...(env_.length ? { env: env_ } : {}),
    image: f.str('image'),
    ...(f.str('image-pull-policy') ? { imagePullPolicy: f.str('image-pull-policy') as 'Always' } : {}),
    name,
    ...(f.str('port') ? { ports: [{ containerPort: Number(f.str('port')) }] } : {}),
    resources: {},
    ...(f.bool('stdin') ? { stdin: true, stdinOnce: true } : {}),
    ...(f.bool('tty') ? { tty: true } : {}),
  } as Pod['spec']['containers'][number];
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { creationTimestamp: null, labels, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart as 'Always' },
    status: {},
  };
  const dryRun = dryRunMode(env);
  const format = f.str('output') ? parseOutputFormat(f.str('output'), false) : undefined;
  let result: Pod = pod;
  if (dryRun !== 'client') {
    const send = cloneJson(pod);
    delete send.status;
    delete send.metadata.creationTimestamp;
    send.metadata.namespace = env.namespace;
    result = env.store.create(send, { dryRun: dryRun === 'server' });
  }
  if (format) env.out(printObjects(format, result, [result], { order: dryRun === 'client' ? goStructShape('Pod') ?? 'sorted' : 'sorted', allowMissingKeys: f.bool('allow-missing-template-keys', true), clientBuilt: dryRun === 'client' }));
  else if (!(f.bool('stdin') && f.bool('tty'))) env.out(`pod/${name} created${dryRunSuffix(dryRun)}\n`);
  if ((f.bool('stdin') || f.bool('attach')) && dryRun === 'none') return attachToNewPod(env, result);
  return 0;
}

/** `kubectl run -it`: interactive attach needs pod shells (src/shell/pod), wired in with exec. */
async function attachToNewPod(env: KubectlEnv, pod: Pod): Promise<number> {
  const attach = env.attach;
  if (!attach) throw new KubectlError('error: unable to attach: pod shells are not available');
  return attach(pod);
}
