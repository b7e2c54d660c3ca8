// (a) The page loads with no console errors and no request outside the local
// server, including the lazily loaded editor, its workers and the diagram.

import assert from 'node:assert/strict';
import { assertNoConsoleErrors, assertNoExternalRequests, openPage, waitFor, waitForPrompt } from '../harness.mjs';

export const tests = [
  {
    name: 'page loads offline: no console errors, no external requests',
    async run({ browser, baseUrl }) {
      const s = await openPage(browser, baseUrl);
      try {
        await s.page.goto(baseUrl);
        const prompt = await waitForPrompt(s.page);
        assert.ok(prompt.length > 0, 'a prompt is shown');
        // Let the lazy chunks (Monaco, React Flow) and their workers load.
        await waitFor(() => s.page.evaluate(() => window.__playground.editorLoaded()), { message: 'the editor to load' });
        await waitFor(() => s.page.evaluate(() => window.__playground.diagram()?.nodes.length > 0), { message: 'the diagram to draw the cluster' });
        await s.page.waitForLoadState('networkidle');
        assertNoExternalRequests(s);
        assertNoConsoleErrors(s);
      } finally {
        await s.close();
      }
    },
  },
];
