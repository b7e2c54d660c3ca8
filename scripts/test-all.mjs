// `npm test`: everything, from a fresh machine: installs, type-check, unit and
// oracle tests (vitest), end-to-end tests in Debian's Chromium.

import { execSync } from 'node:child_process';
import { ensureNodeModules, ensureSystemPackages, root } from './ensure.mjs';

ensureNodeModules();
ensureSystemPackages();

const steps = [
  ['type-check', 'npx tsc -p tsconfig.json --noEmit'],
  ['unit and oracle tests', 'npx vitest run'],
  ['end-to-end tests (Chromium)', 'node e2e/run.mjs'],
];
for (const [name, cmd] of steps) {
  console.log(`\n=== ${name}: ${cmd}`);
  try {
    execSync(cmd, { stdio: 'inherit', cwd: root });
  } catch {
    console.error(`\n${name} failed`);
    process.exit(1);
  }
}
console.log('\nall tests passed');
