// `ip neigh show` (iproute2 6.1): the node's ARP cache. The simulator keeps no
// neighbour state, so the cache is what a kind node's would settle to: its
// weave peers on eth0 (weave's TCP control connections keep them confirmed,
// REACHABLE) and docker's gateway, which the node rarely talks to (STALE).

import type { IpResult } from './ip-addr';
import type { NodeNetwork } from './node-network';
import { macFrom, dockerMac } from './node-network';
import { addressBits, parsePrefix, sameBits, type Family } from './inet';
import { INCOMPLETE } from './ip-route';

export type NudState = 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'NOARP' | 'PERMANENT';

export interface Neighbour {
  address: string;
  dev: string;
  mac: string;
  state: NudState;
  router?: boolean;
}

const NUD: Record<NudState | 'NONE', number> = {
  INCOMPLETE: 0x01,
  REACHABLE: 0x02,
  STALE: 0x04,
  DELAY: 0x08,
  PROBE: 0x10,
  FAILED: 0x20,
  NOARP: 0x40,
  PERMANENT: 0x80,
  NONE: 0x100,
};

/** The MAC of docker's bridge for the kind network (random on a real host, stable here). */
export function gatewayMac(gateway: string): string {
  return macFrom(`docker-bridge/${gateway}`);
}

/** The node's neighbours: the other nodes (REACHABLE), then docker's gateway (STALE). */
export function nodeNeighbours(net: NodeNetwork, peerIPs: readonly string[]): Neighbour[] {
  const out: Neighbour[] = peerIPs.filter((ip) => ip !== net.ip).map((ip) => ({ address: ip, dev: 'eth0', mac: dockerMac(ip), state: 'REACHABLE' }));
  out.push({ address: net.gateway, dev: 'eth0', mac: gatewayMac(net.gateway), state: 'STALE' });
  return out;
}

export interface NeighGlobals {
  family?: Family;
  brief?: boolean;
}

/** `ip neigh show [to PREFIX] [dev DEV] [nud STATE]`. */
export function ipNeighShow(entries: readonly Neighbour[], devices: readonly string[], args: string[], g: NeighGlobals = {}): IpResult {
  let dev: string | undefined;
  let states = 0xff & ~NUD.NOARP;
  let stateGiven = false;
  let family = g.family;
  let pfx: ReturnType<typeof parsePrefix>;
  for (let k = 0; k < args.length; k++) {
    let w = args[k];
    if (w === 'dev') {
      const v = args[++k];
      if (v === undefined) return INCOMPLETE;
      if (dev !== undefined) return { stdout: '', stderr: `Error: duplicate "dev": "${v}" is the second value.\n`, exitCode: 255 };
      dev = v;
    } else if (w === 'nud') {
      const v = args[++k];
      if (v === undefined) return INCOMPLETE;
      if (!stateGiven) {
        stateGiven = true;
        states = 0;
      }
      const name = v.toUpperCase();
      let s: number;
      if (name in NUD) s = NUD[name as keyof typeof NUD];
      else if (v === 'all') s = ~0;
      else return { stdout: '', stderr: `Error: argument "${v}" is wrong: nud state is bad\n`, exitCode: 255 };
      states |= s;
    } else {
      if (w === 'to') {
        const v = args[++k];
        if (v === undefined) return INCOMPLETE;
        w = v;
      }
      const p = parsePrefix(w, family);
      if (!p) {
        const verbose = family === 'inet' ? 'inet' : family === 'inet6' ? 'inet6' : 'any valid';
        return { stdout: '', stderr: `Error: ${verbose} prefix is expected rather than "${w}".\n`, exitCode: 1 };
      }
      pfx = p;
      family ??= p.family;
    }
  }
  if (dev !== undefined && !devices.includes(dev)) return { stdout: '', stderr: `Cannot find device "${dev}"\n`, exitCode: 1 };
  let out = '';
  for (const n of entries) {
    const a = addressBits(n.address);
    if (family && a.family !== family) continue;
    if (!(NUD[n.state] & states)) continue;
    if (dev !== undefined && n.dev !== dev) continue;
    if (pfx?.family && (pfx.family !== a.family || !sameBits(a.bits, pfx.bits, a.family, pfx.len))) continue;
    if (g.brief) {
      out += `${n.address.padEnd(39)} ${dev === undefined ? `${n.dev.padEnd(16)} ` : ''}${n.mac}\n`;
      continue;
    }
    let s = `${n.address} `;
    if (dev === undefined) s += `dev ${n.dev} `;
    s += `lladdr ${n.mac} `;
    if (n.router) s += 'router ';
    out += `${s}${n.state} \n`;
  }
  return { stdout: out, stderr: '', exitCode: 0 };
}
