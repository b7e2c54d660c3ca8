// seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST, with GNU's choice of decimals:
// as many as FIRST or INCREMENT has.

import type { Command } from '../types';
import { getopt } from './lib/getopt';
import { quote, usageError } from './lib/util';

export const seq: Command = (argv, io, ctx) => {
  const parsed = getopt('seq', argv.slice(1), {
    short: { s: 'required', w: 'none', f: 'required' },
    long: { separator: { arg: 'required', key: 's' }, 'equal-width': { arg: 'none', key: 'w' }, format: { arg: 'required', key: 'f' } },
    // negative numbers are operands, not options
  });
  const args = argv.slice(1);
  const negativeOperands = args.every((a) => !/^-[0-9.]/.test(a));
  if (!parsed.ok && negativeOperands) return usageError(io, 'seq', parsed.error);
  let sep = '\n';
  let equalWidth = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-s' || a === '--separator') sep = args[++i] ?? '';
    else if (a.startsWith('-s') && !/^-s[0-9]/.test(a) && a.length > 2) sep = a.slice(2);
    else if (a.startsWith('--separator=')) sep = a.slice(12);
    else if (a === '-w' || a === '--equal-width') equalWidth = true;
    else operands.push(a);
  }
  if (operands.length === 0) return usageError(io, 'seq', 'seq: missing operand');
  if (operands.length > 3) return usageError(io, 'seq', `seq: extra operand ${quote(ctx, operands[3])}`);
  const nums: number[] = [];
  for (const o of operands) {
    const n = Number(o);
    if (o.trim() === '' || Number.isNaN(n)) return usageError(io, 'seq', `seq: invalid floating point argument: ${quote(ctx, o)}`);
    nums.push(n);
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (step === 0) return usageError(io, 'seq', `seq: invalid Zero increment value: ${quote(ctx, operands[1])}`);
  const decimals = (s: string): number => (/e/i.test(s) ? 0 : s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);
  const precision = Math.max(
    nums.length === 1 ? 0 : decimals(operands[0]),
    nums.length === 3 ? decimals(operands[1]) : 0,
  );
  const values: string[] = [];
  for (let i = 0; ; i++) {
    const v = first + i * step;
    if (step > 0 ? v > last + 1e-10 : v < last - 1e-10) break;
    values.push(v.toFixed(precision));
    if (ctx.signal.cancelled) break;
  }
  if (equalWidth) {
    const width = Math.max(...values.map((v) => v.length));
    for (let i = 0; i < values.length; i++) {
      const neg = values[i].startsWith('-');
      values[i] = (neg ? '-' : '') + values[i].slice(neg ? 1 : 0).padStart(width - (neg ? 1 : 0), '0');
    }
  }
  if (values.length > 0) io.stdout(values.join(sep) + '\n');
  return 0;
};
