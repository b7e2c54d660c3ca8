// busybox 1.28 `nslookup` (busybox:1.28, and the lab's samples): a thin layer
// over the C library, so the search list and ndots work as for any program.
//
//   Server:    10.96.0.10
//   Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local
//
//   Name:      redis
//   Address 1: 10.104.128.34 redis.instavote.svc.cluster.local
//
// Headers are padded to 10 characters plus a space; `Name:` shows the name as
// typed; each address carries its reverse name (a PTR lookup, /etc/hosts
// first) or ends right after the IP when there is none. On failure the server
// block still goes to stdout, `nslookup: can't resolve 'NAME'` to stderr, exit 1.

import type { StubResolver } from './resolver';
import { lookupAddresses, lookupName } from './resolver';
import { isIPv4, isIPv6 } from './names';
import { OutputBuilder, type ToolResult } from './tool-output';

export const BUSYBOX_128_BANNER = 'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.';

const USAGE =
  '\nUsage: nslookup [HOST] [SERVER]\n\n' +
  'Query the nameserver for the IP address of the given HOST\n' +
  'optionally using a specified DNS server\n';

export function busyboxLibcNslookup(args: string[], resolver: StubResolver, banner = BUSYBOX_128_BANNER): ToolResult {
  const out = new OutputBuilder();
  if (!args[0] || args[0].startsWith('-') || args.length > 2) {
    out.err(`${banner}\n${USAGE}`);
    return out.done(1);
  }
  const [name, serverArg] = args;
  let r = resolver;
  let server = resolver.conf.nameservers[0] ?? '127.0.0.1';
  if (serverArg !== undefined) {
    if (isIPv4(serverArg) || isIPv6(serverArg)) server = serverArg;
    else {
      const found = lookupAddresses(serverArg, 'inet', resolver);
      out.took(found);
      if (!found.ok) {
        out.err(`nslookup: bad address '${serverArg}'\n`);
        return out.done(1);
      }
      server = found.addresses[0];
    }
    // The explicit server replaces the resolver's list for every lookup that follows.
    r = { ...resolver, conf: { ...resolver.conf, nameservers: [server] } };
  }
  printHost(out, server, 'Server:', r);
  out.out('\n');
  const ok = printHost(out, name, 'Name:', r);
  return out.done(ok ? 0 : 1);
}

function printHost(out: OutputBuilder, host: string, header: string, r: StubResolver): boolean {
  const found = lookupAddresses(host, 'unspec', r);
  out.took(found);
  if (!found.ok) {
    out.err(`nslookup: can't resolve '${host}'\n`);
    return false;
  }
  out.out(`${header.padEnd(10)} ${host}\n`);
  found.addresses.forEach((ip, i) => {
    const rev = lookupName(ip, r);
    out.took(rev);
    out.out(`Address ${i + 1}: ${ip}${rev.name ? ` ${rev.name}` : ''}\n`);
  });
  return true;
}
