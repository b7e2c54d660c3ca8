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
