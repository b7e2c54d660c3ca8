// Container logs, as the kubelet keeps them: one stream of timestamped lines
// per container instance (a restart starts a new one; the previous is kept for
// `kubectl logs --previous`).

import type { LogStream } from '../apps/types';

export interface LogLine {
  at: number;
  stream: LogStream;
  text: string;
}

interface ContainerLogs {
  current: LogLine[];
  /** Has an instance started (so a restart makes its log, even an empty one, the previous)? */
  started?: boolean;
  previous?: LogLine[];
  listeners: Set<(l: LogLine) => void>;
}

export class LogStore {
  private readonly logs = new Map<string, ContainerLogs>();

  private key(podUid: string, container: string): string {
    return `${podUid}/${container}`;
  }

  private entry(podUid: string, container: string): ContainerLogs {
    const k = this.key(podUid, container);
    let e = this.logs.get(k);
    if (!e) this.logs.set(k, (e = { current: [], listeners: new Set() }));
    return e;
  }

  /** A container (re)starts: its old log becomes the previous one. */
  restart(podUid: string, container: string): void {
    const e = this.entry(podUid, container);
    // Lines can arrive before the first start is announced; they belong to that first instance.
    if (e.started) e.previous = e.current;
    else if (e.current.length) e.previous = e.current;
    e.started = true;
    e.current = [];
  }

  append(podUid: string, container: string, line: LogLine): void {
    const e = this.entry(podUid, container);
    // Lines written "later" (after a timeout) keep their order by time.
    let i = e.current.length;
    while (i > 0 && e.current[i - 1].at > line.at) i--;
    e.current.splice(i, 0, line);
    for (const l of e.listeners) l(line);
  }

  lines(podUid: string, container: string, previous = false): LogLine[] | undefined {
    const e = this.logs.get(this.key(podUid, container));
    if (!e) return undefined;
    return previous ? e.previous : e.current;
  }

  follow(podUid: string, container: string, listener: (l: LogLine) => void): () => void {
    const e = this.entry(podUid, container);
    e.listeners.add(listener);
    return () => e.listeners.delete(listener);
  }

  forget(podUid: string): void {
    for (const k of [...this.logs.keys()]) if (k.startsWith(`${podUid}/`)) this.logs.delete(k);
  }
}
