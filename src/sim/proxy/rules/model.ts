// iptables rules as data. The packet engine evaluates these objects and the
// renderers print them, so both always agree on what a node has. Fields follow
// iptables' own structure: the fixed IP header part (addresses, protocol), then
// the matches in the order they were given, then one target.

export type TableName = 'filter' | 'nat' | 'mangle';
export type Protocol = 'tcp' | 'udp' | 'sctp';

export interface Cidr {
  /** dotted quad */
  addr: string;
  /** prefix length 0-32 */
  len: number;
}

export interface AddressMatch extends Cidr {
  negate: boolean;
}

export interface CommentMatch {
  kind: 'comment';
  text: string;
}

/** `-m tcp` / `-m udp` / `-m sctp` with an optional destination port. */
export interface PortMatch {
  kind: 'port';
  protocol: Protocol;
  dport?: number;
}

export interface StatisticMatch {
  kind: 'statistic';
  /** the threshold the kernel stores: lround(p * 2^31) */
  stored: number;
}

export interface AddrtypeMatch {
  kind: 'addrtype';
  srcType?: 'LOCAL';
  dstType?: 'LOCAL';
}

export interface MarkMatch {
  kind: 'mark';
  negate: boolean;
  value: number;
  mask: number;
}

export interface RecentMatch {
  kind: 'recent';
  mode: 'set' | 'rcheck';
  name: string;
  /** --seconds, with --rcheck */
  seconds?: number;
  reap?: boolean;
}

export type CtState = 'INVALID' | 'NEW' | 'ESTABLISHED' | 'RELATED' | 'UNTRACKED' | 'SNAT' | 'DNAT';

export interface ConntrackMatch {
  kind: 'conntrack';
  negate: boolean;
  states: CtState[];
}

export type Match = CommentMatch | PortMatch | StatisticMatch | AddrtypeMatch | MarkMatch | RecentMatch | ConntrackMatch;

export type Target =
  | { kind: 'jump'; chain: string }
  | { kind: 'ACCEPT' }
  | { kind: 'DROP' }
  | { kind: 'RETURN' }
  | { kind: 'REJECT'; with: 'icmp-port-unreachable' }
  | { kind: 'DNAT'; ip: string; port: number }
  | { kind: 'MASQUERADE'; randomFully: boolean }
  /** --set-xmark value/mask: clear `mask` bits, then xor `value` (what --or-mark and --xor-mark become) */
  | { kind: 'MARK'; value: number; mask: number };

export interface Rule {
  src?: AddressMatch;
  dst?: AddressMatch;
  protocol?: Protocol;
  matches: readonly Match[];
  /** absent for a rule that only counts (the last rule of a KUBE-FW chain) */
  target?: Target;
}

export interface Chain {
  name: string;
  /** built-in chains have a policy; user chains do not */
  policy?: 'ACCEPT' | 'DROP';
  rules: readonly Rule[];
}

/** One iptables table as a node holds it. Implementations may share chains between nodes. */
export interface Table {
  readonly name: TableName;
  /** built-in chains in kernel order, then user chains sorted by byte value (what iptables prints) */
  chainNames(): readonly string[];
  chain(name: string): Chain | undefined;
  /** number of rules in this table whose target is `name` */
  references(name: string): number;
}

export interface NodeTables {
  filter: Table;
  nat: Table;
  mangle: Table;
}

export const BUILTIN_CHAINS: Record<TableName, readonly string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
};
