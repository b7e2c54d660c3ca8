// The kubectl command: global flags, subcommand dispatch, cobra's texts for
// unknown commands and bad flags, and kubectl's error printing.

import type { Command, CommandIO, ExecContext } from '../types';
import { parseFlags, Flags, FlagError, GLOBAL_FLAGS, suggest, type FlagSpec } from './flags';
import { makeEnv, type KubectlEnv } from './env';
import { KubectlError, errorText } from './errors';
import { nextCommand } from './find-command';
import { getFlags, runGet } from './commands/get';
import { describeFlags, runDescribe } from './commands/describe';
import { applyFlags, createFlags, runApplyOrCreate } from './commands/apply';
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
import { patchFlags, runPatch } from './commands/patch';
import { annotateFlags, runAnnotate } from './commands/annotate';
import { ROLLOUT_HELP, rolloutRestartFlags, rolloutStatusFlags, runRolloutRestart, runRolloutStatus } from './commands/rollout';
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
  patch: { flags: patchFlags, run: runPatch },
  annotate: { flags: annotateFlags, run: runAnnotate },
};

/** Extra commands other modules (exec, logs, edit...) register here. */
export const extraSubcommands: Record<string, Subcommand> = {};

const CREATE_SUBCOMMANDS: Record<string, { path: string; flags: FlagSpec[]; run(env: KubectlEnv): Promise<number> }> = {
  namespace: { path: 'namespace', flags: createNamespaceFlags, run: createNamespace },
  ns: { path: 'namespace', flags: createNamespaceFlags, run: createNamespace },
  deployment: { path: 'deployment', flags: createDeploymentFlags, run: createDeployment },
  deploy: { path: 'deployment', flags: createDeploymentFlags, run: createDeployment },
};
/** kubectl v1.32's other `create` subcommands (and aliases), which this playground does not build. */
const OTHER_CREATE_SUBCOMMANDS = [
  'clusterrole', 'clusterrolebinding', 'configmap', 'cm', 'cronjob', 'cj', 'ingress', 'ing', 'job', 'poddisruptionbudget', 'pdb',
  'priorityclass', 'pc', 'quota', 'resourcequota', 'role', 'rolebinding', 'secret', 'serviceaccount', 'sa', 'token',
];
const SERVICE_TYPES = ['clusterip', 'externalname', 'loadbalancer', 'nodeport'] as const;
type ServiceType = (typeof SERVICE_TYPES)[number];

/** A level's flags as cobra sees them: its own, and the global ones it does not shadow. */
function withGlobals(flags: FlagSpec[]): FlagSpec[] {
  return [...flags, ...GLOBAL_FLAGS.filter((g) => !flags.some((f) => f.name === g.name || (g.short && f.short === g.short)))];
}

const TOP_LEVEL = new Set(ALL_COMMANDS.filter((c) => c !== 'help'));

export const kubectl: Command = async (fullArgv: string[], io: CommandIO, ctx: ExecContext): Promise<number> => {
  const argv = fullArgv.slice(1);
  const found = nextCommand(argv, GLOBAL_FLAGS);
  if (!found) {
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
  const { word: name, rest } = found;
  // kubectl looks for a plugin when cobra knows no such command, and a plugin's name must come first.
  if (!TOP_LEVEL.has(name) && name !== 'help' && argv[0].startsWith('-')) {
    io.stderr(`Error: flags cannot be placed before plugin name: ${argv[0]}\n`);
    return 1;
  }
  const run = async (path: string, flags: FlagSpec[], fn: (env: KubectlEnv) => Promise<number>, args: string[]): Promise<number> => {
    let parsed;
    try {
      parsed = new Flags(parseFlags(args, withGlobals(flags)));
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
    const sub = nextCommand(rest, withGlobals(createFlags));
    const c = sub && Object.hasOwn(CREATE_SUBCOMMANDS, sub.word) ? CREATE_SUBCOMMANDS[sub.word] : undefined;
    if (sub && c) return run(`kubectl create ${c.path}`, c.flags, c.run, sub.rest);
    if (sub && (sub.word === 'service' || sub.word === 'svc')) {
      const t = nextCommand(sub.rest, GLOBAL_FLAGS);
      if (t && (SERVICE_TYPES as readonly string[]).includes(t.word)) {
        const type = t.word as ServiceType;
        return run(`kubectl create service ${type}`, createServiceFlags(type), (env) => createService(env, type), t.rest);
      }
      // `kubectl create service` itself only prints its help (to stderr, as a failure) or refuses arguments.
      return run('kubectl create service', [], async (env) => {
        if (env.flags.args.length) throw new KubectlError(`error: unknown command "${env.flags.args.join(' ')}"\nSee 'kubectl create service -h' for help and examples`);
        env.err(commandHelp('kubectl create service'));
        return 1;
      }, sub.rest);
    }
    if (sub && OTHER_CREATE_SUBCOMMANDS.includes(sub.word)) {
      io.stderr(`error: creating ${sub.word} objects is not available in this playground; use: kubectl create namespace|deployment|service, or kubectl create -f FILE\n`);
      return 1;
    }
    return run('kubectl create', createFlags, (env) => runApplyOrCreate(env, 'create'), rest);
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
  if (name === 'rollout') {
    const sub = nextCommand(rest, GLOBAL_FLAGS);
    if (sub?.word === 'status') return run('kubectl rollout status', rolloutStatusFlags, runRolloutStatus, sub.rest);
    if (sub?.word === 'restart') return run('kubectl rollout restart', rolloutRestartFlags, runRolloutRestart, sub.rest);
    if (sub && ['history', 'pause', 'resume', 'undo'].includes(sub.word)) {
      io.stderr(`error: "kubectl rollout ${sub.word}" is not available in this playground. Try "kubectl help" for what is.\n`);
      return 1;
    }
    return run('kubectl rollout', [], async (env) => {
      if (env.flags.args.length) throw new KubectlError(`error: unknown command "${env.flags.args[0]}"\nSee 'kubectl rollout -h' for help and examples`);
      env.out(ROLLOUT_HELP);
      return 1;
    }, rest);
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
