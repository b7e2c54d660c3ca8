// `ip route show|list [SELECTOR]` and `ip route get` (iproute2 6.1). The node's
// routes of both families and both tables are derived from the model (the
// kernel adds the local table's entries for each address, and the IPv6 prefix,
// link-local and multicast routes for each device), then filtered and printed
// as iproute2's filter_nlmsg() and print_route() do: a selector that pins a
// field (dev, via, proto, scope, src, table, metric) leaves that field out of
// each line. IPv4 lines end with a space, IPv6 ones with `pref medium`.

import { isLocalAddress, lookupRoute, sourceAddressFor, type Interface, type NodeNetwork, type Route } from './node-network';
import { isIPv4 } from '../../proxy/ipv4';
import type { IpResult } from './ip-addr';
import { addressBits, formatAddress, HOST_LEN, networkOf, parsePrefix, sameBits, type Family, type Prefix } from './inet';

export function routeLine(r: Route): string {
  let s = r.dst ? (r.dst.len === 32 ? r.dst.addr : `${r.dst.addr}/${r.dst.len}`) : 'default';
  if (r.via) s += ` via ${r.via}`;
  s += ` dev ${r.dev}`;
  if (r.protoKernel) s += ' proto kernel';
  if (r.scopeLink) s += ' scope link';
  if (r.src) s += ` src ${r.src}`;
  return `${s} `;
}

export function ipRouteShow(net: NodeNetwork): string {
  return net.routes.map((r) => routeLine(r) + '\n').join('');
}

// ---- the kernel's routes -------------------------------------------------

const RT_TABLE_MAIN = 254;
const RT_TABLE_LOCAL = 255;
const RTPROT_KERNEL = 2;
const RTPROT_BOOT = 3;
const SCOPE_GLOBAL = 0;
const SCOPE_LINK = 253;
const SCOPE_HOST = 254;

const RTN = { unicast: 1, local: 2, broadcast: 3, anycast: 4, multicast: 5, blackhole: 6, unreachable: 7, prohibit: 8, throw: 9, nat: 10, xresolve: 11 } as const;
type RouteType = keyof typeof RTN;

export interface KernelRoute {
  family: Family;
  table: number;
  type: RouteType;
  /** undefined: the default route */
  dst?: { bits: bigint; len: number };
  via?: bigint;
  dev: string;
  protocol: number;
  scope: number;
  src?: bigint;
  /** IPv6 routes carry a metric (and a preference) */
  metric?: number;
}

/**
 * The order in which the node's devices got their IPv6 link-local routes (the
 * order they came up): docker's eth0 first, then weave's devices and the pods'
 * veths as they were created.
 */
export function ipv6DeviceOrder(net: NodeNetwork): Interface[] {
  const withV6 = net.interfaces.filter((i) => i.name !== 'lo' && i.addresses.some((a) => a.family === 'inet6'));
  return [...withV6.filter((i) => i.name === 'eth0'), ...withV6.filter((i) => i.name !== 'eth0')];
}

/** The IPv6 default gateway docker gives the node: the first address of eth0's /64. */
export function ipv6Gateway(net: NodeNetwork): string | undefined {
  const eth0 = net.interfaces.find((i) => i.name === 'eth0');
  const g = eth0?.addresses.find((a) => a.family === 'inet6' && a.scope === 'global');
  if (!g) return undefined;
  return formatAddress(networkOf(addressBits(g.address).bits, 'inet6', g.prefix) + 1n, 'inet6');
}

function v4(ip: string): bigint {
  return addressBits(ip).bits;
}

/** fib_trie dump order: by address, then shorter prefixes first. */
function v4Order(a: KernelRoute, b: KernelRoute): number {
  const ab = a.dst?.bits ?? 0n;
  const bb = b.dst?.bits ?? 0n;
  if (ab !== bb) return ab < bb ? -1 : 1;
  return (a.dst?.len ?? 0) - (b.dst?.len ?? 0);
}

