// What a container's main process does over time: the image's program runs
// until stopped; `sh` without a terminal exits at once (Completed, then
// CrashLoopBackOff under restartPolicy Always); `sleep 3600` exits after an
// hour; a program missing from the image never starts. And how it reacts to
// SIGTERM: as PID 1, a process without a handler ignores it (busybox `sleep`,
// `sh`, node), so the kubelet waits the whole grace period before SIGKILL.

import type { Container } from '../api/types';
import { hasProgram, type ImageInfo } from './images';

export interface ProcessFacts {
  /** The argv the container runs. */
  argv: string[];
  /** The main process exits after this many ms (undefined: runs until stopped). */
  exitsAfterMs?: number;
  exitCode?: number;
  /** ms from SIGTERM to exit; Infinity when the signal is ignored (the grace period decides). */
  stopsAfterMs: number;
  /** containerd's message when the process cannot start (reason StartError, exit code 128). */
  startError?: string;
  /** Does the image's own app run (so its behaviour applies), rather than a command from the pod? */
  runsApp: boolean;
}

/** argv as the runtime computes it: command replaces ENTRYPOINT, args replace CMD. */
export function containerArgv(image: ImageInfo, c: Container): string[] {
  if (c.command?.length) return [...c.command, ...(c.args ?? [])];
  return [...image.entrypoint, ...(c.args ?? image.cmd)];
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'ash']);

function base(p: string): string {
  return p.split('/').pop() ?? p;
}

/** What a shell script does, roughly: enough for the scripts pods run. */
function scriptFacts(script: string): { exitsAfterMs?: number; exitCode?: number } {
  const s = script.trim();
  if (/while\s+(true|:)|sleep\s+(inf|infinity)\b|tail\s+-f/.test(s)) return {};
  const sleeps = [...s.matchAll(/sleep\s+(\d+(?:\.\d+)?)/g)].reduce((t, m) => t + Number(m[1]) * 1000, 0);
  const exit = /(?:^|[;&|\s])exit\s+(\d+)/.exec(s);
  const code = exit ? Number(exit[1]) : /(?:^|[;&|\s])false\s*$/.test(s) ? 1 : 0;
  return { exitsAfterMs: sleeps + 50, exitCode: code };
}

export function processFacts(image: ImageInfo, c: Container): ProcessFacts {
  const argv = containerArgv(image, c);
  const ignoresTerm = Infinity;
  const defaultArgv = [...image.entrypoint, ...image.cmd];
  const runsApp = image.behaviour !== 'none' && !c.command?.length && (c.args === undefined || image.behaviour === 'generic');
  if (argv.length === 0) return { argv, stopsAfterMs: image.stopMs ?? ignoresTerm, runsApp };
  const program = argv[0];
  // Entrypoint scripts (docker-entrypoint.sh) exec the real program, which is what we classify.
  let real = argv.find((a, i) => i > 0 && !a.startsWith('-') && /entrypoint/.test(argv[0])) ?? program;
  // curlimages/curl's entrypoint runs `curl "$@"` when the arguments are options or a URL.
  if (/entrypoint/.test(program) && image.cmd[0] && c.args?.length && (c.args[0].startsWith('-') || c.args[0].includes('://'))) real = image.cmd[0];
  if (!hasProgram(image, program) && !image.entrypoint.includes(program) && !defaultArgv.includes(program)) {
    return {
      argv,
      runsApp: false,
      stopsAfterMs: 0,
      startError:
        'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: ' +
        `unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`,
    };
  }
  if (runsApp) return { argv, stopsAfterMs: image.stopMs ?? ignoresTerm, runsApp };
  const name = base(real);
  const interactive = !!c.stdin;
  if (SHELLS.has(name)) {
    const i = argv.indexOf('-c');
    if (i >= 0 && argv[i + 1] !== undefined) return { argv, runsApp, stopsAfterMs: ignoresTerm, ...scriptFacts(argv[i + 1]) };
    // No script and no stdin: the shell reads EOF and exits 0.
    return interactive ? { argv, runsApp, stopsAfterMs: ignoresTerm } : { argv, runsApp, stopsAfterMs: ignoresTerm, exitsAfterMs: 30, exitCode: 0 };
  }
  if (name === 'sleep') {
    const arg = argv[argv.indexOf(real) + 1] ?? '';
    if (/^inf/.test(arg)) return { argv, runsApp, stopsAfterMs: ignoresTerm };
    const seconds = Number.parseFloat(arg);
    if (Number.isNaN(seconds)) return { argv, runsApp, stopsAfterMs: 0, exitsAfterMs: 20, exitCode: 1 };
    return { argv, runsApp, stopsAfterMs: ignoresTerm, exitsAfterMs: seconds * 1000, exitCode: 0 };
  }
  if (name === 'tail' && argv.includes('-f')) return { argv, runsApp, stopsAfterMs: ignoresTerm };
  if (name === 'false') return { argv, runsApp, stopsAfterMs: 0, exitsAfterMs: 10, exitCode: 1 };
  if (name === 'curl' && argv.length === argv.indexOf(real) + 1) return { argv, runsApp, stopsAfterMs: 0, exitsAfterMs: 40, exitCode: 2 };
  if (['echo', 'true', 'env', 'printenv', 'hostname', 'cat', 'ls', 'date', 'nslookup', 'curl', 'wget', 'ping'].includes(name)) {
    // One-shot tools: done in a moment (ping with -c; without it it runs on).
    if (name === 'ping' && !argv.includes('-c')) return { argv, runsApp, stopsAfterMs: 0 };
    return { argv, runsApp, stopsAfterMs: 0, exitsAfterMs: 100, exitCode: 0 };
  }
  // The image's own long-running program started with other arguments, or something we do not model.
  return { argv, runsApp: image.behaviour !== 'none', stopsAfterMs: image.stopMs ?? ignoresTerm };
}
