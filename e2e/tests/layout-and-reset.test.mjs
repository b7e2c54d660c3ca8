// Theme and pane sizes persist across a reload; Reset starts a fresh cluster.

import assert from 'node:assert/strict';
import { assertNoConsoleErrors, openPage, runCommand, terminalText, waitFor, waitForPrompt, withPlayground } from '../harness.mjs';

const PREFS_KEY = 'k8s-services-playground:prefs:v1';

export const tests = [
  {
    name: 'ui: theme toggle and divider drag persist across reload',
    async run({ browser, baseUrl }) {
      const s = await openPage(browser, baseUrl);
      const { page } = s;
      try {
        await page.goto(baseUrl);
        await waitForPrompt(page);
        const before = await page.evaluate(() => document.documentElement.dataset.theme);
        await page.click('[data-testid="theme-toggle"]');
        const after = await page.evaluate(() => document.documentElement.dataset.theme);
        assert.notEqual(after, before, 'the theme changed');
        // xterm follows: its background is the theme's --term-bg.
        const bg = await page.evaluate(() => [
          getComputedStyle(document.querySelector('.xterm-scrollable-element')).backgroundColor,
          getComputedStyle(document.querySelector('.terminal-host')).backgroundColor,
        ]);
        assert.equal(bg[0], bg[1], 'the terminal background follows the theme');

        // Drag the column divider 200 px to the right.
        const divider = page.locator('[data-split="columns"] > .split-divider');
        const box = await divider.boundingBox();
        const ratioBefore = Number(await divider.getAttribute('aria-valuenow'));
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + 200, box.y + box.height / 2, { steps: 5 });
        await page.mouse.up();
        const ratioAfter = Number(await divider.getAttribute('aria-valuenow'));
        assert.ok(ratioAfter > ratioBefore + 8, `the divider moved right: ${ratioBefore} → ${ratioAfter}`);

        const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PREFS_KEY));
        assert.equal(stored.theme, after);
        assert.ok(Math.abs(stored.paneRatios.columns * 100 - ratioAfter) < 1, 'the ratio is stored');

        await page.reload();
        await waitForPrompt(page);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), after, 'theme kept after reload');
        assert.equal(Number(await divider.getAttribute('aria-valuenow')), ratioAfter, 'pane size kept after reload');
        assertNoConsoleErrors(s);
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'ui: Reset starts a fresh cluster and a clean terminal',
    async run({ browser, baseUrl }) {
      await withPlayground(browser, baseUrl, async ({ s, page, prompt }) => {
        assert.equal(await runCommand(page, 'kubectl create deployment web --image=nginx', prompt), 'deployment.apps/web created');
        await page.click('[data-testid="reset"]');
        await page.click('[data-testid="reset"]');
        await waitFor(async () => (await terminalText(page)) === prompt.trimEnd(), { message: 'a clean terminal with one prompt' });
        await waitFor(async () => !(await page.evaluate(() => document.querySelector('[data-pod^="default/web-"]'))), {
          message: 'the old pods to leave the diagram',
        });
        const out = await runCommand(page, 'kubectl get deployments', prompt);
        assert.equal(out, 'No resources found in default namespace.');
        assertNoConsoleErrors(s);
      });
    },
  },
];
