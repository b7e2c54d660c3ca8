// Shell state that outlives one command line: `$?` and which variables are
// exported. ExecContext.env holds every variable's value (it is the session's
// Map); what it cannot say is which names are shell-only, so that lives here,
// keyed by the session's env Map, as plain data.

export interface ShellState {
  /** `$?` */
  status: number;
  /** Variables set without `export` (absent from `env`'s output and from child environments). */
  unexported: Set<string>;
}

const states = new WeakMap<Map<string, string>, ShellState>();

export function shellState(env: Map<string, string>): ShellState {
  let s = states.get(env);
  if (!s) {
    s = { status: 0, unexported: new Set() };
    states.set(env, s);
  }
  return s;
}

/** `NAME=value`: a new variable stays in the shell; an exported one stays exported. */
export function setVar(env: Map<string, string>, name: string, value: string): void {
  if (!env.has(name)) shellState(env).unexported.add(name);
  env.set(name, value);
}

export function exportVar(env: Map<string, string>, name: string, value?: string): void {
  shellState(env).unexported.delete(name);
  if (value !== undefined) env.set(name, value);
}

export function unsetVar(env: Map<string, string>, name: string): void {
  env.delete(name);
  shellState(env).unexported.delete(name);
}

export function isExported(env: Map<string, string>, name: string): boolean {
  return env.has(name) && !shellState(env).unexported.has(name);
}

/** The environment a child process sees: exported variables in the order they were set. */
export function exportedEntries(env: Map<string, string>): [string, string][] {
  const hidden = shellState(env).unexported;
  return [...env].filter(([k]) => !hidden.has(k) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k));
}

/** A copy for a subshell or a command's own environment, carrying the export marks along. */
export function copyEnv(env: Map<string, string>): Map<string, string> {
  const copy = new Map(env);
  const src = shellState(env);
  states.set(copy, { status: src.status, unexported: new Set(src.unexported) });
  return copy;
}
