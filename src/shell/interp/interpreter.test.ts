import { describe, expect, it } from 'vitest';
import type { Command } from '../types';
import { genericCommands } from '../commands';
import { fakeShell } from './testing/fake-shell';
import { shellOf, isTty } from './context';
import { Interpreter } from './interpreter';
import { isExported, shellState } from './shell-state';

function shell(extra: Record<string, Command> = {}, flavour: 'bash' | 'sh' = 'bash') {
  return fakeShell({ commands: { ...genericCommands, ...extra }, flavour });
}

describe('command lookup and not-found messages', () => {
  it('answers like bash on the host and like busybox sh in pods and nodes', async () => {
    expect(await shell().run('kubecttl get pods')).toMatchObject({ stderr: 'bash: kubecttl: command not found\n', status: 127 });
    expect(await shell({}, 'sh').run('kubecttl get pods')).toMatchObject({ stderr: 'sh: kubecttl: not found\n', status: 127 });
    expect(await shell({}, 'sh').run('/usr/bin/nope')).toMatchObject({ stderr: 'sh: /usr/bin/nope: not found\n', status: 127 });
  });
  it('asks the lookup with the context of the location, so each location has its own commands', async () => {
    const seen: string[] = [];
    const interp = new Interpreter((name, ctx) => {
      seen.push(`${name}@${ctx.location.kind}:${ctx.env.get('PWD')}`);
      return name === 'hello' ? (_a, io) => (io.stdout('hi\n'), 0) : undefined;
    });
    const sh = fakeShell({ commands: {} });
    let out = '';
    const status = await interp.run('hello; nope', { stdin: '', stdout: (t) => (out += t), stderr: (t) => (out += t) }, sh.ctx);
    expect(status).toBe(127);
    expect(out).toBe('hi\nbash: nope: command not found\n');
    expect(seen).toEqual(['hello@host:/root', 'nope@host:/root']);
  });
  it('runs a command named by its path in a bin directory', async () => {
    expect(await shell().run('/bin/echo a; /usr/local/bin/echo b')).toMatchObject({ stdout: 'a\nb\n', status: 0 });
  });
});

describe('pipelines', () => {
  it("gives each command the whole output of the one before as stdin", async () => {
    const stdins: string[] = [];
    const spy: Command = (argv, io) => {
      stdins.push(io.stdin);
      io.stdout(`${argv[1]}\n`);
      return 0;
    };
    const r = await shell({ spy }).run('spy one | spy two | spy three');
    expect(stdins).toEqual(['', 'one\n', 'two\n']);
    expect(r.stdout).toBe('three\n');
  });
  it('passes the outer stdin to the first command (sh -c, kubectl exec -i)', async () => {
    expect((await shell().run('cat | tr a-z A-Z', { stdin: 'piped in\n' })).stdout).toBe('PIPED IN\n');
  });
  it('sends stderr past the pipe unless |& is used', async () => {
    const noisy: Command = (_a, io) => (io.stderr('E\n'), io.stdout('O\n'), 0);
    expect(await shell({ noisy }).run('noisy | tr A-Z a-z')).toMatchObject({ stdout: 'o\n', stderr: 'E\n' });
    expect(await shell({ noisy }).run('noisy |& tr A-Z a-z')).toMatchObject({ stdout: 'e\no\n', stderr: '' });
  });
  it('takes the status of the last command', async () => {
    expect((await shell().run('false | true')).status).toBe(0);
    expect((await shell().run('true | false')).status).toBe(1);
  });
});

