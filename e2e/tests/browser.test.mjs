// The in-app browser: the vote page through the NodePort, the pod that served
// each load, and the vote POST through the simulation (500 without redis, the
// checked option once redis runs). Also an error page.

import assert from 'node:assert/strict';
import { createVote, waitForReadyPods } from '../cluster.mjs';
import { assertNoConsoleErrors, assertNoExternalRequests, openPage, runCommand, waitFor, waitForPrompt, withPlayground } from '../harness.mjs';

const frameOf = (page) => page.frameLocator('[data-testid="browser-frame"]');

/**
 * Click an element of the page as a learner would, at the point where it is on
 * screen: the frame is zoomed out to fit the panel, and Playwright's own
 * element click does not account for CSS zoom on an iframe.
 */
async function clickInPage(page, selector) {
  const frame = page.locator('[data-testid="browser-frame"]');
  const box = await frame.boundingBox();
  const zoom = await frame.evaluate((el) => Number(getComputedStyle(el).zoom) || 1);
  const r = await frameOf(page).locator(selector).evaluate((el) => {
    const b = el.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  });
  await page.mouse.click(box.x + r.x * zoom, box.y + r.y * zoom);
}

/** Wait for the browser to show load number `n` (or later); returns the test hook's view of it. */
async function loaded(page, n) {
  return waitFor(
    async () => {
      const b = await page.evaluate(() => window.__playground.browser());
      return b && b.loads >= n ? b : false;
    },
    { message: `browser load #${n}` },
  );
}

