// busybox's ls layout and cat/ls messages against the local busybox binary
// (Debian's busybox 1.35, same applets' wording as the images' 1.28 and 1.36).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { busyboxColumns } from './ls';
import { hasTool } from './testing/oracle';

const NAMES = ['a', 'b', 'c', 'db-deploy.yaml', 'redis-deploy.yaml', 'redis-svc.yaml', 'result-deploy.yaml', 'vote-deploy.yaml', 'vote-svc.yaml', 'worker-deploy.yaml'];

function realBusybox(args: string, files: string[], columns: number, tty = true): { stdout: string; stderr: string; status: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bb-oracle-'));
  try {
    for (const f of files) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), '');
    }
    const env = { PATH: '/usr/bin:/bin', COLUMNS: String(columns), LC_ALL: 'C' };
    const r = tty
      ? spawnSync('script', ['-qec', `busybox ${args}`, '/dev/null'], { cwd: dir, env, encoding: 'utf8' })
      : spawnSync('sh', ['-c', `busybox ${args}`], { cwd: dir, env, encoding: 'utf8' });
    return { stdout: r.stdout.replace(/\r\n/g, '\n'), stderr: r.stderr, status: r.status ?? -1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('busybox ls columns', () => {
  it('fixed cases', () => {
    expect(busyboxColumns(['a', 'b', 'c'], 80)).toBe('a  b  c\n');
    expect(busyboxColumns(NAMES, 80)).toBe(
      'a                   redis-deploy.yaml   vote-svc.yaml\nb                   redis-svc.yaml      worker-deploy.yaml\nc                   result-deploy.yaml\ndb-deploy.yaml      vote-deploy.yaml\n',
    );
    expect(busyboxColumns(NAMES, 39)).toBe(NAMES.join('\n') + '\n');
  });

  for (const columns of [200, 120, 80, 61, 60, 41, 40, 20]) {
    it.skipIf(!hasTool('busybox') || !hasTool('script'))(`as the real busybox ls lays them out, COLUMNS=${columns}`, () => {
      const real = realBusybox('ls', NAMES, columns);
      expect(real.status).toBe(0);
      expect(busyboxColumns(NAMES, columns)).toBe(real.stdout);
      const short = ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'];
      expect(busyboxColumns(short, columns)).toBe(realBusybox('ls', short, columns).stdout);
    });
  }
});

describe('busybox messages', () => {
  it.skipIf(!hasTool('busybox'))('cat and ls on missing files and directories, as the real busybox says them', () => {
    expect(realBusybox('cat /nonexist', [], 80, false)).toEqual({ stdout: '', stderr: "cat: can't open '/nonexist': No such file or directory\n", status: 1 });
    expect(realBusybox('cat /tmp', [], 80, false)).toEqual({ stdout: '', stderr: 'cat: read error: Is a directory\n', status: 1 });
    expect(realBusybox('ls /nonexist', [], 80, false)).toEqual({ stdout: '', stderr: 'ls: /nonexist: No such file or directory\n', status: 1 });
  });
});
