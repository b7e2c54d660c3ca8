// Identifiers shaped like the ones Kubernetes generates.

import type { Rng } from './rng';

/** The alphabet of apimachinery's rand.String: no vowels, no confusable digits. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `generateName` suffix: 5 characters, as the apiserver appends them. */
export function randomSuffix(rng: Rng, length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++) s += SAFE_ALPHABET[rng.int(SAFE_ALPHABET.length)];
  return s;
}

/**
 * rand.SafeEncodeString: maps each character through the safe alphabet by its
 * code. pod-template-hash is the decimal form of a 32-bit hash encoded this way,
 * which is why it only ever holds 4-9 and b, c, d, f.
 */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** FNV-1a, 32 bits. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function uuid(rng: Rng): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[rng.int(16)];
    return s;
  };
  const variant = '89ab'[rng.int(4)];
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

export function hexString(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += '0123456789abcdef'[rng.int(16)];
  return s;
}
