// kube-proxy in iptables mode (v1.32) for a whole cluster at once. Inputs arrive
// incrementally (services, EndpointSlices, nodes); sync() re-derives only the
// services whose objects changed, exactly as kube-proxy's partial syncs re-send
// only changed services' chains, and rewrites the top-level chains. Every node
// shares one table; a node only gets its own chains where Local traffic
// policies (or a load-balancer source range containing its IP) make it differ.

import type { EndpointSlice, Service } from '../api/types';
import { clusterCategories, endpointsForPort, nodeCategories, nodesWithLocalEndpoints, type ClusterCategories, type EndpointInfo } from './endpoints';
import { cidrContains, parseCidr } from './ipv4';
import { buildPortRules, type PortRuleContext, type PortRules } from './port-rules';
import { comment, rule } from './rules/build';
import type { Chain, Cidr, NodeTables, Rule, Table } from './rules/model';
import { BUILTIN_CHAINS } from './rules/model';
import { servicePorts, type ServicePortInfo } from './service-port';
import {
  CANARY_CHAINS,
  builtinChains,
  firewallRules,
  forwardRules,
  markMasqRules,
  postroutingRules,
} from './static-chains';
import { MutableTable, OverlayTable, staticTable } from './table';

export interface ProxyNode {
  name: string;
  /** the node's InternalIP */
  ip: string;
}

export interface KubeProxyOptions {
  /** `--cluster-cidr`; null for none (no masquerade rules for off-cluster sources, no "pod traffic" rules) */
  clusterCIDR?: string | null;
  /** `--masquerade-all` */
  masqueradeAll?: boolean;
  /** MASQUERADE gets `--random-fully` when the node's iptables supports it, as on kind nodes */
  randomFully?: boolean;
  /** the empty KUBE-PROXY-CANARY / KUBE-KUBELET-CANARY / KUBE-IPTABLES-HINT chains a real node has */
  canaries?: boolean;
  /** above this many endpoints in total, comments are dropped from SEP chains and SVC-to-SEP rules */
  largeClusterThreshold?: number;
}

export interface SyncResult {
  generation: number;
  /** services re-derived by this sync (`ns/name`) */
  changedServices: string[];
  full: boolean;
  largeClusterMode: boolean;
  totalEndpoints: number;
}

/** One service port as the proxy model currently has it (also handy for tools like describe or the UI). */
export interface ProxiedPort {
  info: ServicePortInfo;
  endpoints: readonly EndpointInfo[];
}

interface PortState {
  info: ServicePortInfo;
  endpoints: EndpointInfo[];
  cc: ClusterCategories;
  /** the rules of a node without local endpoints whose IP is in no source range */
  shared: PortRules;
  localNodes: Set<string>;
  /** variants by node name, or '+fw' for nodes only allowed by a source range */
  variants: Map<string, PortRules>;
  /** flags the shared rules were built with (a partial sync keeps them as they were) */
  ctx: PortRuleContext;
}

interface ServiceState {
  key: string;
  order: number;
  svc?: Service;
  slices: Map<string, EndpointSlice>;
  /** the resourceVersions the ports were derived from */
  version: string;
  ports: PortState[];
}

interface TopLevel {
  natServices: Chain;
  natNodePorts: Chain;
  filterServices: Chain;
  filterExternal: Chain;
  filterNodePorts: Chain;
  filterFirewall: Chain;
}

const NODEPORTS_COMMENT = 'kubernetes service nodeports; NOTE: this must be the last rule in this chain';

export class KubeProxy {
  private readonly clusterCIDR?: Cidr;
  private readonly masqueradeAll: boolean;
  private readonly randomFully: boolean;
  private readonly canaries: boolean;
  private readonly threshold: number;

  private readonly services = new Map<string, ServiceState>();
  private readonly dirty = new Set<string>();
  private nextOrder = 0;
  private orderedCache: ServiceState[] | undefined;
  private nodes = new Map<string, string>();
  /** ports with a per-node variant, by node */
  private readonly localPortsByNode = new Map<string, Set<PortState>>();
  /** ports whose FW chain depends on the node IP */
  private readonly fwPorts = new Set<PortState>();

