// Table implementations. A MutableTable is kept up to date incrementally by the
// proxy model (one service change touches a handful of chains, not 100,000), and
// an OverlayTable lets a node differ from the shared table in a few chains
// without copying the rest.

import { jumpTarget } from './rules/build';
import type { Chain, Table, TableName } from './rules/model';
import { BUILTIN_CHAINS } from './rules/model';

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function addRefs(refs: Map<string, number>, chain: Chain | undefined, sign: 1 | -1): void {
  if (!chain) return;
  for (const r of chain.rules) {
    const t = jumpTarget(r);
    if (t !== undefined) refs.set(t, (refs.get(t) ?? 0) + sign);
  }
}

/** Splicing beats re-sorting only for a few changes at a time. */
const SPLICE_LIMIT = 256;

export class MutableTable implements Table {
  private readonly chains = new Map<string, Chain>();
  private readonly refs = new Map<string, number>();
  private readonly builtins: readonly string[];
  private sortedUser: string[] = [];
  private pendingAdd: string[] = [];
  private pendingRemove = new Set<string>();
  private resort = false;
  private namesCache: string[] | undefined;

  constructor(readonly name: TableName) {
    this.builtins = BUILTIN_CHAINS[name];
  }

  set(chain: Chain): void {
    const old = this.chains.get(chain.name);
    if (old === chain) return;
    addRefs(this.refs, old, -1);
    addRefs(this.refs, chain, 1);
    this.chains.set(chain.name, chain);
    if (!old && !this.builtins.includes(chain.name)) {
      if (this.pendingRemove.has(chain.name)) this.pendingRemove.delete(chain.name);
      else this.noteAdd(chain.name);
    }
  }

  delete(name: string): void {
    const old = this.chains.get(name);
    if (!old) return;
    addRefs(this.refs, old, -1);
    this.chains.delete(name);
    const i = this.pendingAdd.indexOf(name);
    if (i >= 0) this.pendingAdd.splice(i, 1);
    else {
      this.pendingRemove.add(name);
      if (this.pendingRemove.size > SPLICE_LIMIT) this.resort = true;
    }
    this.namesCache = undefined;
  }

  private noteAdd(name: string): void {
    this.namesCache = undefined;
    if (this.resort) return;
    this.pendingAdd.push(name);
    if (this.pendingAdd.length > SPLICE_LIMIT) this.resort = true;
  }

  chain(name: string): Chain | undefined {
    return this.chains.get(name);
  }

  references(name: string): number {
    return this.refs.get(name) ?? 0;
  }

  chainNames(): readonly string[] {
    if (this.namesCache) return this.namesCache;
    if (this.resort) {
      this.sortedUser = [...this.chains.keys()].filter((n) => !this.builtins.includes(n)).sort(byteOrder);
    } else {
      for (const name of this.pendingRemove) {
        const i = lowerBound(this.sortedUser, name);
        if (this.sortedUser[i] === name) this.sortedUser.splice(i, 1);
      }
      for (const name of this.pendingAdd) this.sortedUser.splice(lowerBound(this.sortedUser, name), 0, name);
    }
    this.resort = false;
    this.pendingAdd = [];
    this.pendingRemove.clear();
    this.namesCache = [...this.builtins.filter((n) => this.chains.has(n)), ...this.sortedUser];
    return this.namesCache;
  }
}

function lowerBound(sorted: readonly string[], name: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < name) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A node's view: the shared table with some chains replaced, added or (null) removed. */
export class OverlayTable implements Table {
  readonly name: TableName;
  private readonly refDelta = new Map<string, number>();
  private namesCache: string[] | undefined;

  constructor(
    private readonly base: Table,
    private readonly overrides: ReadonlyMap<string, Chain | null>,
  ) {
    this.name = base.name;
    for (const [name, chain] of overrides) {
      addRefs(this.refDelta, base.chain(name), -1);
      addRefs(this.refDelta, chain ?? undefined, 1);
    }
  }

  chain(name: string): Chain | undefined {
    const o = this.overrides.get(name);
    if (o !== undefined) return o ?? undefined;
    return this.base.chain(name);
  }

  references(name: string): number {
    return this.base.references(name) + (this.refDelta.get(name) ?? 0);
  }

  chainNames(): readonly string[] {
    if (this.namesCache) return this.namesCache;
    const builtins = BUILTIN_CHAINS[this.name];
    const added: string[] = [];
    for (const [name, chain] of this.overrides) {
      if (chain && !builtins.includes(name) && !this.base.chain(name)) added.push(name);
    }
    added.sort(byteOrder);
    const out: string[] = [];
    let ai = 0;
    for (const name of this.base.chainNames()) {
      if (!builtins.includes(name)) {
        while (ai < added.length && added[ai] < name) out.push(added[ai++]);
      }
      if (this.overrides.get(name) === null) continue;
      out.push(name);
    }
    while (ai < added.length) out.push(added[ai++]);
    this.namesCache = out;
    return out;
  }
}

/** A small table that never changes (mangle with its canary chains). */
export function staticTable(name: TableName, chains: readonly Chain[]): Table {
  const t = new MutableTable(name);
  for (const c of chains) t.set(c);
  return t;
}