export const tests = [
  {
    name: 'browser: the vote page via NodePort, a pod per reload, and voting with and without redis',
    async run({ browser, baseUrl }) {
      await withPlayground(browser, baseUrl, async ({ s, page, prompt }) => {
        await createVote(page, prompt, 3);

        await page.click('[data-testid="side-tab-browser"]');
        const address = page.locator('[data-testid="browser-address"]');
        await address.waitFor();
        assert.equal(await address.inputValue(), 'http://172.18.0.2:30000/', 'the address bar is prefilled with a node IP and the nodePort');
        await page.click('[data-testid="browser-go"]');
        let b = await loaded(page, 1);
        assert.equal(b.kind, 'page');
        assert.equal(b.status, 200);
        const frame = frameOf(page);
        assert.equal((await frame.locator('h3').textContent()).trim(), 'Emacs vs Vi!');
        const hostname = (await frame.locator('#hostname').textContent()).trim();
        assert.match(hostname, /^Processed by container ID vote-[a-z0-9]+-[a-z0-9]{5}$/);
        assert.equal(hostname.split(' ').pop(), b.pod, 'the status line names the pod the page says served it');
        const status = await page.locator('[data-testid="browser-status"]').textContent();
        assert.match(status, /HTTP 200 OK · served by 10\.\d+\.\d+\.\d+:80 \(pod vote-\S+ on kind-\S+\)/);

        // Each reload is a new connection, and kube-proxy picks an endpoint at random.
        const pods = new Set([b.pod]);
        for (let i = 2; i <= 16 && pods.size < 2; i++) {
          await page.click('[data-testid="browser-reload"]');
          b = await loaded(page, i);
          const shown = (await frameOf(page).locator('#hostname').textContent()).trim().split(' ').pop();
          assert.equal(shown, b.pod, 'the page and the status line agree on the pod');
          pods.add(b.pod);
        }
        assert.ok(pods.size >= 2, `reloads were served by more than one pod: ${[...pods].join(', ')}`);

        // Vote "a" (Emacs): no redis Service, so the app fails with a 500.
        const before = b.loads;
        await clickInPage(page, 'button#a');
        b = await loaded(page, before + 1);
        assert.equal(b.status, 500);
        assert.equal((await frameOf(page).locator('h1').textContent()).trim(), 'Internal Server Error');

        // Give the app its redis, and vote again.
        assert.equal(await runCommand(page, 'kubectl create deployment redis --image=redis:alpine', prompt), 'deployment.apps/redis created');
        assert.equal(await runCommand(page, 'kubectl create service clusterip redis --tcp=6379', prompt), 'service/redis created');
        await waitForReadyPods(page, 'redis-', 1);
        await page.click('[data-testid="browser-back"]');
        b = await loaded(page, before + 2);
        assert.equal(b.status, 200, 'Back shows the vote page again');
        await clickInPage(page, 'button#a');
        b = await loaded(page, before + 3);
        assert.equal(b.status, 200, 'the vote was stored');
        const chosen = frameOf(page).locator('button#a');
        assert.equal(await chosen.isDisabled(), true, 'the chosen option is disabled');
        assert.equal(await chosen.locator('svg.check').count(), 1, 'and shows the check icon');
        assert.equal(await frameOf(page).locator('button#b').evaluate((el) => getComputedStyle(el).opacity), '0.5', 'the other option fades');

        const votes = await runCommand(page, `kubectl exec deploy/redis -- redis-cli llen votes`, prompt);
        assert.equal(votes.trim(), '1', 'redis holds the vote');

        assertNoExternalRequests(s);
        assertNoConsoleErrors(s);
      });
    },
  },
  {
    name: 'browser: a closed port shows the browser error page',
    async run({ browser, baseUrl }) {
      const s = await openPage(browser, baseUrl);
      const { page } = s;
      try {
        await page.goto(baseUrl);
        await waitForPrompt(page);
        await page.click('[data-testid="side-tab-browser"]');
        await page.fill('[data-testid="browser-address"]', '172.18.0.3:30123');
        await page.keyboard.press('Enter');
        const b = await loaded(page, 1);
        assert.equal(b.kind, 'error');
        assert.equal(b.code, 'ERR_CONNECTION_REFUSED');
        const text = await page.locator('[data-testid="browser-error"]').innerText();
        assert.match(text, /This site can’t be reached/);
        assert.match(text, /172\.18\.0\.3 refused to connect\./);
        assert.match(text, /ERR_CONNECTION_REFUSED/);
        assert.equal(await page.locator('[data-testid="browser-address"]').inputValue(), 'http://172.18.0.3:30123/');
        assertNoExternalRequests(s);
        assertNoConsoleErrors(s);
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'browser: a link in the page is followed through the simulation, never the network; Back returns',
    async run({ browser, baseUrl }) {
      await withPlayground(browser, baseUrl, async ({ s, page, prompt }) => {
        assert.equal(await runCommand(page, 'kubectl create deployment web --image=nginx', prompt), 'deployment.apps/web created');
        assert.equal(await runCommand(page, 'kubectl create service nodeport web --tcp=80 --node-port=30080', prompt), 'service/web created');
        await waitForReadyPods(page, 'web-', 1);
        await page.click('[data-testid="side-tab-browser"]');
        await page.fill('[data-testid="browser-address"]', 'http://172.18.0.4:30080/');
        await page.keyboard.press('Enter');
        let b = await loaded(page, 1);
        assert.equal(b.status, 200);
        assert.equal((await frameOf(page).locator('h1').textContent()).trim(), 'Welcome to nginx!');
        // The page's link to nginx.org: resolved on your host, which has no such name here.
        await clickInPage(page, 'a[href="http://nginx.org/"]');
        b = await loaded(page, 2);
        assert.deepEqual([b.kind, b.code, b.url], ['error', 'ERR_NAME_NOT_RESOLVED', 'http://nginx.org/']);
        assert.match(await page.locator('[data-testid="browser-error"]').innerText(), /nginx\.org’s server IP address could not be found\./);
        await page.click('[data-testid="browser-back"]');
        b = await loaded(page, 3);
        assert.deepEqual([b.kind, b.status, b.url], ['page', 200, 'http://172.18.0.4:30080/']);
        assertNoExternalRequests(s);
        assertNoConsoleErrors(s);
      });
    },
  },
];