/** fib6 walks its tree children first: a prefix comes after the ones it contains; same prefixes keep insertion order. */
function v6Order(a: KernelRoute, b: KernelRoute): number {
  const al = a.dst?.len ?? 0;
  const bl = b.dst?.len ?? 0;
  const ab = a.dst?.bits ?? 0n;
  const bb = b.dst?.bits ?? 0n;
  if (al === bl && ab === bb) return 0;
  if (al <= bl && sameBits(ab, bb, 'inet6', al)) return 1;
  if (bl <= al && sameBits(ab, bb, 'inet6', bl)) return -1;
  return ab < bb ? -1 : 1;
}

/** Every route of the node, in `ip route show table all` order. */
export function kernelRoutes(net: NodeNetwork): KernelRoute[] {
  const main4: KernelRoute[] = net.routes.map((r) => ({
    family: 'inet',
    table: RT_TABLE_MAIN,
    type: 'unicast',
    dst: r.dst ? { bits: v4(r.dst.addr), len: r.dst.len } : undefined,
    via: r.via ? v4(r.via) : undefined,
    dev: r.dev,
    protocol: r.protoKernel ? RTPROT_KERNEL : RTPROT_BOOT,
    scope: r.scopeLink ? SCOPE_LINK : SCOPE_GLOBAL,
    src: r.src ? v4(r.src) : undefined,
  }));
  const local4: KernelRoute[] = [];
  for (const i of net.interfaces) {
    for (const a of i.addresses) {
      if (a.family !== 'inet') continue;
      const addr = v4(a.address);
      const base = { family: 'inet' as const, table: RT_TABLE_LOCAL, dev: i.name, protocol: RTPROT_KERNEL, src: addr };
      const net4 = networkOf(addr, 'inet', a.prefix);
      // A loopback device's prefix is local as a whole.
      if (i.linkType === 'loopback') local4.push({ ...base, type: 'local', dst: { bits: net4, len: a.prefix }, scope: SCOPE_HOST });
      local4.push({ ...base, type: 'local', dst: { bits: addr, len: 32 }, scope: SCOPE_HOST });
      if (a.prefix < 31) {
        const brd = net4 | ((1n << BigInt(32 - a.prefix)) - 1n);
        local4.push({ ...base, type: 'broadcast', dst: { bits: brd, len: 32 }, scope: SCOPE_LINK });
      }
    }
  }
  local4.sort(v4Order);

  const devs = ipv6DeviceOrder(net);
  const main6: KernelRoute[] = [];
  const base6 = { family: 'inet6' as const, protocol: RTPROT_KERNEL, scope: SCOPE_GLOBAL };
  for (const i of devs) {
    for (const a of i.addresses) {
      if (a.family !== 'inet6' || a.scope !== 'global') continue;
      main6.push({ ...base6, table: RT_TABLE_MAIN, type: 'unicast', dst: { bits: networkOf(addressBits(a.address).bits, 'inet6', a.prefix), len: a.prefix }, dev: i.name, metric: 256 });
    }
  }
  for (const i of devs) {
    if (i.addresses.some((a) => a.family === 'inet6' && a.scope === 'link')) {
      main6.push({ ...base6, table: RT_TABLE_MAIN, type: 'unicast', dst: { bits: 0xfe80n << 112n, len: 64 }, dev: i.name, metric: 256 });
    }
  }
  const gw6 = ipv6Gateway(net);
  if (gw6) main6.push({ ...base6, protocol: RTPROT_BOOT, table: RT_TABLE_MAIN, type: 'unicast', via: addressBits(gw6).bits, dev: 'eth0', metric: 1024 });
  main6.sort(v6Order);

  const local6: KernelRoute[] = [];
  for (const i of net.interfaces) {
    for (const a of i.addresses) {
      if (a.family !== 'inet6') continue;
      local6.push({ ...base6, table: RT_TABLE_LOCAL, type: 'local', dst: { bits: addressBits(a.address).bits, len: 128 }, dev: i.name, metric: 0 });
    }
  }
  for (const i of devs) local6.push({ ...base6, table: RT_TABLE_LOCAL, type: 'multicast', dst: { bits: 0xffn << 120n, len: 8 }, dev: i.name, metric: 256 });
  local6.sort(v6Order);
  return [...main4, ...local4, ...main6, ...local6];
}

