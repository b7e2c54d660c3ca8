// Walking one built-in chain of one table, as netfilter does: rules in order,
// jumps into user chains and returns, counters on every matching rule, the
// policy at the end of a built-in chain.

import type { Chain, Table, TableName, Target } from '../proxy/rules/model';
import { ruleSpec } from '../proxy/render/rule-text';
import { candidateRules, ruleMatches, type MatchContext } from './match';
import type { Direction, Packet, RuleAction, TraceStep } from './types';

export type Verdict =
  | { kind: 'accept' }
  | { kind: 'drop'; rule?: string; chain: string }
  | { kind: 'reject'; rule: string; chain: string }
  | { kind: 'dnat'; ip: string; port: number; rule: string; chain: string }
  | { kind: 'masquerade'; randomFully: boolean; rule: string; chain: string };

export interface TraverseSink {
  node: string;
  dir: Direction;
  /** null when the walk does not record steps (packets after the first) */
  steps: TraceStep[] | null;
  count(table: TableName, chain: string, index: number, bytes: number, chainObj?: Chain): void;
}

const MAX_DEPTH = 64;

function actionOf(t: Target | undefined): RuleAction {
  if (!t) return 'count';
  switch (t.kind) {
    case 'jump':
      return 'jump';
    case 'ACCEPT':
      return 'accept';
    case 'DROP':
      return 'drop';
    case 'RETURN':
      return 'return';
    case 'REJECT':
      return 'reject';
    case 'DNAT':
      return 'dnat';
    case 'MASQUERADE':
      return 'masquerade';
    case 'MARK':
      return 'mark';
  }
}

export function traverse(table: Table, builtin: string, ctx: MatchContext, sink: TraverseSink): Verdict {
  const start = table.chain(builtin);
  if (!start) return { kind: 'accept' };
  const packet: Packet = ctx.packet;
  // `order` lists the rules that can match this destination (long chains are indexed).
  const frameFor = (chain: Chain) => ({ chain, order: candidateRules(chain.rules, ctx.dstInt), next: 0 });
  const stack = [frameFor(start)];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const end = frame.order ? frame.order.length : frame.chain.rules.length;
    if (frame.next >= end) {
      stack.pop();
      if (stack.length === 0) return policy(table, frame.chain, packet, sink);
      continue;
    }
    const index = frame.order ? frame.order[frame.next++] : frame.next++;
    const rule = frame.chain.rules[index];
    if (!ruleMatches(rule, ctx)) continue;
    sink.count(table.name, frame.chain.name, index, packet.bytes, frame.chain);
    const t = rule.target;
    const before = t?.kind === 'MARK' ? { ...packet } : undefined;
    if (t?.kind === 'MARK') packet.mark = ((packet.mark & ~t.mask) ^ t.value) >>> 0;
    if (sink.steps) {
      const step: TraceStep = {
        kind: 'rule',
        dir: sink.dir,
        node: sink.node,
        table: table.name,
        chain: frame.chain.name,
        index,
        spec: ruleSpec(frame.chain.name, rule),
        action: actionOf(t),
      };
      if (before) {
        step.before = before;
        step.after = { ...packet };
      }
      sink.steps.push(step);
    }
    if (!t) continue;
    const spec = (): string => ruleSpec(frame.chain.name, rule);
    switch (t.kind) {
      case 'jump': {
        const next = table.chain(t.chain);
        if (!next) continue;
        if (stack.length >= MAX_DEPTH) return { kind: 'drop', rule: spec(), chain: frame.chain.name };
        stack.push(frameFor(next));
        continue;
      }
      case 'RETURN':
        stack.pop();
        if (stack.length === 0) return policy(table, frame.chain, packet, sink);
        continue;
      case 'MARK':
        continue;
      case 'ACCEPT':
        return { kind: 'accept' };
      case 'DROP':
        return { kind: 'drop', rule: spec(), chain: frame.chain.name };
      case 'REJECT':
        return { kind: 'reject', rule: spec(), chain: frame.chain.name };
      case 'DNAT':
        return { kind: 'dnat', ip: t.ip, port: t.port, rule: spec(), chain: frame.chain.name };
      case 'MASQUERADE':
        return { kind: 'masquerade', randomFully: t.randomFully, rule: spec(), chain: frame.chain.name };
    }
  }
  return { kind: 'accept' };
}

function policy(table: Table, chain: Chain, packet: Packet, sink: TraverseSink): Verdict {
  const pol = chain.policy ?? 'ACCEPT';
  sink.count(table.name, chain.name, -1, packet.bytes);
  if (sink.steps && table.name !== 'mangle') {
    sink.steps.push({ kind: 'policy', dir: sink.dir, node: sink.node, table: table.name, chain: chain.name, policy: pol });
  }
  return pol === 'DROP' ? { kind: 'drop', chain: chain.name } : { kind: 'accept' };
}
