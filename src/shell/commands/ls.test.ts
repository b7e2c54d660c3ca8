import { describe, expect, it } from 'vitest';
import { hasTool, runOurs, runReal } from './testing/oracle';

const names = ['vote-deploy.yaml', 'vote-svc.yaml', 'redis-deploy.yaml', 'redis-svc.yaml', 'result-deploy.yaml', 'worker-deploy.yaml', 'db-deploy.yaml', 'a', 'b', 'c'];
const files = Object.fromEntries(names.map((n, i) => [n, 'x'.repeat(i * 700)]));

describe('ls on a terminal lays names out in columns like GNU ls', () => {
  for (const columns of [80, 60, 40, 20, 200]) {
    it.skipIf(!hasTool('script'))(`COLUMNS=${columns}`, async () => {
      const c = { files, ttyColumns: columns };
      const real = await runReal('ls', c);
      expect(real.stdout).toContain('vote-svc.yaml');
      expect(await runOurs('ls', c)).toEqual(real);
    });
  }
  it.skipIf(!hasTool('script'))('-F and -a', async () => {
    const c = { files: { ...files, 'sub/x': '' }, ttyColumns: 50 };
    expect(await runOurs('ls -F; ls -A', c)).toEqual(await runReal('ls -F; ls -A', c));
  });
});

describe('ls -l against GNU ls', () => {
  // whole seconds: the file system keeps no fractions through touch -d @N
  const now = Math.floor(Date.now() / 1000) * 1000;
  const cases = ['ls -l', 'ls -lh', 'ls -l dir', 'ls -l a big.txt', 'ls -lr', 'ls -lS', 'ls -ld dir'];
  const tree = { a: 'hello\n', 'big.txt': 'y'.repeat(123456), 'dir/one': '1', 'dir/sub/two': '22', empty: '' };
  for (const line of cases) {
    it(`${line} (recent files)`, async () => {
      const c = { files: tree, mtime: now, now };
      expect(await runOurs(line, c)).toEqual(await runReal(line, c));
    });
  }
  it('ls -l shows the year for files older than six months', async () => {
    const old = Date.UTC(2024, 2, 5, 10, 30);
    const c = { files: tree, mtime: old, now };
    expect(await runOurs('ls -l', c)).toEqual(await runReal('ls -l', c));
  });
});
