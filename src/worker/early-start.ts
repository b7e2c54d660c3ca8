// Imported first by main.tsx: starts the simulator worker and its cluster boot
// before React, xterm and the rest of the page are even evaluated, so the two
// proceed in parallel and the first prompt comes sooner.

import { createSimClient } from './client';

performance.mark('playground:worker-start');
export const earlyClient = createSimClient();
export const earlyInit: Promise<{ prompt: string }> = earlyClient.api.init({}).then((r) => {
  performance.mark('playground:cluster-ready');
  return r;
});

/**
 * Resolves once the worker thread runs, or after `capMs` at the latest.
 * Chromium starts a worker thread only after the page's main thread has
 * handled its creation handshake; holding the page's first render until then
 * lets the simulator boot while React renders, instead of after.
 */
export function workerStarted(capMs = 250): Promise<void> {
  return Promise.race([earlyClient.alive, new Promise<void>((r) => setTimeout(r, capMs))]).then(() => {
    performance.mark('playground:worker-alive');
  });
}
