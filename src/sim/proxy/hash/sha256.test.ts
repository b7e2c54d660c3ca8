import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { base32 } from './base32';
import { sha256Hex } from './sha256';

const enc = new TextEncoder();

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex(enc.encode(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(enc.encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(enc.encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with Node crypto on every length around the padding boundaries', () => {
    const rng = new Rng('sha');
    for (let len = 0; len < 200; len++) {
      const data = new Uint8Array(len).map(() => rng.int(256));
      expect(sha256Hex(data), `length ${len}`).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });
});

describe('base32', () => {
  it('is RFC 4648 standard encoding with padding', () => {
    expect(base32(enc.encode(''))).toBe('');
    expect(base32(enc.encode('f'))).toBe('MY======');
    expect(base32(enc.encode('fo'))).toBe('MZXQ====');
    expect(base32(enc.encode('foo'))).toBe('MZXW6===');
    expect(base32(enc.encode('foob'))).toBe('MZXW6YQ=');
    expect(base32(enc.encode('fooba'))).toBe('MZXW6YTB');
    expect(base32(enc.encode('foobar'))).toBe('MZXW6YTBOI======');
  });
});
