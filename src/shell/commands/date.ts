// date: the simulation's virtual time in UTC, GNU's default format
// (`Mon Jan 12 09:00:00 UTC 2026`), `+FORMAT`, -u, -R, -I.

import type { Command } from '../types';
import { getopt } from './lib/getopt';
import { quote, usageError } from './lib/util';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const date: Command = (argv, io, ctx) => {
  const parsed = getopt('date', argv.slice(1), {
    short: { u: 'none', R: 'none', I: 'optional', d: 'required' },
    long: {
      utc: { arg: 'none', key: 'u' }, universal: { arg: 'none', key: 'u' }, 'rfc-email': { arg: 'none', key: 'R' },
      'iso-8601': { arg: 'optional', key: 'I' }, date: { arg: 'required', key: 'd' },
    },
  });
  if (!parsed.ok) return usageError(io, 'date', parsed.error);
  let ms = ctx.sim.now();
  let format = '%a %b %e %H:%M:%S %Z %Y';
  for (const o of parsed.options) {
    if (o.key === 'R') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (o.key === 'I') {
      const spec = o.value ?? 'date';
      format = { date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z', seconds: '%Y-%m-%dT%H:%M:%S%:z' }[spec] ?? '';
      if (!format) return usageError(io, 'date', `date: invalid argument ${quote(ctx, spec)} for '--iso-8601'`);
    } else if (o.key === 'd') {
      const m = /^@(-?\d+)$/.exec(o.value!.trim());
      const t = m ? Number(m[1]) * 1000 : Date.parse(o.value!.trim().replace(/ UTC$/, 'Z'));
      if (Number.isNaN(t)) {
        io.stderr(`date: invalid date ${quote(ctx, o.value!)}\n`);
        return 1;
      }
      ms = t;
    }
  }
  for (const op of parsed.operands) {
    if (!op.startsWith('+')) return usageError(io, 'date', `date: invalid date ${quote(ctx, op)}`);
    if (parsed.operands.length > 1) return usageError(io, 'date', `date: extra operand ${quote(ctx, parsed.operands[1])}`);
    format = op.slice(1);
  }
  io.stdout(strftime(format, ms) + '\n');
  return 0;
};

/** strftime(3) in the C locale, UTC. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const day = d.getUTCDay();
  const hour12 = d.getUTCHours() % 12 || 12;
  const yday = Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return format.replace(/%(:?)([a-zA-Z%])/g, (all, colon: string, c: string) => {
    switch (c) {
      case 'a': return DAYS[day].slice(0, 3);
      case 'A': return DAYS[day];
      case 'b': case 'h': return MONTHS[d.getUTCMonth()].slice(0, 3);
      case 'B': return MONTHS[d.getUTCMonth()];
      case 'c': return strftime('%a %b %e %H:%M:%S %Y', ms);
      case 'C': return p2(Math.floor(d.getUTCFullYear() / 100));
      case 'd': return p2(d.getUTCDate());
      case 'D': return strftime('%m/%d/%y', ms);
      case 'e': return String(d.getUTCDate()).padStart(2, ' ');
      case 'F': return strftime('%Y-%m-%d', ms);
      case 'H': return p2(d.getUTCHours());
      case 'I': return p2(hour12);
      case 'j': return String(yday).padStart(3, '0');
      case 'k': return String(d.getUTCHours()).padStart(2, ' ');
      case 'l': return String(hour12).padStart(2, ' ');
      case 'm': return p2(d.getUTCMonth() + 1);
      case 'M': return p2(d.getUTCMinutes());
      case 'n': return '\n';
      case 'N': return String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0');
      case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'r': return strftime('%I:%M:%S %p', ms);
      case 'R': return strftime('%H:%M', ms);
      case 's': return String(Math.floor(ms / 1000));
      case 'S': return p2(d.getUTCSeconds());
      case 't': return '\t';
      case 'T': return strftime('%H:%M:%S', ms);
      case 'u': return String(day === 0 ? 7 : day);
      case 'w': return String(day);
      case 'x': return strftime('%m/%d/%y', ms);
      case 'X': return strftime('%H:%M:%S', ms);
      case 'y': return p2(d.getUTCFullYear() % 100);
      case 'Y': return String(d.getUTCFullYear());
      case 'z': return colon ? '+00:00' : '+0000';
      case 'Z': return 'UTC';
      case '%': return '%';
    }
    return all;
  });
}