// ---- `ip route show` ------------------------------------------------------

export interface IpGlobals {
  /** -4 / -6 */
  family?: Family;
  /** -d */
  details?: boolean;
}

const PROTOCOLS: Record<string, number> = {
  unspec: 0, redirect: 1, kernel: 2, boot: 3, static: 4, gated: 8, ra: 9, mrt: 10, zebra: 11, bird: 12, dnrouted: 13, xorp: 14, ntk: 15,
  dhcp: 16, keepalived: 18, babel: 42, openr: 99, bgp: 186, isis: 187, ospf: 188, rip: 189, eigrp: 192,
};
const SCOPES: Record<string, number> = { global: 0, nowhere: 255, host: 254, link: 253, site: 200 };
const TABLES: Record<string, number> = { local: 255, main: 254, default: 253, unspec: 0 };

function nameOf(table: Record<string, number>, n: number): string {
  return Object.keys(table).find((k) => table[k] === n) ?? String(n);
}

/** rtnl_*_a2n: a name from the table or a number (C syntax). */
function a2n(table: Record<string, number>, word: string, max: number): number | undefined {
  if (word in table) return table[word];
  const n = /^0[xX][0-9a-fA-F]+$/.test(word) ? parseInt(word, 16) : /^0[0-7]*$/.test(word) ? parseInt(word, 8) : /^[1-9]\d*$/.test(word) ? Number(word) : NaN;
  return Number.isFinite(n) && n <= max ? n : undefined;
}

/** iproute2's matches(): the word is a prefix of the keyword. */
function matches(word: string, keyword: string): boolean {
  return word.length > 0 && keyword.startsWith(word);
}

const familyVerbose = (f?: Family) => (f === 'inet' ? 'inet' : f === 'inet6' ? 'inet6' : 'any valid');

function invarg(msg: string, arg: string): IpResult {
  return { stdout: '', stderr: `Error: argument "${arg}" is wrong: ${msg}\n`, exitCode: 255 };
}

export const INCOMPLETE: IpResult = { stdout: '', stderr: 'Command line is not complete. Try option "help"\n', exitCode: 255 };

interface RouteFilter {
  /** 0: all tables */
  tb: number;
  cloned: boolean;
  protocol?: number;
  /** undefined also for `scope all` / `proto all`, which match everything and leave the field in */
  scope?: number;
  typemask: number;
  dev?: string;
  via?: Prefix;
  src?: Prefix;
  rdst?: Prefix;
  mdst?: Prefix;
  metric?: number;
}

