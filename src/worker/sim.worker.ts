// Web Worker entry: the whole simulated cluster runs here, never on the page.
//
// This first module is tiny on purpose. Chromium starts a worker thread only
// once the page's main thread has handled the worker's creation handshake, so
// the page waits for ALIVE before its own heavy first render (see
// early-start.ts); the large simulator chunk is then fetched, compiled and
// booted here while the page renders. Messages that arrive before the
// simulator is listening are held and replayed in order.

import { WORKER_ALIVE } from './alive';

const held: MessageEvent[] = [];
const hold = (e: MessageEvent) => held.push(e);
self.addEventListener('message', hold);
self.postMessage(WORKER_ALIVE);

void import('./sim-worker-main').then(({ serve }) => {
  self.removeEventListener('message', hold);
  serve(held);
});
