import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../core/clock';
import { ProcessTable } from './processes';

function setup() {
  const clock = new VirtualClock(1_000_000);
  const table = new ProcessTable(clock);
  const logs: { line: string; at: number }[] = [];
  const exits: { status: number; at: number }[] = [];
  const spawn = () => table.spawn({ log: (_s, line, at) => logs.push({ line, at }), exit: (status, at) => exits.push({ status, at }) });
  return { clock, table, logs, exits, spawn };
}

/** Let every microtask run (a process between two waits). */
async function flush(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

describe('container processes on the virtual clock', () => {
  it('a sleep waits for the clock: one timer, woken at its moment, busy until it waits again', async () => {
    const { clock, table, logs, spawn } = setup();
    const p = spawn();
    expect(table.busy).toBe(true);
    let woke = false;
    void p.sleep(5000).then(() => {
      woke = true;
      p.write('stdout', 'tick\n');
      p.exit(0);
    });
    expect(table.busy).toBe(false);
    await table.idle();
    clock.advanceTo(1_004_999, () => {});
    await flush();
    expect(woke).toBe(false);
    // The clock stops after the batch that woke the process, when asked to.
    const reached = clock.advanceTo(1_010_000, () => {}, () => table.busy);
    expect(reached).toBe(false);
    expect(clock.now()).toBe(1_005_000);
    await table.idle();
    expect(woke).toBe(true);
    expect(logs).toEqual([{ line: 'tick', at: 1_005_000 }]);
  });

  it('behind the clock, a process catches up without waiting and stamps its output with its own time', async () => {
    const { clock, table, logs, spawn } = setup();
    const p = spawn();
    const loop = async () => {
      for (;;) {
        p.write('stdout', `at ${p.now()}\n`);
        await p.sleep(5000);
      }
    };
    void loop();
    // The browser's ticker (or a test) advances in one go: the loop runs afterwards, on its own time.
    clock.advanceTo(1_012_000, () => {});
    await table.idle();
    expect(logs.map((l) => l.at)).toEqual([1_000_000, 1_005_000, 1_010_000]);
    expect(logs.map((l) => l.line)).toEqual(['at 1000000', 'at 1005000', 'at 1010000']);
    expect(clock.nextDue()).toBe(1_015_000);
  });

  it('exit reports the status at the process time, after the last partial line', async () => {
    const { clock, table, logs, exits, spawn } = setup();
    const p = spawn();
    p.write('stdout', 'no newline');
    void p.sleep(100).then(() => p.exit(3));
    clock.advanceTo(1_000_150, () => {});
    expect(exits).toEqual([]);
    await table.idle();
    expect(logs).toEqual([{ line: 'no newline', at: 1_000_100 }]);
    expect(exits).toEqual([{ status: 3, at: 1_000_100 }]);
    expect(table.busy).toBe(false);
  });

  it('a killed process never wakes and reports nothing', async () => {
    const { clock, table, exits, logs, spawn } = setup();
    const p = spawn();
    let woke = false;
    void p.sleep(1000).then(() => (woke = true));
    p.kill();
    expect(p.killed).toBe(true);
    clock.advanceTo(1_010_000, () => {});
    await flush();
    p.write('stdout', 'late\n');
    p.exit(0);
    expect({ woke, exits, logs, busy: table.busy, due: clock.nextDue() }).toEqual({ woke: false, exits: [], logs: [], busy: false, due: undefined });
  });

  it('a loop that never sleeps is charged CPU time: it cannot spin forever', async () => {
    const { clock, table, spawn } = setup();
    const p = spawn();
    let steps = 0;
    const busy = async () => {
      for (;;) {
        steps++;
        const charged = p.step();
        if (charged) await charged;
      }
    };
    void busy();
    await table.idle();
    const first = steps;
    expect(first).toBeGreaterThan(1000);
    expect(first).toBeLessThan(1100);
    clock.advanceTo(1_001_000, () => {});
    await table.idle();
    // About one step per virtual millisecond.
    expect(steps - first).toBeGreaterThan(900);
    expect(steps - first).toBeLessThan(1100);
  });
});
