// Rule matching, with each rule's addresses compiled to numbers once.

import type { Rng } from '../core/rng';
import { ipToInt, maskOf } from '../proxy/ipv4';
import type { AddressMatch, CtState, Match, Rule } from '../proxy/rules/model';
import type { RecentLists } from './recent';
import type { Packet } from './types';

interface CompiledAddr {
  net: number;
  mask: number;
  negate: boolean;
}

interface Compiled {
  src?: CompiledAddr;
  dst?: CompiledAddr;
}

const compiled = new WeakMap<Rule, Compiled>();

function compileAddr(a: AddressMatch | undefined): CompiledAddr | undefined {
  if (!a) return undefined;
  const mask = maskOf(a.len);
  return { net: (ipToInt(a.addr) & mask) >>> 0, mask, negate: a.negate };
}

function compile(r: Rule): Compiled {
  let c = compiled.get(r);
  if (!c) {
    c = { src: compileAddr(r.src), dst: compileAddr(r.dst) };
    compiled.set(r, c);
  }
  return c;
}

function addrMatches(a: CompiledAddr | undefined, ip: number): boolean {
  if (!a) return true;
  return (((ip & a.mask) >>> 0) === a.net) !== a.negate;
}

/**
 * For long chains (KUBE-SERVICES has one rule per service port): rules with a /32
 * destination by address, so a packet only looks at the rules that can match it.
 */
interface ChainIndex {
  byDst: Map<number, number[]>;
  /** rules without a plain /32 destination, in order */
  others: number[];
}

const INDEX_MIN_RULES = 32;
const indexes = new WeakMap<readonly Rule[], ChainIndex | null>();

function chainIndex(rules: readonly Rule[]): ChainIndex | null {
  let idx = indexes.get(rules);
  if (idx !== undefined) return idx;
  idx = null;
  if (rules.length >= INDEX_MIN_RULES) {
    const byDst = new Map<number, number[]>();
    const others: number[] = [];
    rules.forEach((r, i) => {
      if (r.dst && r.dst.len === 32 && !r.dst.negate) {
        const key = ipToInt(r.dst.addr);
        let list = byDst.get(key);
        if (!list) byDst.set(key, (list = []));
        list.push(i);
      } else {
        others.push(i);
      }
    });
    idx = { byDst, others };
  }
  indexes.set(rules, idx);
  return idx;
}

/** Indexes of the rules of a chain worth evaluating for a destination, in order; null means all. */
export function candidateRules(rules: readonly Rule[], dstInt: number): number[] | null {
  const idx = chainIndex(rules);
  if (!idx) return null;
  const exact = idx.byDst.get(dstInt);
  if (!exact) return idx.others;
  const out: number[] = [];
  let a = 0;
  let b = 0;
  while (a < exact.length || b < idx.others.length) {
    if (b >= idx.others.length || (a < exact.length && exact[a] < idx.others[b])) out.push(exact[a++]);
    else out.push(idx.others[b++]);
  }
  return out;
}

export interface MatchContext {
  packet: Packet;
  srcInt: number;
  dstInt: number;
  /** conntrack state and NAT status of the packet's connection */
  ctStates: ReadonlySet<CtState>;
  isLocal(ip: string): boolean;
  recent: RecentLists;
  rng: Rng;
  now: number;
}

export function ruleMatches(r: Rule, ctx: MatchContext): boolean {
  const c = compile(r);
  if (!addrMatches(c.src, ctx.srcInt) || !addrMatches(c.dst, ctx.dstInt)) return false;
  if (r.protocol && r.protocol !== ctx.packet.protocol) return false;
  for (const m of r.matches) if (!matchOne(m, ctx)) return false;
  return true;
}

function matchOne(m: Match, ctx: MatchContext): boolean {
  const p = ctx.packet;
  switch (m.kind) {
    case 'comment':
      return true;
    case 'port':
      return p.protocol === m.protocol && (m.dport === undefined || p.dport === m.dport);
    case 'statistic':
      // xt_statistic: (get_random_u32() & 0x7FFFFFFF) < probability
      return (ctx.rng.nextUint32() & 0x7fffffff) < m.stored;
    case 'addrtype':
      if (m.srcType === 'LOCAL' && !ctx.isLocal(p.src)) return false;
      if (m.dstType === 'LOCAL' && !ctx.isLocal(p.dst)) return false;
      return true;
    case 'mark':
      return (((p.mark & m.mask) >>> 0) === m.value) !== m.negate;
    case 'recent':
      if (m.mode === 'set') {
        ctx.recent.set(m.name, p.src, ctx.now);
        return true;
      }
      return ctx.recent.check(m.name, p.src, ctx.now, m.seconds, !!m.reap);
    case 'conntrack': {
      const any = m.states.some((s) => ctx.ctStates.has(s));
      return any !== m.negate;
    }
  }
}