  private readonly nat = new MutableTable('nat');
  private readonly filter = new MutableTable('filter');
  private readonly mangle: Table;
  private readonly natBuiltins: Chain[];
  private readonly filterBuiltins: Chain[];
  private top: TopLevel | undefined;
  private largeCluster = false;
  private totalEndpoints = 0;
  private gen = 0;
  private readonly nodeCache = new Map<string, NodeTables>();
  private shared: NodeTables | undefined;

  constructor(opts: KubeProxyOptions = {}) {
    this.clusterCIDR = opts.clusterCIDR ? parseCidr(opts.clusterCIDR) : undefined;
    if (opts.clusterCIDR && !this.clusterCIDR) throw new Error(`invalid cluster CIDR ${opts.clusterCIDR}`);
    this.masqueradeAll = opts.masqueradeAll ?? false;
    this.randomFully = opts.randomFully ?? true;
    this.canaries = opts.canaries ?? true;
    this.threshold = opts.largeClusterThreshold ?? 1000;

    // Built-in chains hold rules inserted once with `iptables -I`; never rewritten, so
    // the same objects live for the whole run and their counters accumulate.
    this.natBuiltins = builtinChains('nat', BUILTIN_CHAINS.nat);
    this.filterBuiltins = builtinChains('filter', BUILTIN_CHAINS.filter);
    for (const c of this.natBuiltins) this.nat.set(c);
    for (const c of this.filterBuiltins) this.filter.set(c);
    const mangleChains: Chain[] = BUILTIN_CHAINS.mangle.map((name) => ({ name, policy: 'ACCEPT', rules: [] }));
    if (this.canaries) {
      for (const name of CANARY_CHAINS.nat) this.nat.set({ name, rules: [] });
      for (const name of CANARY_CHAINS.filter) this.filter.set({ name, rules: [] });
      for (const name of CANARY_CHAINS.mangle) mangleChains.push({ name, rules: [] });
    }
    this.mangle = staticTable('mangle', mangleChains);
  }

  // ------------------------------------------------------------------ inputs

  setService(svc: Service): void {
    const st = this.state(svc.metadata.namespace ?? 'default', svc.metadata.name ?? '');
    st.svc = svc;
    this.dirty.add(st.key);
  }

  deleteService(namespace: string, name: string): void {
    const st = this.services.get(`${namespace}/${name}`);
    if (!st) return;
    st.svc = undefined;
    this.dirty.add(st.key);
  }

