// (c) A NodePort Service written in the editor and applied with the Apply
// button shows up in `kubectl get svc` and on the diagram, with edges to its
// endpoint pods once they are Ready. Also checks the packet seam on an edge.

import assert from 'node:assert/strict';
import { assertNoConsoleErrors, assertNoExternalRequests, runCommand, terminalText, waitFor, withPlayground } from '../harness.mjs';

export const SERVICE_YAML = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
    nodePort: 30080
`;

/** Create a file through the file bar and paste `text` into it (clipboard + Ctrl+V). */
export async function writeNewFile(page, name, text) {
  await waitFor(() => page.evaluate(() => window.__playground.editorLoaded()), { message: 'the editor to load' });
  await page.click('[data-testid="new-file"]');
  await page.fill('[data-testid="file-name-input"]', name);
  await page.keyboard.press('Enter');
  await waitFor(async () => (await page.evaluate(() => window.__playground.editorPath())) === `/root/${name}`, { message: `${name} to open in the editor` });
  await page.click('[data-testid="editor"] .view-lines');
  // Typed keys would be auto-indented line by line; a paste arrives as is.
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  const value = await waitFor(async () => {
    const v = await page.evaluate(() => window.__playground.editorValue());
    return v === text ? v : false;
  }, { message: `the editor to hold the pasted text of ${name}` });
  return value;
}

export const tests = [
  {
    name: 'editor: apply a NodePort Service; kubectl get svc and the diagram show it',
    async run({ browser, baseUrl }) {
      await withPlayground(browser, baseUrl, async ({ s, page, prompt }) => {
        const created = await runCommand(page, 'kubectl create deployment web --image=nginx --replicas=2', prompt);
        assert.equal(created, 'deployment.apps/web created');

        await writeNewFile(page, 'web-svc.yaml', SERVICE_YAML);
        assert.ok(await page.isVisible('.file-tab[data-path="/root/web-svc.yaml"] .dirty-dot'), 'the new file is marked as unsaved');
        await page.click('[data-testid="apply"]');
        await waitFor(async () => (await terminalText(page)).includes(prompt + 'kubectl apply -f web-svc.yaml\nservice/web created'), {
          message: 'the apply command echoed at the prompt and its output',
        });
        await waitFor(async () => !(await page.isVisible('.file-tab[data-path="/root/web-svc.yaml"] .dirty-dot')), { message: 'the file to be saved' });

        const svc = await runCommand(page, 'kubectl get svc', prompt);
        const row = svc.split('\n').find((l) => l.startsWith('web '));
        assert.ok(row, `a row for web in kubectl get svc:\n${svc}`);
        const cols = row.split(/\s+/);
        assert.equal(cols[1], 'NodePort', row);
        assert.match(cols[2], /^10\.96\.\d+\.\d+$|^10\.\d+\.\d+\.\d+$/, `a cluster IP: ${row}`);
        assert.equal(cols[4], '80:30080/TCP', row);

        // The diagram: the Service with edges to both pods, ready once the pods are.
        const svcKey = await waitFor(() => page.evaluate(() => document.querySelector('[data-service$="/web"]')?.getAttribute('data-service')), {
          message: 'the web Service on the diagram',
        });
        const edges = await waitFor(
          async () => {
            const d = await page.evaluate(() => window.__playground.diagram());
            const mine = d?.edges.filter((e) => e.source === `svc:${svcKey}`) ?? [];
            return mine.length === 2 && mine.every((e) => e.ready) ? mine : false;
          },
          { timeout: 60000, message: 'two ready endpoint edges from the web Service' },
        );
        for (const e of edges) assert.match(e.target, new RegExp(`^pod:${svcKey.split('/')[0]}/web-`), `edge to a web pod: ${e.target}`);
        const drawn = await page.$$eval(`g[data-endpoint-edge^="ep:svc:${svcKey}->"]`, (gs) => gs.map((g) => g.getAttribute('data-ready')));
        assert.deepEqual(drawn, ['true', 'true'], 'both edges drawn as ready in the SVG');
        for (const e of edges) {
          const pod = e.target.slice('pod:'.length);
          assert.ok(await page.isVisible(`[data-pod="${pod}"][data-ready="true"]`), `pod ${pod} drawn as ready`);
        }

        // The packet seam: a dot runs along an edge and is removed when it arrives.
        const arrived = page.evaluate((id) => window.__playground.launchPacket(id, 800).then(() => true), edges[0].id);
        await page.waitForSelector(`g[data-endpoint-edge="${edges[0].id}"] circle[data-packet]`, { timeout: 5000 });
        assert.equal(await arrived, true, 'the packet arrived');
        await page.waitForSelector('circle[data-packet]', { state: 'detached', timeout: 5000 });

        assertNoExternalRequests(s);
        assertNoConsoleErrors(s);
      });
    },
  },
];
