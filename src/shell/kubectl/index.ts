// The kubectl command: global flags, subcommand dispatch, cobra's texts for
// unknown commands and bad flags, and kubectl's error printing.

import type { Command, CommandIO, ExecContext } from '../types';
import { parseFlags, Flags, FlagError, GLOBAL_FLAGS, suggest, type FlagSpec } from './flags';
import { makeEnv, type KubectlEnv } from './env';
import { errorText } from './errors';
import { getFlags, runGet } from './commands/get';
import { describeFlags, runDescribe } from './commands/describe';
import { applyFlags, runApplyOrCreate } from './commands/apply';
import { createDeployment, createDeploymentFlags, createNamespace, createNamespaceFlags, createService, createServiceFlags } from './commands/create';
import { deleteFlags, runDelete } from './commands/delete';
import { runScale, scaleFlags } from './commands/scale';
import { labelFlags, runLabel } from './commands/label';
import { runFlags, runRun } from './commands/run';
import { runConfig } from './commands/config';
import { apiResourcesFlags, runApiResources, runClusterInfo, runVersion, versionFlags } from './commands/info';
import { exposeFlags, runExpose } from './commands/expose';
import { execFlags, runExec } from './commands/exec';
import { logsFlags, runLogs } from './commands/logs';
import { editFlags, runEdit } from './commands/edit';
import { kubectlHelp, commandHelp } from './help';

interface Subcommand {
  flags: FlagSpec[];
  run(env: KubectlEnv): Promise<number>;
}

/** Every kubectl v1.32 top-level command, in cobra's (alphabetical) order, for suggestions. */
const ALL_COMMANDS = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events',
  'exec', 'explain', 'expose', 'get', 'help', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin',
  'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
];

const SUBCOMMANDS: Record<string, Subcommand> = {
  get: { flags: getFlags, run: runGet },
  describe: { flags: describeFlags, run: runDescribe },
  apply: { flags: applyFlags, run: (env) => runApplyOrCreate(env, 'apply') },
  delete: { flags: deleteFlags, run: runDelete },
  scale: { flags: scaleFlags, run: runScale },
  label: { flags: labelFlags, run: runLabel },
  run: { flags: runFlags, run: runRun },
  version: { flags: versionFlags, run: runVersion },
  'api-resources': { flags: apiResourcesFlags, run: runApiResources },
  'cluster-info': { flags: [], run: runClusterInfo },
  expose: { flags: exposeFlags, run: runExpose },
  exec: { flags: execFlags, run: runExec },
  logs: { flags: logsFlags, run: runLogs },
  edit: { flags: editFlags, run: runEdit },
};

/** Extra commands other modules (exec, logs, edit...) register here. */
export const extraSubcommands: Record<string, Subcommand> = {};

const CREATE_SUBCOMMANDS: Record<string, { path: string; flags: FlagSpec[]; run(env: KubectlEnv): Promise<number> }> = {
  namespace: { path: 'namespace', flags: createNamespaceFlags, run: createNamespace },
  ns: { path: 'namespace', flags: createNamespaceFlags, run: createNamespace },
  deployment: { path: 'deployment', flags: createDeploymentFlags, run: createDeployment },
  deploy: { path: 'deployment', flags: createDeploymentFlags, run: createDeployment },
};
const SERVICE_TYPES = ['clusterip', 'externalname', 'loadbalancer', 'nodeport'] as const;

const globalWithValue = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

/** Split `kubectl [global flags] CMD [rest]`: the first argument that is neither a flag nor a global flag's value. */
function findCommand(argv: string[]): { index: number } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return { index: -1 };
    if (a.startsWith('-')) {
      if (globalWithValue.has(a)) i++;
      continue;
    }
    return { index: i };
  }
  return { index: -1 };
}

