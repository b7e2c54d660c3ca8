// Main-thread side of the simulator worker: starts the worker and wraps it with
// comlink. Callbacks cross as comlink proxies; everything else is plain data.

import * as Comlink from 'comlink';
import type { ShellBackend } from '../ui/terminal/terminal-controller';
import { WORKER_ALIVE } from './alive';
import type { ClusterSnapshot, SimWorkerApi, TraceRecord } from './protocol';

export interface SimClient {
  readonly api: Comlink.Remote<SimWorkerApi>;
  /** The worker's shell, in the shape the terminal wants. */
  readonly shell: ShellBackend;
  /** Resolves when the worker thread is running (its first message), long before the simulator is booted. */
  readonly alive: Promise<void>;
  /**
   * Receive snapshots until the next init(): the worker ends subscriptions
   * there, so subscribe again after each init.
   */
  subscribe(onSnapshot: (s: ClusterSnapshot) => void): Promise<void>;
  /** Receive every packet trace until the next init() (subscribe again after it, as for snapshots). */
  subscribeTraces(onTrace: (t: TraceRecord) => void): Promise<void>;
  /** Any file of the worker's filesystem (kubectl edit's files live in /tmp), or null when there is none. */
  readFile(path: string): Promise<string | null>;
  terminate(): void;
}

export function createSimClient(): SimClient {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'simulator' });
  const alive = new Promise<void>((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.data !== WORKER_ALIVE) return;
      worker.removeEventListener('message', onMessage);
      resolve();
    };
    worker.addEventListener('message', onMessage);
  });
  const api = Comlink.wrap<SimWorkerApi>(worker);
  const shell: ShellBackend = {
    exec: (line, onOutput, onEffect) => api.exec(line, Comlink.proxy(onOutput), Comlink.proxy(onEffect)),
    interrupt: () => api.interrupt(),
    complete: (line) => api.complete(line),
    isIncomplete: (text) => api.isIncomplete(text),
  };
  return {
    api,
    shell,
    alive,
    subscribe: (onSnapshot) => api.subscribe(Comlink.proxy(onSnapshot)),
    subscribeTraces: (onTrace) => api.subscribeTraces(Comlink.proxy(onTrace)),
    readFile: (path) => api.readFile(path),
    terminate: () => {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
