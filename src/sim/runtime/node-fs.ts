// The file trees of the kind node containers (what `docker exec kind-worker cat
// /etc/resolv.conf` shows): hostname, hosts and resolv.conf as docker writes
// them on the kind network, and the node image's os-release.

import { VirtualFs } from '../../shell/fs/vfs';
import { etcHosts } from '../net/render/hostname';
import { formatResolvConf, KIND_NODE_RESOLV } from '../dns/resolvconf';

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export function buildNodeFs(name: string, ip: string, ipv6: string | undefined, now: () => number): VirtualFs {
  const fs = new VirtualFs({ home: '/root', now, dirs: ['/etc', '/kind', '/var/log/pods'] });
  fs.write('/etc/hostname', `${name}\n`);
  fs.write('/etc/hosts', etcHosts(name, ip, ipv6));
  fs.write('/etc/resolv.conf', formatResolvConf(KIND_NODE_RESOLV));
  fs.write('/etc/os-release', OS_RELEASE);
  return fs;
}
