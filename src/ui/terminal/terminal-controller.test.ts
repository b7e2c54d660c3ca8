import { describe, expect, it } from 'vitest';
import type { Completion, ExecResult, OutputChunk, TerminalEffect } from '../../worker/protocol';
import { type ShellBackend, TerminalController } from './terminal-controller';
import { VtScreen } from './testing/vt-screen';

/** A scripted shell: echoes its input, can block until released, lists fixed completions. */
class ScriptedShell implements ShellBackend {
  readonly executed: string[] = [];
  interrupts = 0;
  prompt = '$ ';
  private blocked: { resolve: () => void } | null = null;
  blockNext = false;
  nested = false;
  shellKind: 'sh' | 'bash' = 'sh';

  async exec(line: string, onOutput: (c: OutputChunk) => void, onEffect: (e: TerminalEffect) => void): Promise<ExecResult> {
    this.executed.push(line);
    if (line === 'clear') {
      onEffect({ type: 'clear' });
      return { exit: 0, prompt: this.prompt, nested: false };
    }
    if (line.startsWith('docker exec -it')) {
      this.nested = true;
      this.shellKind = line.endsWith('bash') ? 'bash' : 'sh';
      this.prompt = this.shellKind === 'bash' ? 'root@kind-worker2:/# ' : '# ';
      return { exit: 0, prompt: this.prompt, nested: true };
    }
    if (line === 'exit' && this.nested) {
      // bash says `exit` (on stderr); dash says nothing.
      if (this.shellKind === 'bash') onOutput({ stream: 'stderr', text: 'exit\n' });
      this.nested = false;
      this.prompt = '$ ';
      return { exit: 0, prompt: this.prompt, nested: false };
    }
    if (line.startsWith('vi ')) {
      onEffect({ type: 'edit', path: `/root/${line.slice(3)}` });
      await new Promise<void>((resolve) => (this.blocked = { resolve }));
      return { exit: 0, prompt: this.prompt, nested: this.nested };
    }
    if (this.blockNext) {
      this.blockNext = false;
      onOutput({ stream: 'stdout', text: 'waiting...\n' });
      await new Promise<void>((resolve) => (this.blocked = { resolve }));
      return { exit: 130, prompt: this.prompt, nested: false };
    }
    onOutput({ stream: 'stdout', text: `ran: ${line.replace(/\n/g, '|')}\n` });
    return { exit: 0, prompt: this.prompt, nested: false };
  }

  async interrupt(): Promise<void> {
    this.interrupts++;
    this.blocked?.resolve();
    this.blocked = null;
  }

  async complete(line: string): Promise<Completion> {
    if (line.endsWith('get p')) return { line, candidates: ['persistentvolumeclaims', 'pods', 'podtemplates'] };
    if (line.endsWith('get nodes kind-w')) return { line: line + 'orker', candidates: ['kind-worker', 'kind-worker2'] };
    if (line.endsWith('get svc v')) return { line: line + 'ote ', candidates: [] };
    return { line, candidates: [] };
  }

