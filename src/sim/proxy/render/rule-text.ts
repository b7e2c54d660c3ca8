// A rule as `iptables-save` and `iptables -S` print it (iptables 1.8.9): addresses,
// protocol, matches in the order given, then the target and its options.

import { printedProbability } from '../probability';
import type { AddressMatch, CtState, Match, Rule, Target } from '../rules/model';

const CT_ORDER: CtState[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

/** libxtables' xtables_save_string(): bare when only [A-Za-z0-9_-], else double-quoted with \ escapes. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

export function ctStates(states: readonly CtState[]): string {
  return CT_ORDER.filter((s) => states.includes(s)).join(',');
}

function hex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

function addressText(a: AddressMatch): string {
  return `${a.addr}/${a.len}`;
}

export function matchSaveText(m: Match): string {
  switch (m.kind) {
    case 'comment':
      return `-m comment --comment ${saveString(m.text)}`;
    case 'port':
      return m.dport === undefined ? `-m ${m.protocol}` : `-m ${m.protocol} --dport ${m.dport}`;
    case 'statistic':
      return `-m statistic --mode random --probability ${printedProbability(m.stored)}`;
    case 'addrtype': {
      let s = '-m addrtype';
      if (m.srcType) s += ` --src-type ${m.srcType}`;
      if (m.dstType) s += ` --dst-type ${m.dstType}`;
      return s;
    }
    case 'mark':
      return `-m mark ${m.negate ? '! ' : ''}--mark ${hex(m.value)}${m.mask === 0xffffffff ? '' : `/${hex(m.mask)}`}`;
    case 'recent':
      return m.mode === 'set'
        ? `-m recent --set --name ${m.name} --mask 255.255.255.255 --rsource`
        : `-m recent --rcheck${m.seconds !== undefined ? ` --seconds ${m.seconds}` : ''}${m.reap ? ' --reap' : ''} --name ${m.name} --mask 255.255.255.255 --rsource`;
    case 'conntrack':
      return `-m conntrack ${m.negate ? '! ' : ''}--ctstate ${ctStates(m.states)}`;
  }
}

export function targetSaveText(t: Target): string {
  switch (t.kind) {
    case 'jump':
      return `-j ${t.chain}`;
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
      return `-j ${t.kind}`;
    case 'REJECT':
      return `-j REJECT --reject-with ${t.with}`;
    case 'DNAT':
      return `-j DNAT --to-destination ${t.ip}:${t.port}`;
    case 'MASQUERADE':
      return t.randomFully ? '-j MASQUERADE --random-fully' : '-j MASQUERADE';
    case 'MARK':
      return `-j MARK --set-xmark ${hex(t.value)}/${hex(t.mask)}`;
  }
}

const headCache = new WeakMap<Rule, string>();

/** Addresses, protocol and matches, with a leading space when not empty. */
export function ruleHead(r: Rule): string {
  let s = headCache.get(r);
  if (s !== undefined) return s;
  const parts: string[] = [];
  if (r.src) parts.push(`${r.src.negate ? '! ' : ''}-s ${addressText(r.src)}`);
  if (r.dst) parts.push(`${r.dst.negate ? '! ' : ''}-d ${addressText(r.dst)}`);
  if (r.protocol) parts.push(`-p ${r.protocol}`);
  for (const m of r.matches) parts.push(matchSaveText(m));
  s = parts.length ? ` ${parts.join(' ')}` : '';
  headCache.set(r, s);
  return s;
}

/** The target and its options, with a leading space when there is one. */
export function ruleTail(r: Rule): string {
  return r.target ? ` ${targetSaveText(r.target)}` : '';
}

/** Everything after `-A CHAIN`. */
export function ruleBody(r: Rule): string {
  return ruleHead(r) + ruleTail(r);
}

/** `-A CHAIN …` exactly as `iptables -S` prints it. */
export function ruleSpec(chain: string, r: Rule): string {
  return `-A ${chain}${ruleBody(r)}`;
}
