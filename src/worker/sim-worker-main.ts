// The simulator side of the worker, loaded by sim.worker.ts: a SimHost in
// real-time mode with the starter files, exposed over comlink.
import * as Comlink from 'comlink';
import { SimHost } from './sim-host';

// The K105 manifests the learner starts with, bundled as text.
const starter = import.meta.glob('../../labs/starter/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const starterFiles = Object.entries(starter).map(([p, content]) => ({ path: `/root/${p.split('/').pop()}`, content }));

/** Expose the simulator, then hand it the messages that arrived while it loaded. */
export function serve(held: readonly MessageEvent[]): void {
  const host = new SimHost({
    mode: 'realtime',
    starterFiles,
    timers: {
      now: () => performance.now(),
      setTimeout: (cb, ms) => setTimeout(cb, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      setInterval: (cb, ms) => setInterval(cb, ms),
      clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    },
  });
  const listeners: EventListenerOrEventListenerObject[] = [];
  const endpoint: Comlink.Endpoint = {
    postMessage: (message, transfer) => self.postMessage(message, { transfer }),
    addEventListener: (type, listener) => {
      listeners.push(listener);
      self.addEventListener(type, listener);
    },
    removeEventListener: (type, listener) => self.removeEventListener(type, listener),
  };
  Comlink.expose(host, endpoint);
  for (const event of held) {
    for (const l of listeners) (typeof l === 'function' ? l : l.handleEvent.bind(l))(event);
  }
}
