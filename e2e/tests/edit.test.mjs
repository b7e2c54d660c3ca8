// kubectl edit and vi open their file in the editor while the command waits:
// Done saves and lets it go on, Cancel leaves the file, Ctrl-C in the terminal
// gives up; a refused change comes back with kubectl's errors on top.

import assert from 'node:assert/strict';
import { assertNoConsoleErrors, runCommand, terminalText, typeCommand, waitFor, withPlayground } from '../harness.mjs';

const session = (page) => page.evaluate(() => window.__playground.editSession());

/** Type a command that opens the editor; wait until the file is shown with the bar. */
async function openEdit(page, line, { round = 1 } = {}) {
  await typeCommand(page, line);
  const s = await waitFor(
    async () => {
      const e = await session(page);
      return e && e.round === round && !e.answered && (await page.evaluate(() => window.__playground.editorPath())) === e.path ? e : false;
    },
    { message: `"${line}" to open its file in the editor`, details: async () => (await terminalText(page)).split('\n').slice(-4).join('\n') },
  );
  await page.locator('[data-testid="edit-bar"]').waitFor();
  return s;
}

/** The output of a command typed earlier (it ran while we edited), once the prompt is back. */
async function outputOf(page, line, prompt) {
  const echo = prompt + line;
  const done = await waitFor(
    async () => {
      const t = await terminalText(page);
      const at = t.lastIndexOf(echo);
      if (at < 0 || (await page.evaluate(() => window.__playground.terminalBusy()))) return false;
      const lines = t.slice(at).split('\n');
      return lines.at(-1) === prompt.trimEnd() ? { output: lines.slice(1, -1).join('\n') } : false;
    },
    { message: `"${line}" to finish`, details: async () => (await terminalText(page)).split('\n').slice(-10).join('\n') },
  );
  return done.output;
}

async function webService(page, prompt) {
  assert.equal(await runCommand(page, 'kubectl create deployment web --image=nginx --replicas=2', prompt), 'deployment.apps/web created');
  assert.equal(await runCommand(page, 'kubectl expose deployment web --port=80 --type=NodePort', prompt), 'service/web exposed');
}

