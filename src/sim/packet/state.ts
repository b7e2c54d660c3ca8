// Per-node state the kernel keeps between packets: conntrack tables and recent lists.

import { Conntrack } from './conntrack';
import { RecentLists } from './recent';

export class NetState {
  private readonly ct = new Map<string, Conntrack>();
  private readonly recentLists = new Map<string, RecentLists>();

  conntrack(node: string): Conntrack {
    let c = this.ct.get(node);
    if (!c) this.ct.set(node, (c = new Conntrack()));
    return c;
  }

  recent(node: string): RecentLists {
    let r = this.recentLists.get(node);
    if (!r) this.recentLists.set(node, (r = new RecentLists()));
    return r;
  }
}
