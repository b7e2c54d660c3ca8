// `iptables -L` of iptables 1.8.9 (nf_tables): fixed-width columns, match and
// target texts as the extensions print them, and the 1.8.9 quirk of printing the
// protocol as a number when `-n` is given.

import type { CounterView } from '../counters';
import { printedProbability } from '../probability';
import type { AddressMatch, Chain, Match, Protocol, Rule, Table, Target } from '../rules/model';
import { serviceName } from './etc-services';
import { counterText, padRight } from './format';
import { ctStates } from './rule-text';

export interface ListOptions {
  /** `-n` */
  numeric?: boolean;
  /** `-v` */
  verbose?: boolean;
  /** `-x` */
  exact?: boolean;
  /** `--line-numbers` */
  lineNumbers?: boolean;
  /** only this chain (the caller checks it exists) */
  chain?: string;
  /** with `chain`: only this 1-based rule, printed without a header */
  rulenum?: number;
  /** Reverse lookups without `-n` (gethostbyaddr, then getnetbyaddr); numeric when undefined. */
  resolve?: (ip: string) => string | undefined;
}

const PROTO_NUMBER: Record<Protocol, number> = { tcp: 6, udp: 17, sctp: 132 };

/** Names a kind node resolves without DNS: /etc/hosts and /etc/networks. */
export function defaultResolver(hosts: Record<string, string> = {}): (ip: string) => string | undefined {
  const table: Record<string, string> = { '127.0.0.1': 'localhost', ...hosts };
  const networks: Record<string, string> = { '127.0.0.0': 'loopback', '169.254.0.0': 'link-local' };
  return (ip) => table[ip] ?? networks[ip];
}

export function iptablesList(table: Table, counters: CounterView, opts: ListOptions = {}): string {
  const names = opts.chain ? [opts.chain] : table.chainNames();
  if (opts.chain && opts.rulenum !== undefined) {
    const chain = table.chain(opts.chain)!;
    const r = chain.rules[opts.rulenum - 1];
    return r ? ruleLine(table, chain, opts.rulenum - 1, r, counters, opts) + '\n' : '';
  }
  const blocks: string[] = [];
  for (const name of names) {
    const chain = table.chain(name)!;
    const lines = [chainHeader(table, chain, counters, opts), columnHeader(opts)];
    chain.rules.forEach((r, i) => lines.push(ruleLine(table, chain, i, r, counters, opts)));
    blocks.push(lines.join('\n') + '\n');
  }
  return blocks.join('\n');
}

function chainHeader(table: Table, chain: Chain, counters: CounterView, opts: ListOptions): string {
  if (chain.policy) {
    if (!opts.verbose) return `Chain ${chain.name} (policy ${chain.policy})`;
    const c = counters.policy(table.name, chain.name);
    const exact = !!opts.exact;
    return `Chain ${chain.name} (policy ${chain.policy} ${counterText(c.packets, exact, false)}packets, ${counterText(c.bytes, exact, false)}bytes)`;
  }
  return `Chain ${chain.name} (${table.references(chain.name)} references)`;
}

function columnHeader(opts: ListOptions): string {
  let s = '';
  if (opts.lineNumbers) s += 'num  ';
  if (opts.verbose) s += opts.exact ? '    pkts      bytes ' : ' pkts bytes ';
  s += 'target     prot opt';
  if (opts.verbose) s += ' in     out    ';
  s += ' source               destination         ';
  return s;
}

function addressField(a: AddressMatch | undefined, opts: ListOptions): string {
  const neg = a?.negate ? '!' : ' ';
  let text: string;
  if (!a || a.len === 0) {
    text = opts.numeric ? '0.0.0.0/0' : 'anywhere';
    if (a && a.addr !== '0.0.0.0') text = opts.numeric ? `${a.addr}/0` : text;
  } else {
    const name = opts.numeric ? undefined : opts.resolve?.(a.addr);
    text = (name ?? a.addr) + (a.len === 32 ? '' : `/${a.len}`);
  }
  return neg + padRight(text, 19) + ' ';
}

function targetName(t: Target | undefined): string {
  if (!t) return '';
  return t.kind === 'jump' ? t.chain : t.kind;
}

export function ruleLine(
  table: Table,
  chain: Chain,
  index: number,
  r: Rule,
  counters: CounterView,
  opts: ListOptions,
): string {
  let s = '';
  if (opts.lineNumbers) s += padRight(String(index + 1), 4) + ' ';
  if (opts.verbose) {
    const c = counters.rule(table.name, chain, index);
    s += counterText(c.packets, !!opts.exact) + counterText(c.bytes, !!opts.exact);
  }
  s += padRight(targetName(r.target), 9) + ' ';
  const proto = r.protocol ? (opts.numeric ? String(PROTO_NUMBER[r.protocol]) : r.protocol) : opts.numeric ? '0' : 'all';
  s += ' ' + padRight(proto, 5) + '-- ';
  if (opts.verbose) {
    const any = opts.numeric ? '*' : 'any';
    s += ' ' + padRight(any, 6) + ' ' + padRight(any, 6) + ' ';
  }
  s += addressField(r.src, opts) + addressField(r.dst, opts);
  for (const m of r.matches) s += matchListText(m, !!opts.numeric);
  if (r.target) s += targetListText(r.target);
  return s;
}

function hex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

export function matchListText(m: Match, numeric: boolean): string {
  switch (m.kind) {
    case 'comment':
      return ` /* ${m.text} */`;
    case 'port': {
      if (m.dport === undefined) return ` ${m.protocol}`;
      const name = numeric ? undefined : serviceName(m.dport, m.protocol);
      return ` ${m.protocol} dpt:${name ?? m.dport}`;
    }
    case 'statistic':
      return ` statistic mode random probability ${printedProbability(m.stored)}`;
    case 'addrtype': {
      let s = ' ADDRTYPE match';
      if (m.srcType) s += ` src-type ${m.srcType}`;
      if (m.dstType) s += ` dst-type ${m.dstType}`;
      return s;
    }
    case 'mark':
      return ` mark match ${m.negate ? '! ' : ''}${hex(m.value)}${m.mask === 0xffffffff ? '' : `/${hex(m.mask)}`}`;
    case 'recent':
      return m.mode === 'set'
        ? ` recent: SET name: ${m.name} side: source mask: 255.255.255.255`
        : ` recent: CHECK${m.seconds !== undefined ? ` seconds: ${m.seconds}` : ''}${m.reap ? ' reap' : ''} name: ${m.name} side: source mask: 255.255.255.255`;
    case 'conntrack':
      return ` ${m.negate ? '! ' : ''}ctstate ${ctStates(m.states)}`;
  }
}

export function targetListText(t: Target): string {
  switch (t.kind) {
    case 'jump':
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
      return '';
    case 'REJECT':
      return ` reject-with ${t.with}`;
    case 'DNAT':
      return ` to:${t.ip}:${t.port}`;
    case 'MASQUERADE':
      return t.randomFully ? ' random-fully' : '';
    case 'MARK':
      if (t.value === 0) return ` MARK and ${hex(~t.mask)}`;
      if (t.value === t.mask) return ` MARK or ${hex(t.value)}`;
      if (t.mask === 0) return ` MARK xor ${hex(t.value)}`;
      if (t.mask === 0xffffffff) return ` MARK set ${hex(t.value)}`;
      return ` MARK xset ${hex(t.value)}/${hex(t.mask)}`;
  }
}
