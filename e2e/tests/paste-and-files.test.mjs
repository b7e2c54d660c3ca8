// Pasting several lines into the terminal runs them one after another; a
// heredoc asks for continuation lines (`> `); a file the shell writes shows up
// in the editor's file list, a file saved in the editor is there for `cat`,
// and Ctrl+Enter applies it.

import assert from 'node:assert/strict';
import { assertNoConsoleErrors, assertNoExternalRequests, runCommand, terminalText, waitFor, withPlayground } from '../harness.mjs';

export const tests = [
  {
    name: 'terminal: a pasted block runs line by line; heredoc files reach the editor',
    async run({ browser, baseUrl }) {
      await withPlayground(browser, baseUrl, async ({ s, page, prompt }) => {
        await page.click('[data-testid="terminal"]');
        const block = ['echo first', 'cat <<EOF > from-shell.yaml', 'apiVersion: v1', 'kind: Namespace', 'EOF', 'echo last', ''].join('\n');
        await page.evaluate((t) => navigator.clipboard.writeText(t), block);
        await page.keyboard.press('Control+V');
        const text = await waitFor(
          async () => {
            const t = await terminalText(page);
            return t.endsWith(`last\n${prompt.trimEnd()}`) ? t : false;
          },
          { message: 'the pasted lines to run' },
        );
        const tail = text.slice(text.indexOf(prompt + 'echo first')).split('\n');
        assert.deepEqual(tail, [
          prompt + 'echo first',
          'first',
          prompt + 'cat <<EOF > from-shell.yaml',
          '> apiVersion: v1',
          '> kind: Namespace',
          '> EOF',
          prompt + 'echo last',
          'last',
          prompt.trimEnd(),
        ]);

        // The file the shell wrote appears in the editor's list, with its content.
        await page.waitForSelector('.file-tab[data-path="/root/from-shell.yaml"]', { timeout: 10000 });
        await page.click('.file-tab[data-path="/root/from-shell.yaml"]');
        await waitFor(async () => (await page.evaluate(() => window.__playground.editorValue())) === 'apiVersion: v1\nkind: Namespace\n', {
          message: 'from-shell.yaml open in the editor',
        });

        // Edit and save with Ctrl+S; the shell sees the saved text.
        await page.click('[data-testid="editor"] .view-lines');
        await page.keyboard.press('Control+End');
        // Typed, not pasted: spaces must reach Monaco (React Flow's key handlers once ate them).
        await page.keyboard.type('metadata:');
        await page.keyboard.press('Enter');
        await page.keyboard.type('name: demo');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Shift+Tab');
        assert.ok(await page.isVisible('.file-tab[data-path="/root/from-shell.yaml"] .dirty-dot'), 'unsaved marker after typing');
        await page.keyboard.press('Control+S');
        await page.waitForSelector('.file-tab[data-path="/root/from-shell.yaml"] .dirty-dot', { state: 'detached', timeout: 5000 });
        const saved = await page.evaluate(() => window.__playground.editorValue());
        assert.equal(saved, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n', 'auto-indented YAML in the editor');
        assert.equal(await runCommand(page, 'cat from-shell.yaml', prompt), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo');

        // Ctrl+Enter in the editor applies the file at the prompt.
        await page.click('[data-testid="editor"] .view-lines');
        await page.keyboard.press('Control+Enter');
        await waitFor(async () => (await terminalText(page)).endsWith(`${prompt}kubectl apply -f from-shell.yaml\nnamespace/demo created\n${prompt.trimEnd()}`), {
          message: 'Ctrl+Enter to run kubectl apply -f from-shell.yaml',
          details: async () => (await terminalText(page)).split('\n').slice(-8).join('\n'),
        });

        // Deleting it in the shell removes it from the list.
        await runCommand(page, 'rm from-shell.yaml', prompt);
        await page.waitForSelector('.file-tab[data-path="/root/from-shell.yaml"]', { state: 'detached', timeout: 5000 });
        assertNoExternalRequests(s);
        assertNoConsoleErrors(s);
      });
    },
  },
];
