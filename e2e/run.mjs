#!/usr/bin/env node
// End-to-end tests in real Chromium: build the site, serve dist/ with a tiny
// static server, drive Debian's Chromium with playwright-core, run every test
// in e2e/tests/ and print the measured figures.
//
//   npm run test:e2e                      build, then run all tests
//   E2E_SKIP_BUILD=1 npm run test:e2e     reuse an existing dist/
//   E2E_ONLY=terminal npm run test:e2e    only tests whose name contains "terminal"
//   CHROMIUM_PATH=/path/to/chromium       another Chromium (default /usr/bin/chromium)
//   E2E_HEADED=1                          show the browser window

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../scripts/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Playwright already adds its default switches (they stop background traffic);
// these are the closed-network ones, passed explicitly so the intent is visible
// and survives a change of playwright-core's defaults. --no-sandbox: we run as root in a container.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--disable-dev-shm-usage',
];

function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

if (!existsSync(executablePath)) {
  fail(
    `Chromium not found at ${executablePath}.\n` +
      `  Install Debian's Chromium with:  apt-get install -y chromium\n` +
      `  or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
  );
}

if (!process.env.E2E_SKIP_BUILD) {
  console.log('▶ building the site (npx vite build)…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail(`vite build failed (exit ${build.status}); fix the build before running e2e tests`);
}
if (!existsSync(join(dist, 'index.html'))) fail(`no ${join(dist, 'index.html')}: build the site first`);

const only = process.env.E2E_ONLY ?? '';
const tests = [];
for (const file of readdirSync(join(here, 'tests')).filter((f) => f.endsWith('.test.mjs')).sort()) {
  const mod = await import(pathToFileURL(join(here, 'tests', file)).href);
  for (const t of mod.tests) if (t.name.includes(only)) tests.push({ ...t, file });
}

const server = await startStaticServer(dist);
let browser;
try {
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: !process.env.E2E_HEADED });
} catch (err) {
  await server.close();
  fail(`could not launch Chromium at ${executablePath}: ${err.message}`);
}
console.log(`▶ Chromium ${browser.version()} · serving ${dist} at ${server.url}\n`);

const figures = [];
const results = [];
for (const t of tests) {
  const started = Date.now();
  try {
    await t.run({ browser, baseUrl: server.url, dist, figure: (name, value, unit) => figures.push({ name, value, unit }) });
    results.push({ name: t.name, ok: true, ms: Date.now() - started });
    console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
  } catch (err) {
    results.push({ name: t.name, ok: false, ms: Date.now() - started, err });
    console.log(`  ✗ ${t.name} (${Date.now() - started} ms)\n${indent(err?.stack ?? String(err))}`);
  }
}

await browser.close();
await server.close();

if (figures.length > 0) {
  console.log('\nFigures:');
  for (const f of figures) console.log(`  ${f.name}: ${f.value} ${f.unit}`);
}
const failed = results.filter((r) => !r.ok);
console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
if (tests.length === 0) fail(`no tests matched E2E_ONLY="${only}"`);
process.exit(failed.length > 0 ? 1 : 0);

function indent(text) {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}