describe('$? and the session state', () => {
  it('keeps $? from one line to the next', async () => {
    const sh = shell();
    await sh.run('false');
    expect((await sh.run('echo $?')).stdout).toBe('1\n');
    expect((await sh.run('')).status).toBe(0);
    await sh.run('nosuch');
    expect((await sh.run('')).status).toBe(127);
    expect(shellState(sh.env).status).toBe(127);
  });
  it('keeps variables, exports and the working directory in the session', async () => {
    const sh = shell();
    await sh.run('A=1; export B=2; mkdir -p d; cd d');
    expect(sh.env.get('A')).toBe('1');
    expect(isExported(sh.env, 'A')).toBe(false);
    expect(isExported(sh.env, 'B')).toBe(true);
    expect(sh.env.get('PWD')).toBe('/root/d');
    expect(sh.env.get('OLDPWD')).toBe('/root');
    expect((await sh.run('pwd; echo $A$B')).stdout).toBe('/root/d\n12\n');
  });
  it('gives commands a file system that resolves paths from the working directory', async () => {
    const seen: string[] = [];
    const where: Command = (argv, _io, ctx) => (seen.push(ctx.fs.resolve(argv[1])), 0);
    const sh = shell({ where });
    await sh.run('mkdir sub; cd sub; where x.yaml; where ../y; where ~/z');
    expect(seen).toEqual(['/root/sub/x.yaml', '/root/y', '/root/z']);
  });
  it('scopes NAME=value to the one command', async () => {
    const sh = shell();
    const r = await sh.run('GREETING=hi printenv GREETING; echo "[$GREETING]"');
    expect(r.stdout).toBe('hi\n[]\n');
    expect(sh.env.has('GREETING')).toBe(false);
  });
});

describe('redirections into the virtual file system', () => {
  it('writes, appends, reads and reports changes to listeners', async () => {
    const sh = shell();
    const changes: string[] = [];
    sh.fs.onChange((c) => changes.push(`${c.kind} ${c.path}`));
    await sh.run('echo a > f.txt; echo b >> f.txt');
    expect(sh.fs.read('/root/f.txt')).toBe('a\nb\n');
    expect(changes).toEqual(['write /root/f.txt', 'write /root/f.txt', 'write /root/f.txt']);
    expect((await sh.run('tr a-z A-Z < f.txt')).stdout).toBe('A\nB\n');
  });
  it('discards output sent to /dev/null', async () => {
    const sh = shell();
    expect(await sh.run('echo gone > /dev/null; ls nosuch 2>/dev/null; echo $?')).toMatchObject({ stdout: '2\n', stderr: '' });
    expect(sh.fs.read('/dev/null')).toBe('');
  });
  it('uses busybox wording for redirection errors in sh', async () => {
    const sh = shell({}, 'sh');
    expect((await sh.run('echo x > nodir/f')).stderr).toBe("sh: can't create nodir/f: nonexistent directory\n");
    expect((await sh.run('cat < nofile')).stderr).toBe("sh: can't open nofile: no such file\n");
  });
});

describe('here-documents', () => {
  it('feeds the body to the command on stdin', async () => {
    const applied: string[] = [];
    const kubectl: Command = (argv, io) => (applied.push(`${argv.join(' ')}\n${io.stdin}`), io.stdout('service/vote created\n'), 0);
    const r = await shell({ kubectl }).run('cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Service\nmetadata:\n  name: $NAME\nEOF', {});
    expect(r.stdout).toBe('service/vote created\n');
    expect(applied).toEqual(['kubectl apply -f -\napiVersion: v1\nkind: Service\nmetadata:\n  name: \n']);
  });
  it('warns in bash, not in sh, when the delimiter never comes', async () => {
    expect((await shell().run('cat <<EOF\nbody')).stderr).toBe("bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n");
    expect(await shell({}, 'sh').run('cat <<EOF\nbody')).toMatchObject({ stdout: 'body\n', stderr: '' });
  });
});