  setEndpointSlice(slice: EndpointSlice): void {
    const svcName = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!svcName) return;
    const st = this.state(slice.metadata.namespace ?? 'default', svcName);
    st.slices.set(slice.metadata.name ?? '', slice);
    this.dirty.add(st.key);
  }

  deleteEndpointSlice(slice: EndpointSlice): void {
    const svcName = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!svcName) return;
    const st = this.services.get(`${slice.metadata.namespace ?? 'default'}/${svcName}`);
    if (!st || !st.slices.delete(slice.metadata.name ?? '')) return;
    this.dirty.add(st.key);
  }

  /** The nodes (only their IPs matter, for load-balancer source ranges). */
  setNodes(nodes: readonly ProxyNode[]): void {
    const next = new Map(nodes.map((n) => [n.name, n.ip]));
    let changed = next.size !== this.nodes.size;
    for (const [n, ip] of next) if (this.nodes.get(n) !== ip) changed = true;
    this.nodes = next;
    if (changed) {
      // Only per-node variants look at node IPs (a source range containing the node).
      for (const set of this.localPortsByNode.values()) for (const p of set) p.variants.clear();
      for (const p of this.fwPorts) p.variants.clear();
      this.nodeCache.clear();
    }
  }

  /** Replace every input at once: unchanged objects (same resourceVersion) cost nothing. */
  replaceAll(services: readonly Service[], slices: readonly EndpointSlice[]): void {
    const seenSvc = new Set<string>();
    for (const svc of services) {
      const key = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name ?? ''}`;
      seenSvc.add(key);
      const st = this.services.get(key);
      if (!st || st.svc !== svc) this.setService(svc);
    }
    const bySvc = new Map<string, EndpointSlice[]>();
    for (const s of slices) {
      const n = s.metadata.labels?.['kubernetes.io/service-name'];
      if (!n) continue;
      const key = `${s.metadata.namespace ?? 'default'}/${n}`;
      let list = bySvc.get(key);
      if (!list) bySvc.set(key, (list = []));
      list.push(s);
    }
    for (const [key, st] of this.services) {
      if (!seenSvc.has(key) && st.svc) {
        st.svc = undefined;
        this.dirty.add(key);
      }
      const list = bySvc.get(key) ?? [];
      const names = new Set(list.map((s) => s.metadata.name ?? ''));
      for (const name of [...st.slices.keys()]) {
        if (!names.has(name)) {
          st.slices.delete(name);
          this.dirty.add(key);
        }
      }
    }
    for (const [key, list] of bySvc) {
      const [namespace, name] = splitKey(key);
      const st = this.state(namespace, name);
      for (const s of list) {
        if (st.slices.get(s.metadata.name ?? '') !== s) {
          st.slices.set(s.metadata.name ?? '', s);
          this.dirty.add(key);
        }
      }
    }
  }

  private state(namespace: string, name: string): ServiceState {
    const key = `${namespace}/${name}`;
    let st = this.services.get(key);
    if (!st) {
      st = { key, order: this.nextOrder++, slices: new Map(), version: '', ports: [] };
      this.services.set(key, st);
      this.orderedCache = undefined;
    }
    return st;
  }

  // ------------------------------------------------------------------ sync

  get generation(): number {
    return this.gen;
  }

  /**
   * One kube-proxy sync. Services whose Service or EndpointSlices changed since the
   * last sync are re-derived (their chains are new objects: counters restart); the
   * rest keep their chains as they were. `full` rewrites every chain, as kube-proxy
   * does at start-up and once an hour.
   */
  sync(opts: { full?: boolean } = {}): SyncResult {
    const full = opts.full === true || this.gen === 0;
    const derived = new Map<string, { ports: DerivedPort[]; version: string }>();
    for (const key of this.dirty) {
      const st = this.services.get(key)!;
      const version = versionOf(st);
      if (!full && version === st.version) continue;
      derived.set(key, { ports: st.svc ? derivePorts(st) : [], version });
    }
    this.dirty.clear();

    let total = 0;
    for (const st of this.services.values()) {
      const d = derived.get(st.key);
      for (const p of d ? d.ports : st.ports) total += p.endpoints.length;
    }
    this.totalEndpoints = total;
    this.largeCluster = total > this.threshold;

    const changed: string[] = [];
    for (const [key, d] of derived) {
      const st = this.services.get(key)!;
      this.replacePorts(st, d.ports);
      st.version = d.version;
      changed.push(key);
      if (!st.svc && st.slices.size === 0) {
        this.services.delete(key);
        this.orderedCache = undefined;
      }
    }
    if (full) {
      for (const st of this.services.values()) {
        if (!derived.has(st.key)) this.replacePorts(st, st.ports.map((p) => ({ info: p.info, endpoints: p.endpoints })));
      }
    }

    this.rebuildTopLevel();
    this.gen++;
    this.nodeCache.clear();
    this.shared = undefined;
    return { generation: this.gen, changedServices: changed, full, largeClusterMode: this.largeCluster, totalEndpoints: total };
  }

  private ctx(nodeIP: string): PortRuleContext {
    return { clusterCIDR: this.clusterCIDR, masqueradeAll: this.masqueradeAll, largeCluster: this.largeCluster, nodeIP };
  }

  private replacePorts(st: ServiceState, ports: DerivedPort[]): void {
    for (const old of st.ports) {
      for (const c of old.shared.natChains) this.nat.delete(c.name);
      for (const node of old.localNodes) this.localPortsByNode.get(node)?.delete(old);
      this.fwPorts.delete(old);
    }
    const ctx = this.ctx('');
    st.ports = ports.map(({ info, endpoints }) => {
      const cc = clusterCategories(info, endpoints);
      const none = nodeCategories(info, endpoints, cc, '');
      const ps: PortState = {
        info,
        endpoints,
        cc,
        shared: buildPortRules(info, cc, none, ctx),
        localNodes: nodesWithLocalEndpoints(info, endpoints),
        variants: new Map(),
        ctx,
      };
      for (const c of ps.shared.natChains) this.nat.set(c);
      for (const node of ps.localNodes) {
        let set = this.localPortsByNode.get(node);
        if (!set) this.localPortsByNode.set(node, (set = new Set()));
        set.add(ps);
      }
      if (cc.hasAny && info.loadBalancerIPs.length > 0 && info.sourceRanges.length > 0) this.fwPorts.add(ps);
      return ps;
    });
  }

  private ordered(): ServiceState[] {
    if (!this.orderedCache) this.orderedCache = [...this.services.values()].sort((a, b) => a.order - b.order);
    return this.orderedCache;
  }

  private rebuildTopLevel(): void {
    const segs = (pick: (r: PortRules) => Rule[], variant?: (p: PortState) => PortRules | undefined): Rule[] => {
      const out: Rule[] = [];
      for (const st of this.ordered()) {
        for (const p of st.ports) {
          const rules = pick((variant && variant(p)) ?? p.shared);
          for (const r of rules) out.push(r);
        }
      }
      return out;
    };
    this.top = this.topLevelChains(segs);
    // Rewritten at every sync: new objects, so their counters restart as in real iptables.
    this.nat.set(this.top.natServices);
    this.nat.set(this.top.natNodePorts);
    this.nat.set({ name: 'KUBE-POSTROUTING', rules: postroutingRules(this.randomFully) });
    this.nat.set({ name: 'KUBE-MARK-MASQ', rules: markMasqRules() });
    this.filter.set(this.top.filterServices);
    this.filter.set(this.top.filterExternal);
    this.filter.set(this.top.filterNodePorts);
    this.filter.set(this.top.filterFirewall);
    this.filter.set({ name: 'KUBE-FORWARD', rules: forwardRules() });
    this.filter.set({ name: 'KUBE-FIREWALL', rules: firewallRules() });
  }

  private topLevelChains(
    segs: (pick: (r: PortRules) => Rule[]) => Rule[],
  ): TopLevel {
    const natServices = segs((r) => r.natServices);
    natServices.push(
      rule({
        matches: [comment(NODEPORTS_COMMENT), { kind: 'addrtype', dstType: 'LOCAL' }],
        target: { kind: 'jump', chain: 'KUBE-NODEPORTS' },
      }),
    );
    return {
      natServices: { name: 'KUBE-SERVICES', rules: natServices },
      natNodePorts: { name: 'KUBE-NODEPORTS', rules: segs((r) => r.natNodePorts) },
      filterServices: { name: 'KUBE-SERVICES', rules: segs((r) => r.filterServices) },
      filterExternal: { name: 'KUBE-EXTERNAL-SERVICES', rules: segs((r) => r.filterExternal) },
      filterNodePorts: { name: 'KUBE-NODEPORTS', rules: segs((r) => r.filterNodePorts) },
      filterFirewall: { name: 'KUBE-PROXY-FIREWALL', rules: segs((r) => r.filterFirewall) },
    };
  }

  // ------------------------------------------------------------------ per-node tables

  /** The tables of one node as of the last sync. Nodes without differences share one object. */
  tables(node: string): NodeTables {
    const cached = this.nodeCache.get(node);
    if (cached) return cached;
    const nodeIP = this.nodes.get(node) ?? '';
    const variants = new Map<PortState, PortRules>();
    for (const p of this.localPortsByNode.get(node) ?? []) variants.set(p, this.variant(p, node, nodeIP));
    if (nodeIP) {
      for (const p of this.fwPorts) {
        if (variants.has(p)) continue;
        if (p.info.sourceRanges.some((r) => cidrContains(r, nodeIP))) variants.set(p, this.variant(p, '+fw', nodeIP));
      }
    }
    let result: NodeTables;
    if (variants.size === 0) {
      result = this.sharedTables();
    } else {
      result = this.overlay(variants);
    }
    this.nodeCache.set(node, result);
    return result;
  }

  private sharedTables(): NodeTables {
    if (!this.shared) this.shared = { nat: this.nat, filter: this.filter, mangle: this.mangle };
    return this.shared;
  }

  private variant(p: PortState, key: string, nodeIP: string): PortRules {
    let v = p.variants.get(key);
    if (!v) {
      const node = key === '+fw' ? '' : key;
      const nc = nodeCategories(p.info, p.endpoints, p.cc, node);
      v = buildPortRules(p.info, p.cc, nc, { ...p.ctx, nodeIP });
      p.variants.set(key, v);
    }
    return v;
  }

  private overlay(variants: Map<PortState, PortRules>): NodeTables {
    const natOver = new Map<string, Chain | null>();
    const filterOver = new Map<string, Chain | null>();
    const differs = { natServices: false, natNodePorts: false, filterServices: false, filterExternal: false, filterNodePorts: false, filterFirewall: false };
    for (const [p, v] of variants) {
      const keep = new Set(v.natChains.map((c) => c.name));
      for (const c of p.shared.natChains) if (!keep.has(c.name)) natOver.set(c.name, null);
      const sharedByName = new Map(p.shared.natChains.map((c) => [c.name, c]));
      for (const c of v.natChains) {
        const s = sharedByName.get(c.name);
        if (!s || !sameRules(s.rules, c.rules)) natOver.set(c.name, c);
      }
      for (const k of Object.keys(differs) as (keyof typeof differs)[]) {
        if (!differs[k] && !sameRules(p.shared[k], v[k])) differs[k] = true;
      }
    }
    if (Object.values(differs).some(Boolean)) {
      const segs = (pick: (r: PortRules) => Rule[]): Rule[] => {
        const out: Rule[] = [];
        for (const st of this.ordered()) for (const p of st.ports) for (const r of pick(variants.get(p) ?? p.shared)) out.push(r);
        return out;
      };
      const top = this.topLevelChains(segs);
      if (differs.natServices) natOver.set('KUBE-SERVICES', top.natServices);
      if (differs.natNodePorts) natOver.set('KUBE-NODEPORTS', top.natNodePorts);
      if (differs.filterServices) filterOver.set('KUBE-SERVICES', top.filterServices);
      if (differs.filterExternal) filterOver.set('KUBE-EXTERNAL-SERVICES', top.filterExternal);
      if (differs.filterNodePorts) filterOver.set('KUBE-NODEPORTS', top.filterNodePorts);
      if (differs.filterFirewall) filterOver.set('KUBE-PROXY-FIREWALL', top.filterFirewall);
    }
    return {
      nat: natOver.size ? new OverlayTable(this.nat, natOver) : this.nat,
      filter: filterOver.size ? new OverlayTable(this.filter, filterOver) : this.filter,
      mangle: this.mangle,
    };
  }

  // ------------------------------------------------------------------ queries

  /** Service ports as proxied after the last sync, in kube-proxy's write order. */
  ports(): ProxiedPort[] {
    const out: ProxiedPort[] = [];
    for (const st of this.ordered()) for (const p of st.ports) out.push({ info: p.info, endpoints: p.endpoints });
    return out;
  }

  /** Endpoints of all service ports at the last sync (what large-cluster mode counts). */
  get endpointCount(): number {
    return this.totalEndpoints;
  }

  get largeClusterMode(): boolean {
    return this.largeCluster;
  }
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

interface DerivedPort {
  info: ServicePortInfo;
  endpoints: EndpointInfo[];
}

function derivePorts(st: ServiceState): DerivedPort[] {
  const slices = [...st.slices.values()];
  return servicePorts(st.svc!).map((info) => ({ info, endpoints: endpointsForPort(info, slices) }));
}

let anonymous = 0;
const anonymousIds = new WeakMap<object, number>();

/** resourceVersion when the object has one, else its identity (plain objects in tests). */
function rv(o: { metadata: { resourceVersion?: string } }): string {
  if (o.metadata.resourceVersion) return o.metadata.resourceVersion;
  let id = anonymousIds.get(o);
  if (id === undefined) anonymousIds.set(o, (id = ++anonymous));
  return `#${id}`;
}

function versionOf(st: ServiceState): string {
  const parts = [st.svc ? rv(st.svc) : '-'];
  for (const [name, s] of [...st.slices].sort((a, b) => (a[0] < b[0] ? -1 : 1))) parts.push(`${name}=${rv(s)}`);
  return parts.join(',');
}

/** Structural equality of two rule lists (rules are plain data). */
function sameRules(a: readonly Rule[], b: readonly Rule[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  return true;
}