function routeFilter(args: string[], g: IpGlobals, devices: readonly string[]): RouteFilter | IpResult {
  const f: RouteFilter = { tb: RT_TABLE_MAIN, cloned: false, typemask: 0 };
  const doFamily = g.family;
  const prefix = (word: string): Prefix | IpResult => {
    const p = parsePrefix(word, doFamily);
    return p ?? { stdout: '', stderr: `Error: ${familyVerbose(doFamily)} prefix is expected rather than "${word}".\n`, exitCode: 1 };
  };
  const isErr = (x: unknown): x is IpResult => typeof x === 'object' && x !== null && 'exitCode' in x;
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    const next = (): string | undefined => args[++k];
    if (matches(w, 'table')) {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      const t = a2n(TABLES, v, 0xffffffff);
      if (t !== undefined) f.tb = t;
      else if (v === 'all') f.tb = 0;
      else if (v === 'cache') f.cloned = true;
      else return invarg('table id value is invalid\n', v);
    } else if (matches(w, 'cached') || matches(w, 'cloned')) {
      f.cloned = true;
    } else if (matches(w, 'protocol')) {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      const p = a2n(PROTOCOLS, v, 255);
      if (p !== undefined) f.protocol = p;
      else if (v !== 'all') return invarg('invalid "protocol"\n', v);
    } else if (matches(w, 'scope')) {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      const s = a2n(SCOPES, v, 255);
      if (s !== undefined) f.scope = s;
      else if (v !== 'all') return invarg('invalid "scope"\n', v);
    } else if (matches(w, 'type')) {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      const t = v === 'brd' ? RTN.broadcast : v in RTN ? RTN[v as RouteType] : a2n({}, v, 255);
      if (t === undefined) return invarg('node type value is invalid\n', v);
      f.typemask = 2 ** t;
    } else if (w === 'dev' || w === 'oif') {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      f.dev = v;
    } else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      const m = a2n({}, v, 0xffffffff);
      if (m === undefined) return invarg('"metric" value is invalid\n', v);
      f.metric = m;
    } else if (w === 'via') {
      let v = next();
      if (v === undefined) return INCOMPLETE;
      let fam = doFamily;
      if (v === 'inet' || v === 'inet6') {
        fam = v;
        v = next();
        if (v === undefined) return INCOMPLETE;
      }
      const p = parsePrefix(v, fam);
      if (!p) return { stdout: '', stderr: `Error: ${familyVerbose(fam)} prefix is expected rather than "${v}".\n`, exitCode: 1 };
      f.via = p;
    } else if (w === 'src') {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      const p = prefix(v);
      if (isErr(p)) return p;
      f.src = p;
    } else {
      let word: string | undefined = w;
      if (matches(word, 'to')) {
        word = next();
        if (word === undefined) return INCOMPLETE;
      }
      if (matches(word, 'root')) {
        const v = next();
        if (v === undefined) return INCOMPLETE;
        const p = prefix(v);
        if (isErr(p)) return p;
        f.rdst = p;
      } else if (matches(word, 'match')) {
        const v = next();
        if (v === undefined) return INCOMPLETE;
        const p = prefix(v);
        if (isErr(p)) return p;
        f.mdst = p;
      } else {
        if (matches(word, 'exact')) {
          word = next();
          if (word === undefined) return INCOMPLETE;
        }
        const p = prefix(word);
        if (isErr(p)) return p;
        f.mdst = p;
        f.rdst = p;
      }
    }
  }
  if (f.dev !== undefined && !devices.includes(f.dev)) return { stdout: '', stderr: `Cannot find device "${f.dev}"\n`, exitCode: 1 };
  return f;
}

/** filter_nlmsg() */
function keep(r: KernelRoute, f: RouteFilter, g: IpGlobals): boolean {
  if (g.family && r.family !== g.family) return false;
  if (f.cloned) return false;
  if (f.tb > 0 && f.tb !== r.table) return false;
  if (f.protocol !== undefined && f.protocol !== r.protocol) return false;
  if (f.scope !== undefined && f.scope !== r.scope) return false;
  if (f.typemask && !(f.typemask & (2 ** RTN[r.type]))) return false;
  const len = r.dst?.len ?? 0;
  const bits = r.dst?.bits ?? 0n;
  if (f.rdst) {
    if (f.rdst.family ? r.family !== f.rdst.family || f.rdst.len > len : f.rdst.lenGiven && f.rdst.len > len) return false;
  }
  if (f.mdst) {
    if (f.mdst.family ? r.family !== f.mdst.family || f.mdst.len < len : f.mdst.lenGiven && f.mdst.len < len) return false;
  }
  if (f.rdst?.family && !sameBits(bits, f.rdst.bits, r.family, f.rdst.len)) return false;
  if (f.mdst?.family && !sameBits(bits, f.mdst.bits, r.family, len)) return false;
  if (f.via?.family) {
    if (r.family !== f.via.family || !sameBits(r.via ?? 0n, f.via.bits, r.family, f.via.len)) return false;
  }
  if (f.src?.family && !sameBits(r.src ?? 0n, f.src.bits, f.src.family, f.src.len)) return false;
  if (f.dev !== undefined && r.dev !== f.dev) return false;
  if (f.metric !== undefined && (r.metric ?? 0) !== f.metric) return false;
  return true;
}