describe('cancellation (Ctrl-C)', () => {
  it('stops between commands and answers 130', async () => {
    const ran: string[] = [];
    const sh = fakeShell({ commands: {} });
    const step: Command = (argv) => {
      ran.push(argv[1]);
      if (argv[1] === '2') sh.cancel();
      return 0;
    };
    Object.assign(sh, {});
    const interp = new Interpreter((n) => (n === 'step' ? step : undefined));
    const status = await interp.run('step 1; step 2; step 3 && step 4', { stdin: '', stdout: () => {}, stderr: () => {} }, sh.ctx);
    expect(ran).toEqual(['1', '2']);
    expect(status).toBe(130);
  });
  it('ends an endless loop and the stages of a pipeline', async () => {
    const sh = fakeShell({ commands: {} });
    let n = 0;
    const tick: Command = () => {
      if (++n === 500) sh.cancel();
      return 0;
    };
    const interp = new Interpreter((name) => (name === 'tick' ? tick : name === 'true' ? () => 0 : undefined));
    const status = await interp.run('while true; do tick | tick; done', { stdin: '', stdout: () => {}, stderr: () => {} }, sh.ctx);
    expect(status).toBe(130);
    expect(n).toBe(500);
  });
  it('still filters what a watching command printed before Ctrl-C (`kubectl get pods -w | grep vote`)', async () => {
    const run = async (line: string) => {
      const sh: ReturnType<typeof fakeShell> = fakeShell({
        commands: {
          ...genericCommands,
          watching: (_a, io) => {
            io.stdout('vote-1   Running\nredis-1   Running\nvote-2   Pending\n');
            sh.cancel();
            return 0;
          },
        },
      });
      return sh.run(line);
    };
    expect(await run("watching | grep vote | awk '{print $1}'; echo not reached")).toMatchObject({ stdout: 'vote-1\nvote-2\n', status: 130 });
    // loops downstream do not run once Ctrl-C was pressed
    expect(await run('watching | while true; do echo spin; done')).toMatchObject({ stdout: '', status: 130 });
  });
  it('stops a long sleep soon after Ctrl-C', async () => {
    const sh = shell();
    const t0 = sh.now();
    const sleep = sh.ctx.sleep.bind(sh.ctx);
    // the learner presses Ctrl-C five seconds into the sleep
    (sh.ctx as { sleep: (ms: number) => Promise<void> }).sleep = async (ms) => {
      await sleep(ms);
      if (sh.now() - t0 >= 5000) sh.cancel();
    };
    const r = await sh.run('sleep 100000; echo after');
    expect(r.status).toBe(130);
    expect(r.stdout).toBe('');
    expect(sh.now() - t0).toBe(5000);
  });
});

describe('exit', () => {
  it('leaves the interactive shell, printing `exit` in bash', async () => {
    const sh = shell();
    const r = await sh.run('exit 3; echo no');
    expect(r).toMatchObject({ stdout: '', stderr: 'exit\n', status: 3 });
    expect(sh.exits).toBe(1);
    const ash = shell({}, 'sh');
    expect(await ash.run('exit')).toMatchObject({ stderr: '', status: 0 });
    expect(ash.exits).toBe(1);
  });
  it('only ends the run in a nested run (sh -c, watch)', async () => {
    const sh = shell();
    let out = '';
    const status = await sh.interpreter.run('exit 4', { stdin: '', stdout: (t) => (out += t), stderr: (t) => (out += t) }, sh.ctx, { nested: true });
    expect(status).toBe(4);
    expect(out).toBe('');
    expect(sh.exits).toBe(0);
  });
});

describe('what commands learn about their stdout and the shell', () => {
  it('tells a command when its stdout is the terminal', async () => {
    const seen: boolean[] = [];
    const probe: Command = (_a, io) => (seen.push(isTty(io)), 0);
    const sh = shell({ probe });
    await sh.run('probe; probe | cat; probe > f; x=$(probe)', { tty: true, columns: 100 });
    await sh.run('probe', { tty: false });
    expect(seen).toEqual([true, false, false, false, false]);
  });
  it('lays ls out in columns on a terminal and one per line into a pipe', async () => {
    const sh = shell();
    await sh.run('touch vote.yaml redis.yaml db.yaml');
    expect((await sh.run('ls', { tty: true, columns: 80 })).stdout).toBe('db.yaml  redis.yaml  vote.yaml\n');
    expect((await sh.run('ls | cat', { tty: true, columns: 80 })).stdout).toBe('db.yaml\nredis.yaml\nvote.yaml\n');
  });
  it('hands commands the shell for which, type, help and xargs', async () => {
    let flavour = '';
    const probe: Command = (_a, _io, ctx) => ((flavour = shellOf(ctx)!.flavour), 0);
    await shell({ probe }, 'sh').run('probe');
    expect(flavour).toBe('sh');
  });
});

