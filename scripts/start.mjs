// `npm start`: install what is missing, build the static site, serve it and
// print its URL.

import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureNodeModules, root } from './ensure.mjs';
import { startStaticServer } from './static-server.mjs';

ensureNodeModules();
console.log('> vite build');
execSync('npx vite build --logLevel warn', { stdio: 'inherit', cwd: root });
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const { url } = await startStaticServer(join(root, 'dist'), port, host);
console.log(`\nThe playground is running at ${url}\n(Ctrl-C to stop)`);
