// Shared helpers for the end-to-end tests: a page with a request audit and a
// console-error log, waiting with clear failure messages, and terminal input.

import assert from 'node:assert/strict';

/**
 * A fresh browser context and page. Every request is recorded; any request that
 * leaves the local server is blocked (so an offline run cannot hang) and counted
 * as a failure by assertNoExternalRequests.
 */
export async function openPage(browser, baseUrl, { viewport = { width: 1440, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const origin = new URL(baseUrl).origin;
  // Tests paste into the editor through the real clipboard, as a learner would.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const requests = [];
  const external = [];
  const consoleErrors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url, origin)) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    requests.push(req.url());
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
  return {
    context,
    page,
    requests,
    external,
    consoleErrors,
    close: () => context.close(),
  };
}

function isLocal(url, origin) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export function assertNoExternalRequests(session) {
  const outside = session.requests.filter((u) => !isLocal(u, new URL(session.page.url()).origin));
  const all = [...new Set([...session.external, ...outside])];
  assert.deepEqual(all, [], `the page made requests outside the local server:\n  ${all.join('\n  ')}`);
}

export function assertNoConsoleErrors(session) {
  assert.deepEqual(session.consoleErrors, [], `the page logged errors:\n  ${session.consoleErrors.join('\n  ')}`);
}

/** Poll `probe` (in Node) until it returns a truthy value; fail with `message` and the last value. */
export async function waitFor(probe, { timeout = 15000, interval = 100, message = 'condition', details } = {}) {
  const start = Date.now();
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() - start > timeout) {
      const extra = details ? await details().catch((e) => `(details failed: ${e.message})`) : describe(last);
      throw new assert.AssertionError({ message: `timed out after ${timeout} ms waiting for ${message}` + (extra ? `\n--- last seen ---\n${extra}` : '') });
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

function describe(v) {
  if (v === undefined || v === null || v === false) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The terminal's visible rows as the DOM renderer shows them. */
export async function visibleTerminalRows(page) {
  return page.$$eval('.xterm-rows > div', (rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
}

/** The whole terminal buffer (scrollback included) through the test hook. */
export function terminalText(page) {
  return page.evaluate(() => window.__playground.terminalText());
}

/** Wait for the first prompt on screen; returns the prompt as printed (trailing space included). */
export async function waitForPrompt(page, timeout = 20000) {
  await page.waitForFunction(() => window.__playground?.firstPromptMs() != null, null, { timeout });
  const prompt = await page.evaluate(() => window.__playground.prompt());
  await waitFor(async () => (await terminalText(page)).split('\n').pop() === prompt.trimEnd(), { message: `the prompt "${prompt}" in the terminal` });
  return prompt;
}

/** Focus the terminal and type a line as keystrokes, then Enter. */
export async function typeCommand(page, line) {
  await page.click('[data-testid="terminal"]');
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** Run a command and return the output between the command line and the next prompt. */
export async function runCommand(page, line, prompt, opts) {
  const before = await terminalText(page);
  await typeCommand(page, line);
  const echo = prompt + line;
  const text = await waitFor(
    async () => {
      const t = await terminalText(page);
      if (t.length <= before.length && t === before) return false;
      const busy = await page.evaluate(() => window.__playground.terminalBusy());
      if (busy) return false;
      const idx = t.lastIndexOf(echo);
      if (idx < 0) return false;
      const lines = t.slice(idx).split('\n');
      return lines.length > 1 && lines[lines.length - 1] === prompt.trimEnd() ? t : false;
    },
    { timeout: opts?.timeout ?? 20000, message: `"${line}" to finish`, details: async () => (await terminalText(page)).split('\n').slice(-15).join('\n') },
  );
  const lines = text.slice(text.lastIndexOf(echo)).split('\n');
  return lines.slice(1, -1).join('\n');
}

/**
 * The usual test shape: a fresh page on the playground, loaded and at its
 * first prompt; `fn` gets the session, the page and the prompt text, and the
 * page's context is closed afterwards whatever happens.
 */
export async function withPlayground(browser, baseUrl, fn, opts) {
  const s = await openPage(browser, baseUrl, opts);
  try {
    await s.page.goto(baseUrl);
    const prompt = await waitForPrompt(s.page);
    return await fn({ s, page: s.page, prompt });
  } finally {
    await s.close();
  }
}
