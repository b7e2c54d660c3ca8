// Running a script of terminal lines against a fresh cluster, exactly as the
// browser terminal would run them one after another. Shared by the CLI, the
// tests and the benchmarks.

import { Simulation, type SimulationOptions } from '../sim/simulation';
import { TerminalSession } from '../shell/session';

export interface StepResult {
  cmd: string;
  /** The prompt shown before the command (it changes inside node and pod shells). */
  prompt: string;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as a terminal shows them. */
  combined: string;
  exit: number;
}

/**
 * Split a script into the units the terminal would run: blank lines and
 * `#` comments are skipped, and a line that leaves a quote, heredoc or pipe
 * open takes the following lines with it (continuation, as at a `> ` prompt).
 */
export function scriptCommands(text: string, isIncomplete: (t: string) => boolean): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let pending: string | undefined;
  for (const line of lines) {
    if (pending !== undefined) {
      pending += '\n' + line;
      if (!isIncomplete(pending)) {
        out.push(pending);
        pending = undefined;
      }
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (isIncomplete(line)) pending = line;
    else out.push(line);
  }
  if (pending !== undefined) out.push(pending);
  return out;
}

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

export interface ScriptRun {
  sim: Simulation;
  session: TerminalSession;
  results: StepResult[];
}

export async function runScript(text: string, files: { path: string; content: string }[], opts: SimulationOptions = {}): Promise<ScriptRun> {
  const sim = new Simulation(opts);
  for (const f of files) sim.fs.write(f.path, f.content, { parents: true });
  const session = new TerminalSession(sim, { mode: 'virtual' });
  const results: StepResult[] = [];
  for (const cmd of scriptCommands(text, (t) => session.isIncomplete(t))) {
    const prompt = session.prompt();
    let stdout = '';
    let stderr = '';
    let combined = '';
    const exit = await session.run(
      cmd,
      (chunk) => {
        if (chunk.stream === 'stdout') stdout += chunk.text;
        else stderr += chunk.text;
        combined += chunk.text;
      },
      () => {},
    );
    results.push({ cmd, prompt, stdout: stripAnsi(stdout), stderr: stripAnsi(stderr), combined: stripAnsi(combined), exit });
  }
  return { sim, session, results };
}
