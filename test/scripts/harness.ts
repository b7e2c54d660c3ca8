// Script tests: terminal lines run headlessly against a fresh cluster, with the
// network commands registered and the lab's manifests in the learner's home.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../../src/shell/net/register';
import { runScript, type ScriptRun, type StepResult } from '../../src/cli/script';

/** Byte-for-byte copies of the lab's manifests (reference/labfiles). */
const LABFILES = join(__dirname, 'labfiles');

export function labfile(name: string): { path: string; content: string } {
  return { path: `/root/${name}`, content: readFileSync(join(LABFILES, name), 'utf8') };
}

export async function run(script: string, files: { path: string; content: string }[] = []): Promise<ScriptRun & { step(cmd: string | RegExp): StepResult }> {
  const r = await runScript(script, files);
  return {
    ...r,
    step(cmd: string | RegExp) {
      const hit = r.results.find((x) => (typeof cmd === 'string' ? x.cmd === cmd : cmd.test(x.cmd)));
      if (!hit) throw new Error(`no step ${cmd}`);
      return hit;
    },
  };
}

/** The instavote namespace as the K105 lab starts it: vote ReplicaSet (4 pods) and the vote NodePort service. */
export const VOTE_SETUP = `
kubectl create namespace instavote
kubectl config set-context --current --namespace=instavote
kubectl apply -f vote-rs.yaml
kubectl apply -f vote-svc.yaml
sleep 40
`;

export const VOTE_FILES = () => ['vote-rs.yaml', 'vote-svc.yaml', 'redis-svc.yaml', 'redis-deploy.yaml'].map(labfile);