describe('session commands', () => {
  it('numbers history like bash and like busybox', async () => {
    const sh = fakeShell({ commands: genericCommands, history: ['kubectl get pods', 'ls', 'history'] });
    expect((await sh.run('history')).stdout).toBe('    1  kubectl get pods\n    2  ls\n    3  history\n');
    expect((await sh.run('history 1')).stdout).toBe('    3  history\n');
    const ash = fakeShell({ commands: genericCommands, flavour: 'sh', history: ['ls', 'history'] });
    expect((await ash.run('history')).stdout).toBe('   0 ls\n   1 history\n');
  });
  it('clears the screen through the context', async () => {
    const sh = shell();
    await sh.run('clear; clear');
    expect(sh.clears).toBe(2);
  });
  it('sleeps in virtual time', async () => {
    const sh = shell();
    const t0 = sh.now();
    expect((await sh.run('sleep 1.5; sleep 1m')).status).toBe(0);
    expect(sh.now() - t0).toBe(61_500);
    expect(await sh.run('sleep x')).toMatchObject({ status: 1, stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n" });
  });
  it('prints the date from the virtual clock in UTC', async () => {
    const sh = fakeShell({ commands: genericCommands, now: Date.UTC(2026, 0, 5, 7, 8, 9) });
    expect((await sh.run('date')).stdout).toBe('Mon Jan  5 07:08:09 UTC 2026\n');
  });
  it('lists what the playground supports', async () => {
    const out = (await shell().run('help')).stdout;
    expect(out).toMatch(/^This playground simulates a Kubernetes cluster/);
    for (const name of ['awk', 'grep', 'sed', 'watch', 'break', 'source']) expect(out).toMatch(new RegExp(` ${name}( |\n)`));
    expect(out).toMatch(/here-documents/);
  });
  it('tells a background job runs in the foreground', async () => {
    expect(await shell().run('echo bg &')).toMatchObject({
      stdout: 'bg\n',
      stderr: 'bash: background jobs (&) are not supported in this playground: running in the foreground\n',
    });
  });
});

describe('watch', () => {
  it('re-runs the command with the procps header, clearing the screen, until Ctrl-C', async () => {
    let runs = 0;
    const sh = fakeShell({
      commands: {
        ...genericCommands,
        count: (_a, io) => {
          runs++;
          io.stdout(`run ${runs}\n`);
          if (runs === 3) sh.cancel();
          return 0;
        },
      },
      env: { HOSTNAME: 'kind-control-plane' },
    });
    // keep the headless watch going: pretend the simulation always has work scheduled
    (sh.ctx.sim.clock as unknown as { nextDue: () => number }).nextDue = () => sh.now() + 1000;
    const r = await sh.run('watch -n 1 count', { tty: true, columns: 80 });
    expect(r.status).toBe(0);
    expect(runs).toBe(3);
    expect(sh.clears).toBe(2);
    const header = (s: number) =>
      'Every 1.0s: count' + ' '.repeat(80 - 17 - 44) + `kind-control-plane: Mon Jan 12 09:00:0${s} 2026`;
    expect(r.stdout).toBe(`${header(0)}\n\nrun 1\n${header(1)}\n\nrun 2\n`);
  });
  it('stops a headless watch once nothing more is scheduled', async () => {
    const sh = shell();
    const r = await sh.run('watch -n 2 -t echo hi');
    expect(r).toMatchObject({ stdout: 'hi\n', status: 0 });
  });
  it('prints its usage without a command', async () => {
    const r = await shell().run('watch');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^\nUsage:\n watch \[options\] command\n/);
  });
});

describe('staying responsive', () => {
  it('lets a Ctrl-C delivered as a message stop a tight loop in the browser', async () => {
    const sh = shell();
    (sh.ctx as { realtime: boolean }).realtime = true;
    // the interrupt arrives like a worker message: on a later turn of the event loop
    setTimeout(() => sh.cancel(), 0);
    const r = await sh.run('while true; do echo x > /dev/null; done');
    expect(r.status).toBe(130);
  });
});
