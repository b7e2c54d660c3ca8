// (d) Monaco shows a schema warning for a field the Kubernetes schema does not
// allow (monaco-yaml validation in its worker, against src/sim/api/schema).

import assert from 'node:assert/strict';
import { assertNoConsoleErrors, assertNoExternalRequests, openPage, waitFor, waitForPrompt } from '../harness.mjs';
import { writeNewFile } from './editor-apply.test.mjs';

const INVALID = `apiVersion: v1
kind: Service
metadata:
  name: broken
spec:
  selector:
    app: web
  ports:
  - port: 80
  bogusField: true
`;

export const tests = [
  {
    name: 'editor: schema warning marker for an unknown field',
    async run({ browser, baseUrl }) {
      const s = await openPage(browser, baseUrl);
      const { page } = s;
      try {
        await page.goto(baseUrl);
        await waitForPrompt(page);
        await writeNewFile(page, 'broken-svc.yaml', INVALID);
        const markers = await waitFor(
          async () => {
            const m = await page.evaluate(() => window.__playground.markers());
            return m?.some((x) => x.message.includes('bogusField')) ? m : false;
          },
          { timeout: 20000, message: 'a marker about bogusField' },
        );
        const bogus = markers.find((x) => x.message.includes('bogusField'));
        assert.equal(bogus.severity, 4, `a schema violation is a Warning (4): ${JSON.stringify(bogus)}`);
        assert.equal(bogus.startLineNumber, 10, 'on the line of the field');
        assert.ok(
          await page.isVisible('[data-testid="editor"] .squiggly-warning'),
          'the warning is drawn as a squiggle in the editor',
        );
        assertNoExternalRequests(s);
        assertNoConsoleErrors(s);
      } finally {
        await s.close();
      }
    },
  },
];
