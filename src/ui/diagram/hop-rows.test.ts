import { describe, expect, it } from 'vitest';
import { runScript } from '../../cli/script';
import type { TraceRecord } from '../../worker/protocol';
import { connectionOf, describeOutcome, hopRows, shortOutcome } from './hop-rows';

describe('hop rows', () => {
  it('lists a NodePort request node by node: rules as iptables -S prints them, DNAT before ⇒ after, delivery', async () => {
    const { sim, session } = await runScript(
      ['kubectl create deployment vote --image=schoolofdevops/vote:v1 --replicas=3', 'kubectl create service nodeport vote --tcp=80 --node-port=30000', 'sleep 60'].join('\n'),
      [],
    );
    const got: TraceRecord[] = [];
    sim.runtime.traces.subscribe((t) => got.push(t));
    await session.run('curl -s http://172.18.0.3:30000/', () => {});
    const [record] = got;
    const rows = hopRows(record.trace, false);
    expect(rows[0]).toEqual({ kind: 'section', node: 'kind-worker', dir: 'request' });
    expect(rows[1]).toMatchObject({ kind: 'note', text: 'arrives on eth0' });
    expect((rows[1] as { packet: string }).packet).toMatch(/^172\.18\.0\.1:\d+ → 172\.18\.0\.3:30000$/);
    const dnat = rows.find((r) => r.kind === 'rule' && r.action === 'dnat');
    expect(dnat).toMatchObject({ kind: 'rule', table: 'nat' });
    expect((dnat as { chain: string }).chain).toMatch(/^KUBE-SEP-/);
    expect((dnat as { spec: string }).spec).toMatch(/^-A KUBE-SEP-\w+ -p tcp -m comment --comment "default\/vote:80" -m tcp -j DNAT --to-destination 10\.\d+\.\d+\.\d+:80$/);
    const rewrite = rows.find((r) => r.kind === 'rewrite' && r.what === 'DNAT') as { before: string; after: string };
    expect(rewrite.before).toMatch(/→ 172\.18\.0\.3:30000$/);
    expect(rewrite.after).toMatch(/→ 10\.\d+\.\d+\.\d+:80$/);
    expect(rows.some((r) => r.kind === 'rewrite' && r.what === 'MASQUERADE')).toBe(true);
    const end = rows.at(-1)!;
    expect(end).toMatchObject({ kind: 'end', ok: true });
    expect((end as { text: string }).text).toMatch(/^delivered to pod default\/vote-/);
    // Every request step is there in order; the reply only when asked for.
    expect(rows.some((r) => r.kind === 'section' && r.dir === 'reply')).toBe(false);
    expect(hopRows(record.trace, true).some((r) => r.kind === 'section' && r.dir === 'reply')).toBe(true);
    if (record.trace.steps.some((s) => s.kind === 'wire' && s.dir === 'request')) {
      expect(rows.some((r) => r.kind === 'wire' && r.text.startsWith('over weave (VXLAN) from kind-worker to '))).toBe(true);
    }

    expect(connectionOf(record)).toMatch(/^172\.18\.0\.1 → 172\.18\.0\.3:30000\/tcp$/);
    expect(shortOutcome(record.trace.outcome)).toMatch(/^vote-/);
    expect(describeOutcome(record.trace.outcome).text).toMatch(/^delivered to pod default\/vote-\S+ on kind-worker\d? at 10\.\S+:80; it sees the client as 10\.\S+$/);

    await session.run('curl -s http://172.18.0.3:30001/', () => {});
    expect(describeOutcome(got[1].trace.outcome)).toEqual({ ok: false, text: 'refused on kind-worker: nothing listens there (TCP reset)' });
  });
});
