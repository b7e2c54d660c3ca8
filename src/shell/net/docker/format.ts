// Formatting helpers of the docker CLI and daemon: go-units' HumanDuration
// ("10 minutes", "About an hour"), the PORTS column (consecutive ports of one
// address folded into ranges, mappings to another port listed last), the
// COMMAND column's 20-character ellipsis, and Go's tabwriter as docker's tables
// use it (minimum width 10, padding 3, the last column unpadded).

import type { PortMapping } from '../lib/docker-host';

export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** The PORTS column of `docker ps`. */
export function displayablePorts(ports: readonly PortMapping[]): string {
  const sorted = [...ports].sort(
    (a, b) => a.containerPort - b.containerPort || (a.listen < b.listen ? -1 : a.listen > b.listen ? 1 : 0) || a.hostPort - b.hostPort,
  );
  const groups = new Map<string, { first: number; last: number }>();
  const order: string[] = [];
  const result: string[] = [];
  const hostMappings: string[] = [];
  const form = (key: string, first: number, last: number) => {
    const [ip, proto] = key.split('/');
    const range = first === last ? `${first}` : `${first}-${last}`;
    return `${ip}:${range}->${range}/${proto}`;
  };
  for (const p of sorted) {
    if (p.hostPort !== p.containerPort) {
      hostMappings.push(`${p.listen}:${p.hostPort}->${p.containerPort}/${p.protocol}`);
      continue;
    }
    const key = `${p.listen}/${p.protocol}`;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: p.containerPort, last: p.containerPort });
      order.push(key);
      continue;
    }
    if (p.containerPort === g.last + 1) {
      g.last = p.containerPort;
      continue;
    }
    result.push(form(key, g.first, g.last));
    groups.set(key, { first: p.containerPort, last: p.containerPort });
  }
  for (const key of order) {
    const g = groups.get(key)!;
    result.push(form(key, g.first, g.last));
  }
  return [...result, ...hostMappings].join(', ');
}

/** Cut to `width` characters with a trailing ellipsis. */
export function ellipsis(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, width - 1).join('') + '\u2026';
}

/** Go's text/tabwriter with docker's settings (minwidth 10, padding 3). */
export function tabwrite(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((cell, i) => {
      if (i === r.length - 1) return;
      widths[i] = Math.max(widths[i] ?? 0, Math.max(10, [...cell].length + 3));
    });
  }
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length))).join('') + '\n').join('');
}
