import { describe, expect, it } from 'vitest';
import { ageOf, humanDuration } from './duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration', () => {
  // Every example of the reference's table, plus the boundaries of each band.
  const cases: [number, string][] = [
    [-2 * S, '<invalid>'],
    [-10 * D, '<invalid>'],
    [-1 * S, '0s'],
    [-999, '0s'],
    [0, '0s'],
    [1 * S, '1s'],
    [70 * S, '70s'],
    [119 * S, '119s'],
    [119 * S + 999, '119s'],
    [2 * M, '2m'],
    [2 * M + 1 * S, '2m1s'],
    [3 * M + 10 * S, '3m10s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [10 * M + 59 * S, '10m'],
    [70 * M, '70m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 1 * M, '3h1m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + 1 * H, '2d1h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [367 * D, '367d'],
    [729 * D, '729d'],
    [2 * Y, '2y'],
    [2 * Y + 1 * D, '2y1d'],
    [7 * Y + 364 * D, '7y364d'],
    [8 * Y, '8y'],
    [30 * Y, '30y'],
  ];
  for (const [ms, text] of cases) {
    it(`${ms} ms -> ${text}`, () => expect(humanDuration(ms)).toBe(text));
  }

  it('never prints 1m', () => {
    for (let s = 60; s < 120; s++) expect(humanDuration(s * S)).toBe(`${s}s`);
  });
});

describe('ageOf', () => {
  const now = Date.parse('2024-07-01T10:12:30Z');
  it('is the human duration since the timestamp', () => {
    expect(ageOf('2024-07-01T10:00:00Z', now)).toBe('12m');
    expect(ageOf('2024-07-01T10:12:25Z', now)).toBe('5s');
  });
  it('is <unknown> without a timestamp', () => {
    expect(ageOf(undefined, now)).toBe('<unknown>');
    expect(ageOf(null, now)).toBe('<unknown>');
    expect(ageOf('', now)).toBe('<unknown>');
  });
  it('is 0s for a timestamp up to a second in the future and <invalid> beyond', () => {
    expect(ageOf('2024-07-01T10:12:31Z', now)).toBe('0s');
    expect(ageOf('2024-07-01T10:12:33Z', now)).toBe('<invalid>');
  });
});
