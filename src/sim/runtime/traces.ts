// Every connection the packet engine walked, with who made it and why: the
// feed for the diagram's hop-by-hop animation and the hop panel. Kept as a
// short ring of plain data.

import type { Trace } from '../packet/types';

export interface TraceRecord {
  id: number;
  at: number;
  /** What made the connection: `curl http://172.18.0.3:30000/`, `nslookup redis`, `vote -> redis:6379`. */
  cause: string;
  trace: Trace;
}

const KEEP = 200;

export class TraceLog {
  private readonly records: TraceRecord[] = [];
  private readonly listeners = new Set<(r: TraceRecord) => void>();
  private nextId = 1;
  /** What the traces recorded from now on are for (set by the command that causes them). */
  cause = '';

  add(at: number, trace: Trace): TraceRecord {
    const r: TraceRecord = { id: this.nextId++, at, cause: this.cause, trace };
    this.records.push(r);
    if (this.records.length > KEEP) this.records.shift();
    for (const l of this.listeners) l(r);
    return r;
  }

  recent(): readonly TraceRecord[] {
    return this.records;
  }

  subscribe(l: (r: TraceRecord) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
