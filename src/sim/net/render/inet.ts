// Addresses of both families as iproute2 reads and prints them: numbers of 32
// or 128 bits, `ADDR[/LEN]` prefixes with get_prefix()'s rules (short IPv4
// forms such as `10.32/12`, C-style numbers, dotted masks, `default`), and
// IPv6 text in inet_ntop()'s compressed form.

export type Family = 'inet' | 'inet6';

export const HOST_LEN: Record<Family, number> = { inet: 32, inet6: 128 };

export interface Prefix {
  /** undefined for `default`/`any`/`all` without -4/-6 (AF_UNSPEC) */
  family?: Family;
  bits: bigint;
  len: number;
  /** a /LEN was given (or `default`) */
  lenGiven: boolean;
}

/** strtoul(s, &end, 0) over the whole string: decimal, 0x hex or 0 octal. */
function cNumber(s: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^0[0-7]*$/.test(s)) return parseInt(s, 8);
  if (/^[1-9][0-9]*$/.test(s)) return parseInt(s, 10);
  return undefined;
}

/** iproute2's get_addr_ipv4: 1 to 4 dotted parts, the missing ones 0. */
function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length > 4) return undefined;
  let v = 0n;
  for (let i = 0; i < 4; i++) {
    let n = 0;
    if (i < parts.length) {
      const x = cNumber(parts[i]);
      if (x === undefined || x > 255) return undefined;
      n = x;
    }
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const words = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    const groups = h.split(':');
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (i === groups.length - 1 && g.includes('.')) {
        const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(g);
        if (!m || m.slice(1).some((x) => Number(x) > 255)) return undefined;
        out.push((Number(m[1]) << 8) | Number(m[2]), (Number(m[3]) << 8) | Number(m[4]));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const head = words(halves[0]);
  const tail = halves.length === 2 ? words(halves[1]) : [];
  if (!head || !tail) return undefined;
  const fill = 8 - head.length - tail.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return undefined;
  let v = 0n;
  for (const w of [...head, ...Array(fill).fill(0), ...tail]) v = (v << 16n) | BigInt(w);
  return v;
}

export function parseAddress(s: string, family?: Family): { family: Family; bits: bigint } | undefined {
  if (family !== 'inet' && s.includes(':')) {
    const bits = parseIPv6(s);
    return bits === undefined ? undefined : { family: 'inet6', bits };
  }
  if (family === 'inet6') return undefined;
  const bits = parseIPv4(s);
  return bits === undefined ? undefined : { family: 'inet', bits };
}

/** get_prefix(): `default`, `ADDR`, `ADDR/LEN`, `ADDR/MASK`. */
export function parsePrefix(s: string, family?: Family): Prefix | undefined {
  if (s === 'default' || s === 'any' || s === 'all') return { family, bits: 0n, len: 0, lenGiven: true };
  const slash = s.indexOf('/');
  const a = parseAddress(slash < 0 ? s : s.slice(0, slash), family);
  if (!a) return undefined;
  const max = HOST_LEN[a.family];
  if (slash < 0) return { ...a, len: max, lenGiven: false };
  const lenText = s.slice(slash + 1);
  let len = cNumber(lenText);
  if (len === undefined && a.family === 'inet') {
    const mask = parseIPv4(lenText);
    if (mask !== undefined && lenText.split('.').length === 4) {
      const ones = mask.toString(2).replace(/0+$/, '');
      if (mask === 0n) len = 0;
      else if (/^1+$/.test(ones) && mask.toString(2).length === 32) len = ones.length;
    }
  }
  if (len === undefined || len > max) return undefined;
  return { ...a, len, lenGiven: true };
}

/** Whether the first `len` bits of two addresses agree (inet_addr_match() == 0). */
export function sameBits(a: bigint, b: bigint, family: Family, len: number): boolean {
  if (len <= 0) return true;
  const shift = BigInt(HOST_LEN[family] - len);
  return a >> shift === b >> shift;
}

export function addressBits(s: string): { family: Family; bits: bigint } {
  const a = parseAddress(s);
  if (!a) throw new Error(`not an address: ${s}`);
  return a;
}

export function formatAddress(bits: bigint, family: Family): string {
  if (family === 'inet') return [24n, 16n, 8n, 0n].map((s) => String(Number((bits >> s) & 255n))).join('.');
  const w: number[] = [];
  for (let i = 7; i >= 0; i--) w.push(Number((bits >> BigInt(i * 16)) & 0xffffn));
  // inet_ntop: the longest run of two or more zero groups becomes `::` (the first on a tie).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(w);
  return `${hex(w.slice(0, best))}::${hex(w.slice(best + bestLen))}`;
}

/** The network of an address: host bits cleared. */
export function networkOf(bits: bigint, family: Family, len: number): bigint {
  const shift = BigInt(HOST_LEN[family] - len);
  return (bits >> shift) << shift;
}
