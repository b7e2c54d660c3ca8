// --dry-run as kubectl v1.32 parses it: a bare flag or a boolean logs a klog
// deprecation warning and means client; bad values are refused.

import type { FlagSpec } from './flags';
import type { KubectlEnv } from './env';
import { KubectlError } from './errors';
import { klogHeader } from './env';

export type DryRun = 'none' | 'client' | 'server';

export const dryRunFlag: FlagSpec = { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' };

export function dryRunMode(env: KubectlEnv): DryRun {
  if (!env.flags.changed('dry-run')) return 'none';
  const v = env.flags.str('dry-run');
  switch (v) {
    case 'client':
    case 'server':
    case 'none':
      return v;
    case 'unchanged':
      env.err(klogHeader('W', env.now(), env.pid, 'helpers.go:702') + '--dry-run is deprecated and can be replaced with --dry-run=client.\n');
      return 'client';
    case 'true':
      env.err(klogHeader('W', env.now(), env.pid, 'helpers.go:716') + '--dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n');
      return 'client';
    case 'false':
      env.err(klogHeader('W', env.now(), env.pid, 'helpers.go:716') + '--dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.\n');
      return 'none';
    default:
      throw new KubectlError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}