export const kubectl: Command = async (fullArgv: string[], io: CommandIO, ctx: ExecContext): Promise<number> => {
  const argv = fullArgv.slice(1);
  const { index } = findCommand(argv);
  if (index < 0) {
    if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
      io.stdout(kubectlHelp());
      return 0;
    }
    try {
      parseFlags(argv, GLOBAL_FLAGS);
    } catch (e) {
      if (e instanceof FlagError) {
        io.stderr(`Error: ${e.message}\nSee 'kubectl --help' for usage.\n`);
        return 1;
      }
    }
    io.stdout(kubectlHelp());
    return 0;
  }
  const name = argv[index];
  const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
  const run = async (path: string, flags: FlagSpec[], fn: (env: KubectlEnv) => Promise<number>, args: string[]): Promise<number> => {
    let parsed;
    try {
      parsed = new Flags(parseFlags(args, [...flags, ...GLOBAL_FLAGS.filter((g) => !flags.some((f) => f.name === g.name || (g.short && f.short === g.short)))]));
    } catch (e) {
      if (e instanceof FlagError) {
        io.stderr(`Error: ${e.message}\nSee '${path} --help' for usage.\n`);
        return 1;
      }
      throw e;
    }
    if (parsed.bool('help')) {
      io.stdout(commandHelp(path));
      return 0;
    }
    const env = makeEnv(ctx.sim, io, ctx, parsed, path);
    try {
      return await fn(env);
    } catch (e) {
      io.stderr(errorText(e) + '\n');
      return 1;
    }
  };

  if (name === 'create') {
    const sub = findCommand(rest).index;
    const subName = sub >= 0 ? rest[sub] : undefined;
    if (subName && subName in CREATE_SUBCOMMANDS) {
      const c = CREATE_SUBCOMMANDS[subName];
      return run(`kubectl create ${c.path}`, c.flags, c.run, [...rest.slice(0, sub), ...rest.slice(sub + 1)]);
    }
    if (subName === 'service' || subName === 'svc') {
      const after = [...rest.slice(0, sub), ...rest.slice(sub + 1)];
      const t = findCommand(after).index;
      const type = t >= 0 ? after[t] : undefined;
      if (type && (SERVICE_TYPES as readonly string[]).includes(type)) {
        return run(`kubectl create service ${type}`, createServiceFlags, (env) => createService(env, type as (typeof SERVICE_TYPES)[number]), [...after.slice(0, t), ...after.slice(t + 1)]);
      }
      if (type) {
        io.stderr(`error: unknown command "${type}" for "kubectl create service"\n`);
        return 1;
      }
      io.stdout(commandHelp('kubectl create service'));
      return 0;
    }
    if (subName) {
      io.stderr(`error: creating ${subName} objects is not available in this playground; use: kubectl create namespace|deployment|service, or kubectl create -f FILE\n`);
      return 1;
    }
    return run('kubectl create', applyFlags, (env) => runApplyOrCreate(env, 'create'), rest);
  }
  if (name === 'config') {
    const env = makeEnv(ctx.sim, io, ctx, new Flags(parseFlags([], GLOBAL_FLAGS)), 'kubectl config');
    try {
      return await runConfig(env, rest);
    } catch (e) {
      io.stderr(errorText(e) + '\n');
      return 1;
    }
  }
  if (name === 'help') {
    io.stdout(rest.length ? commandHelp(`kubectl ${rest[0]}`) : kubectlHelp());
    return 0;
  }
  const cmd = SUBCOMMANDS[name] ?? extraSubcommands[name];
  if (cmd) return run(`kubectl ${name}`, cmd.flags, cmd.run, rest);
  if (ALL_COMMANDS.includes(name)) {
    io.stderr(`error: "kubectl ${name}" is not available in this playground. Try "kubectl help" for what is.\n`);
    return 1;
  }
  const hints = suggest(name, ALL_COMMANDS);
  let text = `Error: unknown command "${name}" for "kubectl"\n`;
  if (hints.length) text += `\nDid you mean this?\n${hints.map((h) => `\t${h}\n`).join('')}\n`;
  io.stderr(text);
  return 1;
};
