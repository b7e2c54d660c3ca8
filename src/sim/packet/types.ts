// Packets, traces and outcomes of the packet engine. Everything is plain data:
// the trace is what counters, `curl -v` and the UI's hop-by-hop animation are
// made from.

import type { Protocol, TableName } from '../proxy/rules/model';

export type { Protocol };

export interface Endpoint {
  ip: string;
  port: number;
}

/** The part of a packet the model looks at. */
export interface Packet {
  src: string;
  sport: number;
  dst: string;
  dport: number;
  protocol: Protocol;
  /** IP length in bytes (a TCP SYN with options is 60) */
  bytes: number;
  /** skb mark (0x4000 = needs masquerading) */
  mark: number;
}

/** Where the first packet comes from. */
export type Origin =
  /** a process in a pod's network namespace (by pod IP) */
  | { kind: 'pod'; ip: string }
  /** a process on the node itself (node shell, hostNetwork pods) */
  | { kind: 'node'; node: string }
  /** a machine outside the cluster whose packet arrives on the node's eth0 (the docker host, a client) */
  | { kind: 'external'; node: string };

export interface ConnectInput {
  origin: Origin;
  /** source address; defaults to the pod IP, or the node's choice for locally generated packets */
  srcIP?: string;
  /** source port; defaults to an ephemeral port from the rng */
  srcPort?: number;
  dst: Endpoint;
  protocol: Protocol;
  /**
   * Packets after the first one, for counters: TCP gets the handshake and, with
   * `exchange`, a request and response with ACKs and FINs; UDP one datagram each way.
   */
  exchange?: { requestBytes: number; responseBytes: number };
}

export type Interface = string;

export type RuleAction =
  | 'jump'
  | 'return'
  | 'accept'
  | 'drop'
  | 'reject'
  | 'dnat'
  | 'masquerade'
  | 'mark'
  | 'count';

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export type Direction = 'request' | 'reply';

export type TraceStep =
  | { kind: 'leave-pod'; dir: Direction; node: string; pod: string; iface: string; packet: Packet }
  | { kind: 'originate'; dir: Direction; node: string; packet: Packet; note: string }
  | { kind: 'arrive'; dir: Direction; node: string; iface: string; packet: Packet; bridged: boolean }
  | { kind: 'conntrack'; dir: Direction; node: string; state: 'NEW' | 'ESTABLISHED' | 'REPLY'; note: string }
  | { kind: 'hook'; dir: Direction; node: string; table: TableName; hook: Hook }
  | {
      kind: 'rule';
      dir: Direction;
      node: string;
      table: TableName;
      chain: string;
      /** 0-based index in the chain (iptables --line-numbers shows index + 1) */
      index: number;
      /** the rule as `iptables -S` prints it */
      spec: string;
      action: RuleAction;
      before?: Packet;
      after?: Packet;
    }
  | { kind: 'policy'; dir: Direction; node: string; table: TableName; chain: string; policy: 'ACCEPT' | 'DROP' }
  | { kind: 'rewrite'; dir: Direction; node: string; what: 'DNAT' | 'MASQUERADE' | 'un-DNAT' | 'un-SNAT'; by: string; before: Packet; after: Packet }
  | { kind: 'route'; dir: Direction; node: string; decision: 'local' | 'forward' | 'output'; route: string; iface: string }
  | { kind: 'wire'; dir: Direction; from: string; to: string; via: 'weave-vxlan' | 'eth0'; packet: Packet }
  | { kind: 'deliver'; dir: Direction; node: string; to: Destination; packet: Packet; listening: boolean }
  | { kind: 'drop'; dir: Direction; node: string; reason: string };

export type Destination =
  | { kind: 'pod'; namespace: string; name: string; ip: string }
  | { kind: 'host'; node: string }
  | { kind: 'external'; ip: string };

export type Outcome =
  | {
      kind: 'delivered';
      to: Destination;
      node: string;
      /** the connection as the server sees it (after every NAT) */
      seenFrom: Endpoint;
      seenAt: Endpoint;
    }
  | { kind: 'refused'; node: string; by: 'reject-rule' | 'no-listener'; rule?: string }
  | { kind: 'timeout'; node: string; by: 'drop-rule' | 'unanswered'; rule?: string; reason: string }
  | { kind: 'no-route'; node: string; reason: string };

export interface CounterIncrement {
  node: string;
  table: TableName;
  chain: string;
  /** rule index, or -1 for the chain's policy */
  index: number;
  packets: number;
  bytes: number;
}

export interface Trace {
  input: ConnectInput;
  /** the first packet as it left its origin */
  packet: Packet;
  /** the first packet's path, then (when it was delivered) the reply's path back */
  steps: TraceStep[];
  outcome: Outcome;
  /** the reply made it back to the client */
  replied: boolean;
  /** every counter the exchange incremented, summed per rule */
  counters: CounterIncrement[];
}
