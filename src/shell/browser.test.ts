// The in-app browser from the learner's host: the vote page through a
// NodePort, which pod served it, the vote POST's real outcome, cookies.

import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { TerminalSession } from './session';

async function cluster(lines: string[]): Promise<TerminalSession> {
  const session = new TerminalSession(new Simulation(), { mode: 'virtual' });
  for (const l of lines) await session.run(l, () => {});
  return session;
}

describe('in-app browser', () => {
  it('shows the vote page and the pod that served it; repeated loads spread over pods', async () => {
    const s = await cluster([
      'kubectl create deployment vote --image=schoolofdevops/vote:v1 --replicas=3',
      'kubectl create service nodeport vote --tcp=80 --node-port=30000',
      'sleep 20',
    ]);
    const pods = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = s.browse({ url: 'http://172.18.0.2:30000/', method: 'GET' });
      expect(r.kind).toBe('page');
      if (r.kind !== 'page') return;
      expect(r.status).toBe(200);
      expect(r.html).toContain('Emacs vs Vi!');
      const m = /Processed by container ID (vote-[a-z0-9-]+)/.exec(r.html);
      expect(m).not.toBeNull();
      pods.add(m![1]);
    }
    expect(pods.size).toBe(3);
    const traces = s.sim.runtime.traces.recent();
    expect(traces[traces.length - 1].cause).toBe('browser: GET http://172.18.0.2:30000/');
  });

  it('votes: the 500 page without redis, then the stored vote once redis has a Service and a pod', async () => {
    const s = await cluster([
      'kubectl create deployment vote --image=schoolofdevops/vote:v1 --replicas=1',
      'kubectl create service nodeport vote --tcp=80 --node-port=30000',
      'sleep 20',
    ]);
    const first = s.browse({ url: 'http://172.18.0.3:30000/', method: 'POST', form: 'vote=a' });
    expect(first.kind === 'page' && first.status).toBe(500);
    expect(first.kind === 'page' && first.html).toContain('<h1>Internal Server Error</h1>');
    for (const l of ['kubectl create deployment redis --image=redis:alpine', 'kubectl create service clusterip redis --tcp=6379', 'sleep 20']) await s.run(l, () => {});
    const second = s.browse({ url: 'http://172.18.0.3:30000/', method: 'POST', form: 'vote=b' });
    expect(second.kind === 'page' && second.status).toBe(200);
    // The page marks the chosen option; the voter_id cookie came back from the first answer.
    expect(second.kind === 'page' && second.html).toMatch(/<button id="b" [^>]*disabled>Vi <svg class="check"/);
    const out: string[] = [];
    await s.run('kubectl exec deploy/redis -- redis-cli LLEN votes', (c) => out.push(c.text));
    // No -t: no terminal, so redis-cli prints the raw reply.
    expect(out.join('')).toBe('1\n');
  });

  it('reports browser errors for names, refused and hanging connections without waiting', async () => {
    const s = await cluster(['kubectl create service nodeport empty --tcp=80 --node-port=30080']);
    expect(s.browse({ url: 'http://nosuch.example:80/', method: 'GET' })).toMatchObject({ kind: 'error', code: 'ERR_NAME_NOT_RESOLVED' });
    expect(s.browse({ url: 'http://172.18.0.2:30080/', method: 'GET' })).toMatchObject({ kind: 'error', code: 'ERR_CONNECTION_REFUSED' });
    expect(s.browse({ url: 'http://10.96.0.1:443/', method: 'GET' })).toMatchObject({ kind: 'error', code: 'ERR_CONNECTION_TIMED_OUT' });
    expect(s.browse({ url: 'not a url', method: 'GET' })).toMatchObject({ kind: 'error' });
  });
});
