// Helpers for tests that need workloads: create them in the terminal, wait for
// their pods to be Ready on the diagram (the pods' cards say so).

import { runCommand, waitFor } from './harness.mjs';

/** Wait until `count` pods whose names start with `prefix` (in namespace default) are Ready. */
export async function waitForReadyPods(page, prefix, count, timeout = 90000) {
  return waitFor(
    () => page.evaluate(([p, n]) => document.querySelectorAll(`[data-pod^="default/${p}"][data-ready="true"]`).length >= n, [prefix, count]),
    { timeout, message: `${count} Ready ${prefix}* pods on the diagram` },
  );
}

/** The K105 vote app on a NodePort: `replicas` pods behind nodePort 30000. */
export async function createVote(page, prompt, replicas = 3) {
  const created = await runCommand(page, `kubectl create deployment vote --image=schoolofdevops/vote:v1 --replicas=${replicas}`, prompt);
  if (created !== 'deployment.apps/vote created') throw new Error(`kubectl create deployment said: ${created}`);
  const svc = await runCommand(page, 'kubectl create service nodeport vote --tcp=80 --node-port=30000', prompt);
  if (svc !== 'service/vote created') throw new Error(`kubectl create service said: ${svc}`);
  await waitForReadyPods(page, 'vote-', replicas);
}
