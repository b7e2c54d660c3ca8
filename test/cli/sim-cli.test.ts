// The headless CLI as a learner or a doc build would call it: npm run -s sim -- SCRIPT [--seed N] [--json].

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptCommands } from '../../src/cli/script';
import { isIncomplete } from '../../src/shell/parse';

const root = join(import.meta.dirname, '..', '..');

function sim(args: string[]): { stdout: string; stderr: string; status: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/sim.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

function scriptDir(script: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
  writeFileSync(join(dir, 'script.txt'), script);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return join(dir, 'script.txt');
}

const SCRIPT = [
  '# a comment line, skipped',
  '',
  'kubectl create deployment web --image=nginx --replicas=2',
  "kubectl get deploy web -o jsonpath='{.spec.replicas}'",
  'cat ns.yaml',
  'kubectl apply -f ns.yaml',
  'cat <<END | kubectl apply -f -',
  'apiVersion: v1',
  'kind: Namespace',
  'metadata:',
  '',
  '  name: second',
  'END',
  'kubectl get pods --no-headers | wc -l',
  'kubectl get nope',
  '',
].join('\n');

const NS = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: first\n';

describe('npm run sim', () => {
  it('prints each line as the terminal echoes it, then its output, without ANSI codes', () => {
    const r = sim([scriptDir(SCRIPT, { 'ns.yaml': NS })]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('root@playground:~# kubectl create deployment web --image=nginx --replicas=2\ndeployment.apps/web created\n');
    expect(r.stdout).toContain("root@playground:~# kubectl get deploy web -o jsonpath='{.spec.replicas}'\n2");
    // The files next to the script are the learner's files.
    expect(r.stdout).toContain(`root@playground:~# cat ns.yaml\n${NS}`);
    expect(r.stdout).toContain('namespace/first created\n');
    // A heredoc continues over the following lines, blank lines included.
    expect(r.stdout).toContain('namespace/second created\n');
    expect(r.stdout).toContain('root@playground:~# kubectl get pods --no-headers | wc -l\n2\n');
    expect(r.stdout).toContain('error: the server doesn\'t have a resource type "nope"\n');
    expect(r.stdout).not.toContain('# a comment line');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--json gives one object per line run, with separate streams and exit statuses', () => {
    const r = sim([scriptDir(SCRIPT, { 'ns.yaml': NS }), '--json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { cmd: string; stdout: string; stderr: string; exit: number });
    expect(lines.map((l) => l.cmd.split('\n')[0])).toEqual([
      'kubectl create deployment web --image=nginx --replicas=2',
      "kubectl get deploy web -o jsonpath='{.spec.replicas}'",
      'cat ns.yaml',
      'kubectl apply -f ns.yaml',
      'cat <<END | kubectl apply -f -',
      'kubectl get pods --no-headers | wc -l',
      'kubectl get nope',
    ]);
    expect(lines[6]).toEqual({ cmd: 'kubectl get nope', stdout: '', stderr: 'error: the server doesn\'t have a resource type "nope"\n', exit: 1 });
    expect(lines[0].exit).toBe(0);
  });

  it('is deterministic: the same seed prints the same, another seed does not', () => {
    const script = scriptDir('kubectl create deployment vote --image=schoolofdevops/vote:v1 --replicas=3\nkubectl expose deployment vote --port=80 --type=NodePort\nsleep 10\nkubectl get pods,svc -o wide\n');
    const a = sim([script]).stdout;
    const b = sim([script]).stdout;
    const c = sim([script, '--seed', '7']).stdout;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(a).toMatch(/vote-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5} +1\/1 +Running/);
  });

  it('reports usage problems with status 2', () => {
    expect(sim([]).status).toBe(2);
    expect(sim(['/nonexistent/script.txt']).status).toBe(2);
    expect(sim([scriptDir('echo hi\n'), '--seed', 'x']).status).toBe(2);
  });
});

describe('scriptCommands', () => {
  it('skips blank and comment lines but keeps them inside multi-line input', () => {
    const text = '# c\n\necho a\necho "b\n\n# not a comment\nc"\n  # indented comment\necho d |\n  wc -c\n';
    expect(scriptCommands(text, (t) => isIncomplete(t))).toEqual(['echo a', 'echo "b\n\n# not a comment\nc"', 'echo d |\n  wc -c']);
  });
});
