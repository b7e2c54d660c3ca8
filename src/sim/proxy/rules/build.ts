// Small constructors for rules in the normalised form iptables stores them in
// (addresses and protocol in the header, matches in the order given).

import type { AddressMatch, Match, Protocol, Rule, Target } from './model';

export function addr(text: string, negate = false): AddressMatch {
  const [a, l] = text.split('/');
  return { addr: a, len: l === undefined ? 32 : Number(l), negate };
}

export function comment(text: string): Match {
  return { kind: 'comment', text };
}

export function port(protocol: Protocol, dport?: number): Match {
  return dport === undefined ? { kind: 'port', protocol } : { kind: 'port', protocol, dport };
}

export function jump(chain: string): Target {
  return { kind: 'jump', chain };
}

export interface RuleParts {
  src?: AddressMatch;
  dst?: AddressMatch;
  protocol?: Protocol;
  matches?: Match[];
  target?: Target;
}

export function rule(parts: RuleParts): Rule {
  const r: Rule = { matches: parts.matches ?? [] };
  if (parts.src) r.src = parts.src;
  if (parts.dst) r.dst = parts.dst;
  if (parts.protocol) r.protocol = parts.protocol;
  if (parts.target) r.target = parts.target;
  return r;
}

/** Targets of a rule that are user chains (jumps), for reference counting. */
export function jumpTarget(r: Rule): string | undefined {
  return r.target?.kind === 'jump' ? r.target.chain : undefined;
}
