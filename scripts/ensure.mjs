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

/** Debian packages for the browser and oracle tests (needs root, as on the CI machine). */
export function ensureSystemPackages() {
  const missing = [];
  if (!hasCommand(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) missing.push('chromium');
  if (!hasCommand('/usr/sbin/iptables')) missing.push('iptables');
  if (!hasCommand('/usr/sbin/ip') && !hasCommand('/sbin/ip')) missing.push('iproute2');
  if (!hasCommand('/usr/sbin/route') && !hasCommand('/sbin/route')) missing.push('net-tools');
  if (missing.length === 0) return;
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  console.log(`> apt-get install -y ${missing.join(' ')}`);
  run(`${sudo}apt-get update -qq`, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(`${sudo}apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
