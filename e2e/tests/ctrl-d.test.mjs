// Ctrl-D on an empty line leaves a node shell, as in a real terminal; on the
// host shell it does nothing.

import assert from 'node:assert/strict';
import { assertNoConsoleErrors, terminalText, typeCommand, waitFor, withPlayground } from '../harness.mjs';

export const tests = [
  {
    name: 'terminal: Ctrl-D leaves a docker exec bash, and is ignored on the host',
    async run({ browser, baseUrl }) {
      await withPlayground(browser, baseUrl, async ({ s, page, prompt }) => {
        const currentPrompt = () => page.evaluate(() => (window.__playground.terminalBusy() ? null : window.__playground.prompt()));
        await typeCommand(page, 'docker exec -it kind-worker2 bash');
        await waitFor(async () => (await currentPrompt()) === 'root@kind-worker2:/# ', { message: 'the node shell prompt' });
        await page.keyboard.press('Control+D');
        await waitFor(async () => (await currentPrompt()) === prompt, { message: 'the host prompt after Ctrl-D' });
        const lines = (await terminalText(page)).split('\n');
        assert.deepEqual(lines.slice(-2), ['root@kind-worker2:/# exit', prompt.trimEnd()], 'bash prints exit after its prompt');
        // On the host shell: nothing happens.
        await page.keyboard.press('Control+D');
        await page.waitForTimeout(300);
        assert.deepEqual((await terminalText(page)).split('\n').slice(-2), ['root@kind-worker2:/# exit', prompt.trimEnd()]);
        assert.equal(await page.evaluate(() => window.__playground.terminalBusy()), false);
        assertNoConsoleErrors(s);
      });
    },
  },
];
