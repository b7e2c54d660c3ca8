// Byte-level helpers for the cluster's credentials (the CA certificates in
// ConfigMaps and service-account volumes, the projected tokens): base64, DER
// times, deterministic noise, and a self-signed CA certificate's PEM.

import type { Rng } from './rng';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64, or base64url without padding (JWT segments). */
export function base64(bytes: readonly number[], url = false): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return url ? out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : out;
}

export function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0) & 255);
}

export function randomBytes(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.int(256));
}

/** ASN.1 UTCTime contents: YYMMDDhhmmssZ. */
function utcTime(ms: number): number[] {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return ascii(`${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`);
}

/**
 * A self-signed CA certificate as kubeadm makes them (ten years, sha256WithRSA,
 * RSA 2048): the DER starts like the real one (serial, algorithm, issuer,
 * validity, subject) and has the real one's length for this common name; the
 * key, extensions and signature are deterministic noise.
 */
export function selfSignedCaPem(commonName: string, notBeforeMs: number, rng: Rng): string {
  const name = ascii(commonName);
  const rdn = [0x30, name.length + 11, 0x31, name.length + 9, 0x30, name.length + 7, 0x06, 0x03, 0x55, 0x04, 0x03, 0x13, name.length, ...name];
  const notAfter = notBeforeMs + 3652 * 24 * 3600_000;
  // Lengths as in kubeadm's real CAs: tbsCertificate is 0x1ed bytes for
  // "kubernetes" and 0x1fd for "front-proxy-ca".
  const tbsLength = 453 + 4 * name.length;
  const certLength = tbsLength + 280;
  const der = [
    0x30, 0x82, certLength >> 8, certLength & 255, 0x30, 0x82, tbsLength >> 8, tbsLength & 255, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x08, ...randomBytes(rng, 8),
    0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00,
    ...rdn,
    0x30, 0x1e, 0x17, 0x0d, ...utcTime(notBeforeMs), 0x17, 0x0d, ...utcTime(notAfter),
    ...rdn,
  ];
  der.push(...randomBytes(rng, certLength + 4 - der.length));
  const lines = base64(der).match(/.{1,64}/g)!;
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
