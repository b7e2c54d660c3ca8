// Registers the network commands with the shell locations. Imported once, for
// its effect, by the terminal session.
//
//   host   the learner's machine (Debian 12 with Docker): docker, curl
//   node   a kind node (kindest/node v1.32.2, Debian 12): iptables and
//          iptables-save (nf_tables, and their -legacy twins), ip, hostname,
//          curl, plus iputils ping and net-tools route: a stock kindest/node
//          ships neither, but the lab's nodes (full VMs) had both and its steps
//          use `route -n`. No DNS tools, as on a real node.
//   pod    a container; locations.ts keeps only the programs its image has:
//          curl, wget, ping, nslookup, hostname, redis-cli, psql, and
//          busybox's nc, ip, route and ifconfig (pod/)

import { locationCommands } from '../locations';
import { curl } from './curl';
import { docker } from './docker';
import { iptables, iptablesLegacy, iptablesLegacySave, iptablesSave } from './node/iptables';
import { ip } from './node/ip';
import { hostname } from './hostname';
import { nslookup } from './nslookup';
import { ping } from './ping';
import { wget } from './wget';
import { redisCli } from './redis-cli';
import { psql } from './psql';
import { route } from './node/route';
import { podIfconfig, podIp, podRoute } from './pod/net-tools';
import { nc } from './pod/nc';

Object.assign(locationCommands.host, { curl, docker });

Object.assign(locationCommands.node, {
  curl,
  ping,
  route,
  hostname,
  ip,
  iptables,
  'iptables-nft': iptables,
  'iptables-save': iptablesSave,
  'iptables-nft-save': iptablesSave,
  'iptables-legacy': iptablesLegacy,
  'iptables-legacy-save': iptablesLegacySave,
});

Object.assign(locationCommands.pod, {
  curl,
  hostname,
  ifconfig: podIfconfig,
  ip: podIp,
  nc,
  nslookup,
  ping,
  psql,
  'redis-cli': redisCli,
  route: podRoute,
  wget,
});
