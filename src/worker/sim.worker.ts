// Web Worker entry: the whole simulated cluster runs here, never on the page.
import * as Comlink from 'comlink';
import { SimHost } from './sim-host';

// The K105 manifests the learner starts with, bundled as text.
const starter = import.meta.glob('../../labs/starter/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const starterFiles = Object.entries(starter).map(([p, content]) => ({ path: `/root/${p.split('/').pop()}`, content }));

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

// The explicit endpoint also works where the global object is not an EventTarget (vitest's worker shim).
Comlink.expose(host, self as unknown as Comlink.Endpoint);
