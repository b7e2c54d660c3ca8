// Installs what the two README commands need on a fresh machine: npm packages
// (when package-lock.json changed since the last install) and, for tests,
// Debian's Chromium, iptables, iproute2 and net-tools (browser tests and the
// oracles for iptables, ip and route).

import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, opts = {}) {
  execSync(cmd, { stdio: 'inherit', cwd: root, ...opts });
}

export function ensureNodeModules() {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.install-stamp');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('> npm ci');
  run('npm ci --no-audit --no-fund');
  writeFileSync(stamp, hash);
}

function hasCommand(path) {
  return existsSync(path);
}

/**
 * Debian packages for the browser and oracle tests (needs root, as on the CI
 * machine): Chromium for the browser; iptables, iproute2, net-tools for the
 * node-network oracles; busybox, BIND's nslookup, nginx, redis and PostgreSQL
 * clients/servers for the DNS and app oracles.
 */
const PACKAGES = [
  ['chromium', [process.env.CHROMIUM_PATH || '/usr/bin/chromium']],
  ['iptables', ['/usr/sbin/iptables']],
  ['iproute2', ['/usr/sbin/ip', '/sbin/ip', '/bin/ip']],
  ['net-tools', ['/usr/sbin/route', '/sbin/route']],
  ['busybox', ['/usr/bin/busybox', '/bin/busybox']],
  ['bind9-dnsutils', ['/usr/bin/nslookup']],
  ['nginx-light', ['/usr/sbin/nginx']],
  ['redis-server', ['/usr/bin/redis-server']],
  ['redis-tools', ['/usr/bin/redis-cli']],
  ['postgresql-15', ['/usr/lib/postgresql/15/bin/postgres']],
  ['postgresql-client-15', ['/usr/lib/postgresql/15/bin/psql']],
  ['util-linux', ['/usr/bin/unshare']],
  ['curl', ['/usr/bin/curl']],
];

export function ensureSystemPackages() {
  const missing = PACKAGES.filter(([, paths]) => !paths.some(hasCommand)).map(([pkg]) => pkg);
  if (missing.length === 0) return;
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  console.log(`> apt-get install -y ${missing.join(' ')}`);
  run(`${sudo}apt-get update -qq`, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(`${sudo}apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