/** print_route() */
function printRoute(r: KernelRoute, f: RouteFilter, g: IpGlobals): string {
  const hostLen = HOST_LEN[r.family];
  let s = '';
  if (r.type !== 'unicast' || g.details) s += `${r.type} `;
  if (r.dst) s += r.dst.len === hostLen ? `${formatAddress(r.dst.bits, r.family)} ` : `${formatAddress(r.dst.bits, r.family)}/${r.dst.len} `;
  else s += 'default ';
  if (r.via !== undefined && f.via?.len !== hostLen) s += `via ${formatAddress(r.via, r.family)} `;
  if (f.dev === undefined) s += `dev ${r.dev} `;
  if ((r.table !== RT_TABLE_MAIN || g.details) && !f.tb) s += `table ${nameOf(TABLES, r.table)} `;
  if ((r.protocol !== RTPROT_BOOT || g.details) && f.protocol === undefined) s += `proto ${nameOf(PROTOCOLS, r.protocol)} `;
  if ((r.scope !== SCOPE_GLOBAL || g.details) && f.scope === undefined) s += `scope ${nameOf(SCOPES, r.scope)} `;
  if (r.src !== undefined && f.src?.len !== hostLen) s += `src ${formatAddress(r.src, r.family)} `;
  if (r.metric !== undefined && f.metric === undefined) s += `metric ${r.metric} `;
  if (r.family === 'inet6') s += 'pref medium';
  return s + '\n';
}

/** `ip route show|list [SELECTOR]`: `args` are the words after the command. */
export function ipRouteList(net: NodeNetwork, args: string[], g: IpGlobals = {}): IpResult {
  const f = routeFilter(args, g, net.interfaces.map((i) => i.name));
  if ('exitCode' in f) return f;
  // Without -4/-6 and a prefix, a table other than `all` means IPv4.
  let family = g.family ?? f.rdst?.family ?? f.mdst?.family;
  if (!family && f.tb) family = 'inet';
  if (f.tb && f.tb !== RT_TABLE_MAIN && f.tb !== RT_TABLE_LOCAL && !f.cloned) {
    return { stdout: '', stderr: `Error: ${family === 'inet6' ? 'ipv6' : 'ipv4'}: FIB table does not exist.\nDump terminated\n`, exitCode: 2 };
  }
  const eff: IpGlobals = { ...g, family };
  const out = kernelRoutes(net)
    .filter((r) => keep(r, f, eff))
    .map((r) => printRoute(r, f, eff))
    .join('');
  return { stdout: out, stderr: '', exitCode: 0 };
}

/** `ip route get ADDR` as root (uid 0). */
export function ipRouteGet(net: NodeNetwork, dst: string): IpResult {
  if (!isIPv4(dst)) return { stdout: '', stderr: `Error: any valid prefix is expected rather than "${dst}".\n`, exitCode: 1 };
  if (isLocalAddress(net, dst)) {
    return { stdout: `local ${dst} dev lo src ${sourceAddressFor(net, dst)} uid 0 \n    cache <local> \n`, stderr: '', exitCode: 0 };
  }
  const r = lookupRoute(net, dst);
  if (!r) return { stdout: '', stderr: 'RTNETLINK answers: Network is unreachable\n', exitCode: 2 };
  const via = r.via ? ` via ${r.via}` : '';
  return { stdout: `${dst}${via} dev ${r.dev} src ${sourceAddressFor(net, dst)} uid 0 \n    cache \n`, stderr: '', exitCode: 0 };
}
