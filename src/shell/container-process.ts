// A container's own process, when its pod gives it a command line (`kubectl
// run echo --image=busybox -- sh -c 'echo hello'`): the line runs in the
// container's shell, the same interpreter and commands `kubectl exec` uses,
// with the environment and working directory the kubelet gave the container,
// its output going to the container's log and its exit status ending the
// container (Completed, Error, CrashLoopBackOff: the kubelet decides).
//
// Time: the process's waits (`sleep 5`, ping's interval) run on its own
// virtual time, which the runtime keeps on the clock (src/sim/runtime/processes.ts).
// Registered with the runtime when the terminal session module loads.

import type { Simulation } from '../sim/simulation';
import { setProcessRunner, type ProcessHost, type ProcessLaunch } from '../sim/runtime/processes';
import type { CommandIO, ExecContext, Location } from './types';
import { Interpreter } from './interp';
import { commandsFor, fsFor, locationEnv } from './locations';
import { shellQuote } from './quote';
// The network commands (wget, nslookup, ping...) are part of the pods' userlands.
import './net/register';

/** The simulation as the process sees it: `date` and `ls -l` read the process's own time. */
function simAt(sim: Simulation, now: () => number): Simulation {
  return new Proxy(sim, {
    get(target, prop) {
      if (prop === 'now') return now;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The starter for a launch, or undefined when the container's image lacks the program. */
export function containerProcess(sim: Simulation, launch: ProcessLaunch): ((host: ProcessHost) => void) | undefined {
  const location: Location = { kind: 'pod', namespace: launch.namespace, pod: launch.pod, container: launch.container, shell: 'sh' };
  const commands = commandsFor(location, sim);
  const name = (word: string | undefined) => word?.split('/').pop() ?? '';
  const has = (program: string) => Object.hasOwn(commands, program);
  let argv = launch.argv;
  // The official images' docker-entrypoint.sh execs a command it is given (`kubectl run web --image=nginx -- sh -c '…'`).
  if (/entrypoint/.test(name(argv[0])) && argv.length > 1 && !argv[1].startsWith('-') && has(name(argv[1]))) argv = argv.slice(1);
  if (!has(name(argv[0]))) return undefined;
  return (host) => {
    // The container's command set does not change while it runs.
    const interpreter = new Interpreter((program) => (has(program) ? commands[program] : undefined), 'sh', { listCommands: () => Object.keys(commands).sort() });
    const io: CommandIO = { stdin: '', stdout: (t) => host.write('stdout', t), stderr: (t) => host.write('stderr', t) };
    const ctx: ExecContext = {
      sim: simAt(sim, () => host.now()),
      location,
      fs: fsFor(location, sim),
      env: locationEnv(location, sim),
      signal: {
        get cancelled() {
          return host.killed;
        },
      },
      realtime: false,
      history: [],
      sleep: (ms) => host.sleep(ms),
      runLine: (line, lineIO) => interpreter.run(line, lineIO, ctx, { nested: true }),
      clearScreen: () => {},
      enter: async () => 0,
      exit: () => {},
      process: { step: () => host.step() },
    };
    const line = argv.map(shellQuote).join(' ');
    void interpreter.run(line, io, ctx, { nested: true }).then(
      (status) => host.exit(status),
      (err: unknown) => {
        // A bug in a command must not take the simulation down: the process dies as if it crashed.
        host.write('stderr', `${String(err instanceof Error ? err.message : err)}\n`);
        host.exit(139);
      },
    );
  };
}

setProcessRunner((sim, launch) => containerProcess(sim as Simulation, launch));
