// Our docker ps / exec against the real docker CLI (28.2.2) on this machine,
// talking to a fake daemon that serves the simulation's kind containers: the
// table layout, the PORTS folding, the truncation, CREATED, -q, --format and
// the daemon's errors come out of the real CLI's code.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation } from '../../../sim/simulation';
import type { ExecContext } from '../../types';
import { kindContainers } from '../lib/docker-host';
import { docker } from './index';
import { humanDuration } from './format';

const DOCKER = process.env.DOCKER_PATH ?? '/usr/local/bin/docker';
const version = spawnSync(DOCKER, ['--version'], { encoding: 'utf8' }).stdout ?? '';
const skip = version.startsWith('Docker version 28.') ? '' : `${DOCKER} is not a Docker 28 CLI`;
if (skip) console.warn(`skipping docker oracle tests: ${skip}`);

const home = mkdtempSync(join(tmpdir(), 'docker-oracle-'));
const socket = join(home, 'docker.sock');
const sim = new Simulation();
const ctx = { sim } as unknown as ExecContext;
/** The real CLI computes CREATED from the real clock: place the containers as old as they are in the simulation. */
const offset = Date.now() - sim.now();

function summaries() {
  return kindContainers(ctx).map((c) => ({
    Id: c.id,
    Names: [`/${c.name}`],
    Image: c.image,
    ImageID: 'sha256:1f7a8a9b0c5e3f2d1a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f',
    Command: c.command,
    Created: Math.floor((c.createdMs + offset) / 1000),
    Ports: c.ports.map((p) => ({ IP: p.listen, PrivatePort: p.containerPort, PublicPort: p.hostPort, Type: p.protocol })),
    Labels: { 'io.x-k8s.kind.cluster': 'kind' },
    State: 'running',
    Status: `Up ${humanDuration(sim.now() - c.startedMs)}`,
    HostConfig: { NetworkMode: 'kind' },
    NetworkSettings: { Networks: { kind: {} } },
    Mounts: [],
  }));
}

let server: Server;

beforeAll(async () => {
  if (skip) return;
  server = createServer((req, res) => {
    const url = req.url ?? '';
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Api-Version': '1.50' });
      res.end(JSON.stringify(body));
    };
    if (url.endsWith('/_ping')) {
      res.writeHead(200, { 'Api-Version': '1.50', Ostype: 'linux', 'Docker-Experimental': 'false', 'Content-Type': 'text/plain' });
      res.end(req.method === 'HEAD' ? undefined : 'OK');
      return;
    }
    if (/\/containers\/json/.test(url)) {
      // The daemon lists the newest first (creation times to the nanosecond).
      const order = kindContainers(ctx).sort((a, b) => b.createdMs - a.createdMs).map((c) => c.id);
      return json(200, summaries().sort((a, b) => order.indexOf(a.Id) - order.indexOf(b.Id)));
    }
    const exec = /\/containers\/([^/?]+)\//.exec(url);
    if (exec) return json(404, { message: `No such container: ${decodeURIComponent(exec[1])}` });
    json(404, { message: 'page not found' });
  });
  await new Promise<void>((ok) => server.listen(socket, ok));
});

afterAll(async () => {
  if (server) await new Promise((ok) => server.close(ok));
});

function real(args: string[]): Promise<{ stdout: string; stderr: string; exit: number }> {
  return new Promise((resolve) => {
    const p = spawn(DOCKER, args, { env: { PATH: process.env.PATH, HOME: home, DOCKER_HOST: `unix://${socket}` } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    // The help texts name the config directory under $HOME: the learner is root.
    const asRoot = (t: string) => t.split(`${home}/.docker`).join('/root/.docker');
    p.on('close', (code) => resolve({ stdout: asRoot(stdout), stderr: asRoot(stderr), exit: code ?? -1 }));
  });
}

async function ours(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdin: '', stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
  const exit = await docker(['docker', ...args], io, ctx);
  return { stdout, stderr, exit };
}

const CASES: string[][] = [
  [],
  ['ps'],
  ['ps', '-q'],
  ['ps', '--no-trunc'],
  ['ps', '--format', '{{.Names}}\t{{.Status}}'],
  ['ps', '--format', 'table {{.Names}}\t{{.Ports}}'],
  ['container', 'ls'],
  ['ps', '-z'],
  ['ps', '--foo'],
  ['ps', '--format'],
  ['ps', '--help'],
  ['exec'],
  ['exec', 'kind-worker2'],
  ['exec', '-e'],
  ['exec', '-z', 'kind-worker2', 'sh'],
  ['exec', '--help'],
  ['exec', 'nosuch', 'sh'],
  ['exec', '-it', 'nosuch', 'sh'],
  ['--help'],
  ['--version'],
  ['nosuchcommand'],
  ['--foo'],
];

describe.skipIf(!!skip)('docker against the real docker CLI and a fake daemon', () => {
  for (const args of CASES) {
    it(`docker ${args.join(' ')}`, async () => {
      const r = await real(args);
      const s = await ours(args);
      expect(s.stdout).toBe(r.stdout);
      expect(s.stderr).toBe(r.stderr);
      expect(s.exit).toBe(r.exit);
    });
  }
});
