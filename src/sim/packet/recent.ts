// The xt_recent lists of one node: per list name, the last time each source
// address was recorded. kube-proxy's ClientIP affinity lives here.

export class RecentLists {
  private readonly lists = new Map<string, Map<string, number>>();

  /** --set: record (or refresh) the address; always matches. */
  set(name: string, ip: string, now: number): void {
    let list = this.lists.get(name);
    if (!list) this.lists.set(name, (list = new Map()));
    list.set(ip, now);
  }

  /**
   * --rcheck --seconds N [--reap]: the address was recorded within the last N seconds.
   * --reap forgets entries older than that.
   */
  check(name: string, ip: string, now: number, seconds: number | undefined, reap: boolean): boolean {
    const list = this.lists.get(name);
    const seen = list?.get(ip);
    if (seen === undefined) return false;
    const fresh = seconds === undefined || now - seen <= seconds * 1000;
    if (!fresh && reap) list!.delete(ip);
    return fresh;
  }

  /** For display: the addresses of a list with their age in ms. */
  entries(name: string, now: number): { ip: string; ageMs: number }[] {
    return [...(this.lists.get(name) ?? new Map<string, number>())].map(([ip, t]) => ({ ip, ageMs: now - t }));
  }
}
