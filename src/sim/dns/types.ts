// DNS messages as the simulation passes them around: decoded, never wire bytes.
// Names are written the way DNS tools print owner names in zone files: absolute,
// with the trailing dot (`redis.instavote.svc.cluster.local.`). Tools that print
// names without the dot (busybox, nslookup `Name:`) strip it when formatting.

export type RRType = 'A' | 'AAAA' | 'CNAME' | 'PTR' | 'SRV' | 'SOA' | 'NS' | 'TXT' | 'MX' | 'ANY';

export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED';

export const RCODE_NUMBER: Record<Rcode, number> = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
};

export interface SoaData {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

export interface SrvData {
  priority: number;
  weight: number;
  port: number;
  target: string;
}

/** One resource record. `data` is the address, the target name, or the structured RDATA. */
export type ResourceRecord =
  | { name: string; ttl: number; type: 'A' | 'AAAA'; data: string }
  | { name: string; ttl: number; type: 'CNAME' | 'PTR' | 'NS'; data: string }
  | { name: string; ttl: number; type: 'TXT'; data: string }
  | { name: string; ttl: number; type: 'MX'; data: { preference: number; exchange: string } }
  | { name: string; ttl: number; type: 'SRV'; data: SrvData }
  | { name: string; ttl: number; type: 'SOA'; data: SoaData };

export interface Question {
  /** Absolute name with the trailing dot, in the case the client sent it. */
  name: string;
  type: RRType;
}

export interface DnsQuery {
  id: number;
  question: Question;
  /** Recursion desired: stub resolvers always set it. */
  rd: boolean;
}

export interface DnsReply {
  id: number;
  rcode: Rcode;
  /** Authoritative answer (CoreDNS sets it for the zones it serves, e.g. cluster.local). */
  aa: boolean;
  rd: boolean;
  /** Recursion available (set on forwarded answers, clear on CoreDNS's own zones). */
  ra: boolean;
  question: Question;
  answer: ResourceRecord[];
  authority: ResourceRecord[];
  additional: ResourceRecord[];
}

/** Anything that answers DNS questions (CoreDNS, a cache in front of it, the upstream table). */
export interface DnsServer {
  answer(query: DnsQuery): DnsReply;
}

// --------------------------------------------------------------- transport

/**
 * What happened to one DNS query sent from a pod. The packet engine decides:
 * a reply (CoreDNS reached through kube-proxy's DNAT), silence (dropped,
 * black-holed, the DNS pod is gone and nothing answers), or an ICMP port
 * unreachable (kube-proxy REJECTs a service without endpoints, also for UDP).
 */
export type DnsExchangeResult =
  | { kind: 'reply'; reply: DnsReply; rttMs?: number }
  | { kind: 'timeout' }
  | { kind: 'refused' };

/**
 * A pod's way to send one DNS query to a server address and get the outcome.
 * Implemented by the packet engine for one source pod (or host network
 * namespace). Each call is one UDP datagram the diagram may animate.
 */
export interface DnsTransport {
  exchange(server: string, query: DnsQuery): DnsExchangeResult;
}

/** One query a stub resolver or tool sent, in order, for counting and animating. */
export interface QueryTrace {
  server: string;
  question: Question;
  outcome: 'reply' | 'timeout' | 'refused';
  rcode?: Rcode;
  answers?: number;
  /** Virtual milliseconds since the lookup began when the query was sent. */
  sentAtMs: number;
}
