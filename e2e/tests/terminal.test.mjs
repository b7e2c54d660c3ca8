// (b) kubectl get nodes lists the three kind nodes as Ready (read from the
// DOM renderer's rows); (e) Tab completion, history and Ctrl-C on an input line.

import assert from 'node:assert/strict';
import { openPage, runCommand, terminalText, visibleTerminalRows, waitFor, waitForPrompt, withPlayground } from '../harness.mjs';

const NODES = ['kind-control-plane', 'kind-worker', 'kind-worker2'];

function nodeRows(lines) {
  return NODES.map((name) => lines.find((l) => l.split(/\s+/)[0] === name));
}

export const tests = [
  {
    name: 'terminal: kubectl get nodes lists the three nodes as Ready',
    async run({ browser, baseUrl }) {
      const s = await openPage(browser, baseUrl);
      try {
        await s.page.goto(baseUrl);
        const prompt = await waitForPrompt(s.page);
        await runCommand(s.page, 'kubectl get nodes', prompt);
        const rows = await visibleTerminalRows(s.page);
        const header = rows.find((l) => l.startsWith('NAME'));
        assert.ok(header, `a NAME header row in .xterm-rows:\n${rows.join('\n')}`);
        assert.deepEqual(header.split(/\s+/).slice(0, 2), ['NAME', 'STATUS'], 'columns NAME, STATUS first');
        const found = nodeRows(rows);
        for (const [i, row] of found.entries()) {
          assert.ok(row, `row for ${NODES[i]} in .xterm-rows:\n${rows.join('\n')}`);
          assert.equal(row.split(/\s+/)[1], 'Ready', `${NODES[i]} is Ready: ${row}`);
        }
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'terminal: Tab completion, history and Ctrl-C',
    async run({ browser, baseUrl }) {
      await withPlayground(browser, baseUrl, async ({ page, prompt }) => {
        const lastLine = async () => (await terminalText(page)).split('\n').pop();
        await page.click('[data-testid="terminal"]');

        // A single match completes in place.
        await page.keyboard.type('kubectl get nod');
        await page.keyboard.press('Tab');
        await waitFor(async () => (await lastLine()) === prompt + 'kubectl get nodes', { message: '"nod" to complete to "nodes"' });
        await page.keyboard.press('Enter');
        await waitFor(async () => nodeRows((await terminalText(page)).split('\n')).every(Boolean), { message: 'the completed command to list the nodes' });
        await waitFor(async () => (await lastLine()) === prompt.trimEnd(), { message: 'the next prompt' });

        // An ambiguous word grows to the common prefix.
        await page.keyboard.type('kubectl get nodes kind-w');
        await page.keyboard.press('Tab');
        await waitFor(async () => (await lastLine()) === prompt + 'kubectl get nodes kind-worker', { message: '"kind-w" to grow to "kind-worker"' });
        await page.keyboard.press('Control+U');

        // Several matches are listed below the line, which is drawn again.
        await waitFor(async () => (await lastLine()) === prompt.trimEnd(), { message: 'Ctrl-U to empty the line' });
        await page.keyboard.type('kubectl get s');
        await page.keyboard.press('Tab');
        const listed = await waitFor(
          async () => {
            const lines = (await terminalText(page)).split('\n');
            const last = lines.pop();
            return last === prompt + 'kubectl get s' && lines.some((l) => /\bservices\b/.test(l) && l !== prompt + 'kubectl get s') ? lines : false;
          },
          { message: 'candidates for "kubectl get s" listed, then the line redrawn' },
        );
        const candidateLine = listed.findLast((l) => /\bservices\b/.test(l));
        assert.deepEqual(candidateLine.split(/\s+/).sort(), ['services', 'svc'], `the candidates on one row: ${candidateLine}`);

        // Ctrl-C abandons the line: ^C and a fresh prompt.
        await page.keyboard.press('Control+C');
        await waitFor(async () => (await terminalText(page)).includes(prompt + 'kubectl get s^C'), { message: '^C after the abandoned line' });
        await waitFor(async () => (await lastLine()) === prompt.trimEnd(), { message: 'a fresh prompt after Ctrl-C' });

        // History: Up recalls the last command (not the abandoned line); Enter runs it again.
        const before = (await terminalText(page)).split('kind-worker2').length;
        await page.keyboard.press('ArrowUp');
        await waitFor(async () => (await lastLine()) === prompt + 'kubectl get nodes', { message: 'ArrowUp to recall "kubectl get nodes"' });
        await page.keyboard.press('Enter');
        await waitFor(async () => (await terminalText(page)).split('kind-worker2').length > before, { message: 'the recalled command to run again' });

        // Line editing: Home, typing, End.
        await waitFor(async () => (await lastLine()) === prompt.trimEnd(), { message: 'the prompt after the recalled command' });
        await page.keyboard.type('get nodes');
        await page.keyboard.press('Home');
        await page.keyboard.type('kubectl ');
        await page.keyboard.press('End');
        await page.keyboard.type(' -o name');
        await waitFor(async () => (await lastLine()) === prompt + 'kubectl get nodes -o name', { message: 'Home/End editing of the line' });
        await page.keyboard.press('Enter');
        await waitFor(async () => (await terminalText(page)).includes('node/kind-worker2'), { message: 'kubectl get nodes -o name output' });
      });
    },
  },
];
