import { describe, expect, it } from 'vitest';
import { isPrintable, keyName, splitKeys } from './keys';

describe('splitKeys', () => {
  it('splits text into characters and keeps escape sequences whole', () => {
    expect(splitKeys('ab\x1b[Dc\x1b[3~\x1bOH\x1bb')).toEqual(['a', 'b', '\x1b[D', 'c', '\x1b[3~', '\x1bOH', '\x1bb']);
  });

  it('treats CRLF as one Enter and keeps lone LF', () => {
    expect(splitKeys('a\r\nb\nc\r')).toEqual(['a', '\r', 'b', '\n', 'c', '\r']);
  });

  it('keeps modified arrows and astral characters whole', () => {
    expect(splitKeys('\x1b[1;5C😀x')).toEqual(['\x1b[1;5C', '😀', 'x']);
  });

  it('returns a trailing lone ESC as its own token', () => {
    expect(splitKeys('a\x1b')).toEqual(['a', '\x1b']);
  });
});

describe('keyName / isPrintable', () => {
  it('names editing keys by their byte sequences', () => {
    expect(keyName('\x1b[A')).toBe('up');
    expect(keyName('\x01')).toBe('home');
    expect(keyName('\x7f')).toBe('backspace');
    expect(keyName('\x17')).toBe('killWordBack');
    expect(keyName('x')).toBeNull();
  });

  it('accepts text and rejects control bytes and escapes', () => {
    expect(isPrintable('x')).toBe(true);
    expect(isPrintable('é')).toBe(true);
    expect(isPrintable('\x07')).toBe(false);
    expect(isPrintable('\x1b[Z')).toBe(false);
  });
});