export const tests = [
  {
    name: 'edit: kubectl edit svc in the editor, Done applies the change',
    async run({ browser, baseUrl }) {
      await withPlayground(browser, baseUrl, async ({ s, page, prompt }) => {
        await waitFor(() => page.evaluate(() => window.__playground.editorLoaded()), { message: 'the editor to load' });
        await webService(page, prompt);
        const before = await page.evaluate(() => window.__playground.editorPath());

        const e = await openEdit(page, 'kubectl edit svc web');
        assert.match(e.path, /^\/tmp\/kubectl-edit-\d+\.yaml$/);
        assert.equal(e.program, 'kubectl');
        assert.match(await page.locator('[data-testid="edit-bar"]').innerText(), /kubectl is waiting for this file/);
        assert.ok(await page.isVisible(`.file-tab[data-path="${e.path}"]`), 'a tab for the temporary file');
        const text = await page.evaluate(() => window.__playground.editorValue());
        assert.match(text, /^# Please edit the object below\./);
        assert.match(text, /\n  type: NodePort\n/);
        assert.equal(await page.isDisabled('[data-testid="apply"]'), true, 'Apply is off for the file a command waits for');

        await page.evaluate((t) => window.__playground.setEditorValue(t), text.replace('type: NodePort', 'type: ClusterIP'));
        await page.click('[data-testid="edit-done"]');
        assert.equal(await outputOf(page, 'kubectl edit svc web', prompt), 'service/web edited');
        await waitFor(async () => (await session(page)) === null, { message: 'the edit bar to close' });
        assert.equal(await page.isVisible('[data-testid="edit-bar"]'), false);
        assert.equal(await page.locator(`.file-tab[data-path="${e.path}"]`).count(), 0, 'the temporary tab is gone');
        assert.equal(await page.evaluate(() => window.__playground.editorPath()), before, 'the editor shows the file it showed before');

        const svc = await runCommand(page, 'kubectl get svc web', prompt);
        const row = svc.split('\n').find((l) => l.startsWith('web '));
        assert.equal(row?.split(/\s+/)[1], 'ClusterIP', svc);
        assert.equal(row?.split(/\s+/)[4], '80/TCP', svc);
        assertNoConsoleErrors(s);
      });
    },
  },
  {
    name: 'edit: a refused change comes back with the errors on top; Cancel and Ctrl-C give up',
    async run({ browser, baseUrl }) {
      await withPlayground(browser, baseUrl, async ({ s, page, prompt }) => {
        await waitFor(() => page.evaluate(() => window.__playground.editorLoaded()), { message: 'the editor to load' });
        await webService(page, prompt);

        const first = await openEdit(page, 'kubectl edit svc web');
        const text = await page.evaluate(() => window.__playground.editorValue());
        await page.evaluate((t) => window.__playground.setEditorValue(t), text.replace('type: NodePort', 'type: Bogus'));
        await page.click('[data-testid="edit-done"]');
        const again = await waitFor(
          async () => {
            const e = await session(page);
            return e && e.round === 2 && !e.answered ? e : false;
          },
          { message: 'kubectl to open the file again' },
        );
        assert.equal(again.path, first.path, 'the same file');
        await waitFor(async () => /^# Please edit[\s\S]*\n# [^\n]*Bogus/.test(await page.evaluate(() => window.__playground.editorValue())), {
          message: 'the error comment about the bad type at the top of the file',
        });
        assert.match(await page.locator('[data-testid="edit-bar"]').innerText(), /could not use your change/);
        await page.click('[data-testid="edit-cancel"]');
        const out = await outputOf(page, 'kubectl edit svc web', prompt);
        assert.match(out, /^error: services "web" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.$/);
        await waitFor(async () => (await session(page)) === null, { message: 'the edit bar to close' });

        // Ctrl-C in the terminal while kubectl waits.
        const third = await openEdit(page, 'kubectl edit svc web');
        await page.click('[data-testid="terminal"]');
        await page.keyboard.press('Control+C');
        await waitFor(async () => (await session(page)) === null && !(await page.evaluate(() => window.__playground.terminalBusy())), {
          message: 'Ctrl-C to end the edit',
        });
        assert.equal(await page.locator(`.file-tab[data-path="${third.path}"]`).count(), 0, 'the temporary tab is gone');
        const svc = await runCommand(page, 'kubectl get svc web', prompt);
        assert.equal(svc.split('\n').find((l) => l.startsWith('web '))?.split(/\s+/)[1], 'NodePort', 'nothing changed');
        assertNoConsoleErrors(s);
      });
    },
  },
  {
    name: 'edit: vi notes.txt, type, Done; cat shows the text',
    async run({ browser, baseUrl }) {
      await withPlayground(browser, baseUrl, async ({ s, page, prompt }) => {
        await waitFor(() => page.evaluate(() => window.__playground.editorLoaded()), { message: 'the editor to load' });
        const e = await openEdit(page, 'vi notes.txt');
        assert.equal(e.path, '/root/notes.txt');
        assert.equal(e.program, 'vi');
        // The editor has the focus: type as a learner would.
        await page.keyboard.type('hello from the playground editor');
        await waitFor(async () => (await page.evaluate(() => window.__playground.editorValue())) === 'hello from the playground editor', {
          message: 'the typed text in the editor',
        });
        await page.click('[data-testid="edit-done"]');
        assert.equal(await outputOf(page, 'vi notes.txt', prompt), '');
        assert.equal(await runCommand(page, 'cat notes.txt', prompt), 'hello from the playground editor');
        await waitFor(() => page.isVisible('.file-tab[data-path="/root/notes.txt"]'), { message: 'notes.txt listed with the learner’s files' });
        assertNoConsoleErrors(s);
      });
    },
  },
];
