// Packets on the diagram come from real traces: a curl from your host travels
// host → node → Service (DNAT) → pod, the hop panel lists the rules it met,
// a refused connection stops with a red mark, and a burst stays throttled.

import assert from 'node:assert/strict';
import { createVote } from '../cluster.mjs';
import { assertNoConsoleErrors, assertNoExternalRequests, runCommand, typeCommand, waitFor, withPlayground } from '../harness.mjs';

/** Record, in the page, which edges carry packets and how many packets fly at once. */
function watchPackets(page) {
  return page.evaluate(() => {
    const w = { max: 0, edges: [], stopped: 0 };
    window.__packetWatch = w;
    const edgeOf = (c) => c.closest('[data-net-edge],[data-endpoint-edge]');
    const scan = () => {
      const circles = document.querySelectorAll('circle[data-packet]');
      w.max = Math.max(w.max, circles.length);
      for (const c of circles) {
        const g = edgeOf(c);
        const id = g?.getAttribute('data-net-edge') ?? g?.getAttribute('data-endpoint-edge');
        if (id && w.edges.at(-1) !== id && !w.edges.includes(id)) w.edges.push(id);
      }
      w.stopped = Math.max(w.stopped, document.querySelectorAll('[data-packet-stopped]').length);
    };
    new MutationObserver(scan).observe(document.querySelector('[data-testid="diagram"]'), { subtree: true, childList: true });
  });
}

const watched = (page) => page.evaluate(() => ({ ...window.__packetWatch, edges: [...window.__packetWatch.edges] }));

async function resetWatch(page) {
  await page.evaluate(() => Object.assign(window.__packetWatch, { max: 0, edges: [], stopped: 0 }));
}

async function noPacketsLeft(page) {
  await page.waitForSelector('circle[data-packet]', { state: 'detached', timeout: 15000 });
}

export const tests = [
  {
    name: 'packets: curl to a NodePort animates host → node → Service → pod; the hop panel shows the DNAT rule',
    async run({ browser, baseUrl, figure }) {
      await withPlayground(browser, baseUrl, async ({ s, page, prompt }) => {
        await createVote(page, prompt, 3);
        await page.click('[data-testid="hop-toggle"]');
        await page.locator('[data-testid="hop-panel"]').waitFor();
        await noPacketsLeft(page);
        await watchPackets(page);

        await typeCommand(page, 'curl -s http://172.18.0.3:30000/ > /dev/null');
        await waitFor(async () => (await watched(page)).max > 0, { message: 'a packet circle on the diagram' });
        await noPacketsLeft(page);
        const w = await watched(page);
        assert.equal(w.edges[0], 'net:host->node:kind-worker', `the packet starts at your host and enters kind-worker: ${w.edges.join(' | ')}`);
        assert.equal(w.edges[1], 'net:svc:default/vote->node:kind-worker', `then kind-worker's rules send it to the vote Service: ${w.edges.join(' | ')}`);
        assert.ok(w.edges.some((e) => /^ep:svc:default\/vote->pod:default\/vote-/.test(e)), `and the Service to a vote pod: ${w.edges.join(' | ')}`);

        // The hop panel: the newest packet is the curl, with its DNAT rule and the rewrite.
        const panel = page.locator('[data-testid="hop-panel"]');
        await waitFor(async () => /curl -s http:\/\/172\.18\.0\.3:30000\//.test(await panel.locator('.hop-details').innerText()), {
          message: 'the curl in the hop panel',
        });
        const dnat = panel.locator('.hop-rule.action-dnat');
        assert.equal(await dnat.count(), 1, 'one DNAT rule');
        assert.match(await dnat.getAttribute('data-chain'), /^KUBE-SEP-[A-Z0-9]{16}$/);
        assert.match(await dnat.innerText(), /^-A KUBE-SEP-[A-Z0-9]{16} -p tcp -m comment --comment "default\/vote:80" -m tcp -j DNAT --to-destination 10\.\d+\.\d+\.\d+:80$/);
        const rewrite = await panel.locator('.hop-rewrite[data-rewrite="DNAT"]').innerText();
        assert.match(rewrite, /^DNAT\s*172\.18\.0\.1:\d+ → 172\.18\.0\.3:30000 ⇒ 172\.18\.0\.1:\d+ → 10\.\d+\.\d+\.\d+:80$/);
        assert.match(await panel.locator('.hop-end').innerText(), /^delivered to pod default\/vote-/);

        // A refused connection: the packet stops at the node, in red.
        await resetWatch(page);
        await runCommand(page, 'curl -s http://172.18.0.3:30001/', prompt);
        await waitFor(async () => (await watched(page)).stopped > 0, { message: 'a red stop mark for the refused packet' });
        assert.deepEqual((await watched(page)).edges, ['net:host->node:kind-worker']);
        await noPacketsLeft(page);

        // A burst: many traces, a few packets at a time, and the page keeps drawing.
        await resetWatch(page);
        await page.evaluate(() => {
          window.__frames = { last: performance.now(), worst: 0, count: 0, on: true };
          const tick = (t) => {
            const f = window.__frames;
            f.worst = Math.max(f.worst, t - f.last);
            f.last = t;
            f.count++;
            if (f.on) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
        await runCommand(page, 'for i in $(seq 1 40); do curl -s http://172.18.0.2:30000/ > /dev/null; done', prompt, { timeout: 30000 });
        await noPacketsLeft(page);
        const frames = await page.evaluate(() => {
          window.__frames.on = false;
          return window.__frames;
        });
        const burst = await watched(page);
        assert.ok(burst.max > 0, 'the burst showed packets');
        assert.ok(burst.max <= 6, `at most 3 journeys at once (with their weave crossings): saw ${burst.max} packets`);
        figure('longest frame while 40 curls animate', Math.round(frames.worst), `ms (${frames.count} frames)`);

        assertNoExternalRequests(s);
        assertNoConsoleErrors(s);
      });
    },
  },
];
