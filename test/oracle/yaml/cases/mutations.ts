// Broken variants of the lab's manifests, made by small random edits (a
// seeded generator, so the set is the same on every run): deleted characters,
// stray indicators, tabs, quotes, line breaks of every kind.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WELLFORMED } from './manifests';

const LABFILES = '/work/shared/reference/labfiles';

const INSERTS = [
  '\t', ':', ': ', '-', '- ', '"', "'", '#', ' ', '  ', '\n', '[', '{', ']', '}', '*', '&', '!', '|', '>', '?', ',', '%', '@', '`', '---', '...', 'x',
  '\r', '\r\n', '\ufeff', 'é', '\u2028', '\u0085', '"\\', "''", '\\', '<<: *a', '&a ', ' *a', '!!str ', '|-', '>+', ' |2', '\\x4', '{a: [b, c]}', '? ',
];

export function mutatedManifests(count: number, seed: number): [string, string][] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const sources = [...readdirSync(LABFILES).sort().map((f) => readFileSync(join(LABFILES, f), 'utf8')), ...WELLFORMED.map(([, text]) => text)];
  const out: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    let text = sources[next(sources.length)];
    const edits = 1 + next(4);
    for (let j = 0; j < edits; j++) {
      const at = next(text.length + 1);
      text = next(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + next(3)) : text.slice(0, at) + INSERTS[next(INSERTS.length)] + text.slice(at);
    }
    out.push([`mutation-${seed}-${i}`, text]);
  }
  return out;
}
