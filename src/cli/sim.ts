// npm run -s sim -- SCRIPT [--seed N] [--json]
//
// Runs SCRIPT's lines against a fresh default cluster, as the browser terminal
// would. The files next to SCRIPT start out in the learner's home (/root).
// Plain mode prints each line as the terminal echoes it (prompt and command),
// then its output; --json prints one {"cmd","stdout","stderr","exit"} object per
// line. Exit status is 0 unless the simulator itself failed.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runScript } from './script';
import { DEFAULT_SEED } from '../sim/simulation';

function usage(msg: string): never {
  process.stderr.write(`${msg}\nusage: npm run -s sim -- SCRIPT [--seed N] [--json]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { script: string; seed: number; json: boolean } {
  let script: string | undefined;
  let seed = DEFAULT_SEED;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = a.includes('=') ? a.slice(7) : argv[++i];
      if (v === undefined || !/^-?\d+$/.test(v)) usage(`--seed needs an integer, got ${v ?? 'nothing'}`);
      seed = Number(v);
    } else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (script === undefined) script = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!script) usage('missing SCRIPT');
  return { script, seed, json };
}

/** The regular files of the script's folder (not recursive), as the learner's files. */
function folderFiles(script: string): { path: string; content: string }[] {
  const dir = dirname(resolve(script));
  const out: { path: string; content: string }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (!statSync(full).isFile()) continue;
    out.push({ path: `/root/${name}`, content: readFileSync(full, 'utf8') });
  }
  return out;
}

async function main(): Promise<void> {
  const { script, seed, json } = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(script, 'utf8');
  } catch (e) {
    usage(`cannot read ${script}: ${(e as Error).message}`);
  }
  const { results } = await runScript(text, folderFiles(script), { seed });
  const out: string[] = [];
  for (const r of results) {
    if (json) out.push(JSON.stringify({ cmd: r.cmd, stdout: r.stdout, stderr: r.stderr, exit: r.exit }) + '\n');
    else out.push(`${r.prompt}${r.cmd}\n${r.combined}`);
  }
  process.stdout.write(out.join(''));
}

main().catch((e) => {
  process.stderr.write(`simulator failure: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
