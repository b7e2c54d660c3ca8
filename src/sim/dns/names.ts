// Small helpers for DNS names and addresses.

/** `redis.instavote` -> `redis.instavote.`; a name that already ends with a dot is kept. */
export function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** `redis.instavote.svc.cluster.local.` -> `redis.instavote.svc.cluster.local` (how tools print owner names). */
export function relative(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}

/** DNS names compare case-insensitively, with or without the final dot. */
export function sameName(a: string, b: string): boolean {
  return absolute(a).toLowerCase() === absolute(b).toLowerCase();
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

/** Loose IPv6 check: hex groups and colons, at most one `::`, optionally an embedded IPv4 tail. */
export function isIPv6(s: string): boolean {
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  if ((s.match(/::/g) ?? []).length > 1) return false;
  const groups = s.split(':');
  const last = groups[groups.length - 1];
  if (last.includes('.') && !isIPv4(last)) return false;
  return groups.length <= 8 && groups.every((g) => g === '' || /^[0-9a-fA-F]{1,4}$/.test(g) || g === last);
}

/** `10.244.1.5` -> `5.1.244.10.in-addr.arpa.` */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
}

/** The 8 groups of an IPv6 address, expanded (`2001:db8::1` -> 2001, db8, 0, 0, 0, 0, 0, 1). */
export function ipv6Groups(ip: string): number[] {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, ''];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return groups.map((g) => parseInt(g, 16) || 0);
}

/** `2001:db8::1` -> `1.0.0.0....8.b.d.0.1.0.0.2.ip6.arpa.` */
export function reverseName6(ip: string): string {
  const nibbles = ipv6Groups(ip)
    .map((g) => g.toString(16).padStart(4, '0'))
    .join('')
    .split('')
    .reverse();
  return `${nibbles.join('.')}.ip6.arpa.`;
}

/** `5.1.244.10.in-addr.arpa.` -> `10.244.1.5`; undefined when the name is not a full IPv4 reverse name. */
export function ipFromReverseName(name: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(name);
  if (!m) return undefined;
  const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
  return isIPv4(ip) ? ip : undefined;
}

/** `10.244.1.5` -> `10-244-1-5` (endpoint and pod record names). */
export function dashedIp(ip: string): string {
  return ip.replace(/\./g, '-');
}

/** `10-244-1-5` -> `10.244.1.5`; undefined when the label is not a dashed IPv4 address. */
export function ipFromDashed(label: string): string | undefined {
  const ip = label.replace(/-/g, '.');
  return /^\d+-\d+-\d+-\d+$/.test(label) && isIPv4(ip) ? ip : undefined;
}

/** Number of dots in a name as typed (the `ndots` comparison counts these). */
export function countDots(name: string): number {
  let n = 0;
  for (const ch of name) if (ch === '.') n++;
  return n;
}
