// (f) Figures, not assertions on timing: time from navigation to a prompt that
// accepts input, and the gzip size of the JavaScript the first page load needs.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openPage, terminalText, waitFor } from '../harness.mjs';

/** Scripts index.html loads before anything is lazily imported: the entry and its modulepreloads. */
export function initialScripts(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return [...srcs, ...preloads].map((p) => join(dist, p.replace(/^\.?\//, '')));
}

export const tests = [
  {
    name: 'measure: initial JS size and time to first prompt',
    async run({ browser, baseUrl, dist, figure }) {
      const files = initialScripts(dist);
      assert.ok(files.length > 0, 'index.html loads a module script');
      let raw = 0;
      let gz = 0;
      for (const f of files) {
        const buf = readFileSync(f);
        raw += buf.length;
        gz += gzipSync(buf, { level: 9 }).length;
      }
      figure('initial JS (entry + modulepreload)', `${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`, `(${files.length} file${files.length === 1 ? '' : 's'})`);

      const s = await openPage(browser, baseUrl);
      const { page } = s;
      try {
        const runs = [];
        for (let i = 0; i < 3; i++) {
          await page.goto(baseUrl);
          // The prompt is up when the app says so and the DOM renderer shows it.
          await page.waitForFunction(() => {
            const t = window.__playground?.firstPromptMs();
            const rows = document.querySelector('.xterm-rows')?.textContent ?? '';
            return t != null && rows.trim().length > 0;
          }, null, { timeout: 20000, polling: 'raf' });
          const visibleAt = await page.evaluate(() => performance.now());
          const reported = await page.evaluate(() => window.__playground.firstPromptMs());
          // Accepts input: a typed character is echoed on the prompt line.
          await page.click('[data-testid="terminal"]');
          await page.keyboard.type('#');
          await waitFor(async () => (await terminalText(page)).split('\n').pop().endsWith('#'), { message: 'the typed character on the prompt line' });
          const echoedAt = await page.evaluate(() => performance.now());
          runs.push({ reported, visibleAt, echoedAt });
        }
        const fmt = (k) => runs.map((r) => Math.round(r[k])).join(' / ');
        figure('first prompt written (app clock, ms from navigation)', fmt('reported'), 'ms (3 loads)');
        figure('first prompt visible in .xterm-rows', fmt('visibleAt'), 'ms (3 loads)');
        figure('typed key echoed (upper bound incl. test round trips)', fmt('echoedAt'), 'ms (3 loads)');
      } finally {
        await s.close();
      }
    },
  },
];
