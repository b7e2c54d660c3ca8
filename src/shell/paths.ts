// Paths as the shell resolves them: relative to $PWD (the learner's home,
// /root, unless they cd'd), `~` meaning $HOME.

import type { ExecContext } from './types';

export function resolvePath(ctx: Pick<ExecContext, 'env'>, p: string): string {
  const home = ctx.env.get('HOME') ?? '/root';
  const cwd = ctx.env.get('PWD') ?? home;
  let path = p;
  if (path === '~' || path.startsWith('~/')) path = home + path.slice(1);
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}