  async isIncomplete(text: string): Promise<boolean> {
    return text.endsWith('|') || (text.match(/'/g) ?? []).length % 2 === 1;
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(cols = 80) {
  const screen = new VtScreen(cols);
  const shell = new ScriptedShell();
  const term = new TerminalController({ write: (d) => screen.write(d), cols }, shell);
  term.start('$ ');
  return { screen, shell, term };
}

describe('TerminalController', () => {
  it('runs a typed line and shows its output and the next prompt', async () => {
    const { screen, shell, term } = setup();
    term.input('kubectl get nodes\r');
    await settle();
    expect(shell.executed).toEqual(['kubectl get nodes']);
    expect(screen.lines()).toEqual(['$ kubectl get nodes', 'ran: kubectl get nodes', '$']);
  });

  it('runs each line of a paste in turn, typing ahead while a command runs', async () => {
    const { screen, shell, term } = setup();
    term.input('echo one\recho two\recho thr');
    await settle();
    await settle();
    expect(shell.executed).toEqual(['echo one', 'echo two']);
    expect(screen.lines()).toEqual(['$ echo one', 'ran: echo one', '$ echo two', 'ran: echo two', '$ echo thr']);
  });

  it('prints ^C and a fresh prompt for Ctrl-C on an input line', async () => {
    const { screen, shell, term } = setup();
    term.input('kubectl ge\x03');
    await settle();
    expect(shell.executed).toEqual([]);
    expect(screen.lines()).toEqual(['$ kubectl ge^C', '$']);
  });

  it('interrupts a running command and drops type-ahead', async () => {
    const { screen, shell, term } = setup();
    shell.blockNext = true;
    term.input('sleep 100\r');
    await settle();
    expect(term.isRunning()).toBe(true);
    term.input('ls\r\x03');
    await settle();
    await settle();
    expect(shell.interrupts).toBe(1);
    expect(shell.executed).toEqual(['sleep 100']);
    expect(screen.lines()).toEqual(['$ sleep 100', 'waiting...', '^C', '$']);
  });

  it('asks for continuation lines and runs the joined text', async () => {
    const { screen, shell, term } = setup();
    term.input("echo 'a\r");
    await settle();
    term.input("b'\r");
    await settle();
    await settle();
    expect(shell.executed).toEqual(["echo 'a\nb'"]);
    expect(screen.lines()).toEqual(["$ echo 'a", "> b'", "ran: echo 'a|b'", '$']);
  });

  it('lists several completions below the line, then redraws the line', async () => {
    const { screen, term } = setup(60);
    term.input('kubectl get p\t');
    await settle();
    expect(screen.lines()).toEqual([
      '$ kubectl get p',
      'persistentvolumeclaims  podtemplates',
      'pods',
      '$ kubectl get p',
    ]);
  });

  it('extends the line to the common prefix and lists the candidates', async () => {
    const { screen, term } = setup(60);
    term.input('kubectl get nodes kind-w\t');
    await settle();
    expect(screen.lines()).toEqual(['$ kubectl get nodes kind-worker', 'kind-worker   kind-worker2', '$ kubectl get nodes kind-worker']);
  });

  it('completes a single match in place, keeping text after the cursor', async () => {
    const { screen, shell, term } = setup();
    term.input('kubectl get svc v -o wide' + '\x1b[D'.repeat(8) + '\t');
    await settle();
    expect(screen.lines()).toEqual(['$ kubectl get svc vote  -o wide']);
    term.input('\r');
    await settle();
    expect(shell.executed).toEqual(['kubectl get svc vote  -o wide']);
  });

  it('recalls history with the up arrow', async () => {
    const { shell, term } = setup();
    term.input('kubectl get pods\r');
    await settle();
    term.input('kubectl get svc\r');
    await settle();
    term.input('\x1b[A\x1b[A\r');
    await settle();
    expect(shell.executed).toEqual(['kubectl get pods', 'kubectl get svc', 'kubectl get pods']);
  });

  it('clears the screen on Ctrl-L and on the clear effect', async () => {
    const { screen, term } = setup();
    term.input('echo x\r');
    await settle();
    term.input('abc\x0c');
    expect(screen.lines()).toEqual(['$ abc']);
    term.input('\x15clear\r');
    await settle();
    expect(screen.lines()).toEqual(['$']);
  });

  it('injects a command at the prompt and restores the half-typed line', async () => {
    const { screen, shell, term } = setup();
    term.input('kubectl des');
    const result = await term.runCommand('kubectl apply -f web.yaml');
    expect(result?.exit).toBe(0);
    expect(shell.executed).toEqual(['kubectl apply -f web.yaml']);
    expect(screen.lines()).toEqual(['$ kubectl apply -f web.yaml', 'ran: kubectl apply -f web.yaml', '$ kubectl des']);
  });

  it('waits for a running command before injecting one', async () => {
    const { shell, term } = setup();
    shell.blockNext = true;
    term.input('sleep 5\r');
    await settle();
    const pending = term.runCommand('kubectl get svc');
    await settle();
    expect(shell.executed).toEqual(['sleep 5']);
    term.input('\x03');
    await pending;
    expect(shell.executed).toEqual(['sleep 5', 'kubectl get svc']);
  });

  it('leaves a nested bash with Ctrl-D on an empty line, printing exit after the prompt as bash does', async () => {
    const { screen, shell, term } = setup();
    term.input('docker exec -it kind-worker2 bash\r');
    await settle();
    term.input('\x04');
    await settle();
    await settle();
    expect(shell.executed).toEqual(['docker exec -it kind-worker2 bash', 'exit']);
    expect(screen.lines()).toEqual(['$ docker exec -it kind-worker2 bash', 'root@kind-worker2:/# exit', '$']);
    // Not remembered: Up recalls the docker line, not a typed `exit`.
    term.input('\x1b[A');
    expect(screen.lines().at(-1)).toBe('$ docker exec -it kind-worker2 bash');
  });

  it('starts a fresh row after Ctrl-D in a shell that prints nothing on exit', async () => {
    const { screen, shell, term } = setup();
    term.input('docker exec -it kind-worker2 sh\r');
    await settle();
    term.input('\x04');
    await settle();
    await settle();
    expect(shell.executed.at(-1)).toBe('exit');
    expect(screen.lines()).toEqual(['$ docker exec -it kind-worker2 sh', '#', '$']);
  });

  it('ignores Ctrl-D on the host shell, and deletes under the cursor on a non-empty line', async () => {
    const { screen, shell, term } = setup();
    term.input('\x04');
    await settle();
    expect(shell.executed).toEqual([]);
    expect(screen.lines()).toEqual(['$']);
    term.input('docker exec -it kind-worker2 sh\r');
    await settle();
    term.input('lsx\x1b[D\x04');
    await settle();
    expect(screen.lines().at(-1)).toBe('# ls');
    expect(shell.executed).toEqual(['docker exec -it kind-worker2 sh']);
  });

  it('forgets the nested shell on reset', async () => {
    const { shell, term } = setup();
    term.input('docker exec -it kind-worker2 sh\r');
    await settle();
    term.reset('$ ');
    term.input('\x04');
    await settle();
    expect(shell.executed).toEqual(['docker exec -it kind-worker2 sh']);
  });

  it('hands edit effects to listeners while the command waits, with the running line', async () => {
    const { shell, term } = setup();
    const effects: { path: string; line: string | null }[] = [];
    term.onEffect((e) => {
      if (e.type === 'edit') effects.push({ path: e.path, line: term.runningLine() });
    });
    term.input('vi notes.txt\r');
    await settle();
    await settle();
    expect(effects).toEqual([{ path: '/root/notes.txt', line: 'vi notes.txt' }]);
    expect(term.isRunning()).toBe(true);
    await shell.interrupt();
    await settle();
    expect(term.runningLine()).toBeNull();
  });
});
