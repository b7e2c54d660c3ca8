// The controllers' work queue. Watch handlers only enqueue keys; reconciles run
// when the simulation settles, in FIFO order, each key at most once per pass
// (as client-go's deduplicating queue does). A burst of pod changes therefore
// costs one reconcile per affected Service, not one per change.

export type Reconcile = (key: string) => void;

export class WorkQueue {
  private readonly pending: { name: string; key: string }[] = [];
  private readonly queued = new Set<string>();
  private readonly reconcilers = new Map<string, Reconcile>();
  private head = 0;

  register(name: string, reconcile: Reconcile): (key: string) => void {
    this.reconcilers.set(name, reconcile);
    return (key: string) => this.add(name, key);
  }

  add(name: string, key: string): void {
    const id = `${name}\u0000${key}`;
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.pending.push({ name, key });
  }

  get size(): number {
    return this.pending.length - this.head;
  }

  /** Run reconciles until nothing is left (reconciles may enqueue more work). */
  drain(maxSteps = 10_000_000): void {
    let steps = 0;
    while (this.head < this.pending.length) {
      const item = this.pending[this.head++];
      this.queued.delete(`${item.name}\u0000${item.key}`);
      this.reconcilers.get(item.name)!(item.key);
      if (++steps > maxSteps) throw new Error('controllers did not settle');
      if (this.head > 4096 && this.head * 2 > this.pending.length) {
        this.pending.splice(0, this.head);
        this.head = 0;
      }
    }
    this.pending.length = 0;
    this.head = 0;
  }
}

export function nsKey(ns: string | undefined, name: string): string {
  return `${ns ?? ''}/${name}`;
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}
