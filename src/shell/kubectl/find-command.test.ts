import { describe, expect, it } from 'vitest';
import { argsMinusFirst, nextCommand, stripFlags } from './find-command';
import { GLOBAL_FLAGS, type FlagSpec } from './flags';

const create: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'save-config', type: 'bool' },
  ...GLOBAL_FLAGS,
];

describe('finding the subcommand as cobra does', () => {
  it('skips the values of the level’s own flags given as separate words', () => {
    expect(nextCommand(['-f', 'np.yaml'], create)).toBeUndefined();
    expect(nextCommand(['--filename', 'multi.yaml', '-o', 'yaml'], create)).toBeUndefined();
    expect(nextCommand(['-o', 'yaml', 'service', 'clusterip', 'x'], create)).toEqual({ word: 'service', rest: ['-o', 'yaml', 'clusterip', 'x'] });
    expect(nextCommand(['-n', 'default', 'get', 'svc'], GLOBAL_FLAGS)).toEqual({ word: 'get', rest: ['-n', 'default', 'svc'] });
  });

  it('does not take a value after booleans, flags with a bare default, `=` forms or grouped shorthands', () => {
    expect(nextCommand(['--save-config', 'service'], create)?.word).toBe('service');
    expect(nextCommand(['--dry-run', 'deployment', 'x'], create)?.word).toBe('deployment');
    expect(nextCommand(['--output=yaml', 'ns', 'x'], create)?.word).toBe('ns');
    expect(nextCommand(['-oyaml', 'ns', 'x'], create)?.word).toBe('ns');
  });

  it('lets unknown flags take the next word, as cobra does', () => {
    expect(stripFlags(['--foo', 'get', 'pods'], GLOBAL_FLAGS)).toEqual(['pods']);
    expect(stripFlags(['-x', 'get'], GLOBAL_FLAGS)).toEqual([]);
    expect(stripFlags(['--save-config', 'clusterip', 'x'], GLOBAL_FLAGS)).toEqual(['x']);
  });

  it('stops at `--` and when a value would be the last word', () => {
    expect(stripFlags(['--', 'get'], GLOBAL_FLAGS)).toEqual([]);
    expect(stripFlags(['get', '-n'], GLOBAL_FLAGS)).toEqual(['get']);
    expect(stripFlags(['-n', 'x'], GLOBAL_FLAGS)).toEqual([]);
  });

  it('removes the first occurrence of the command word that is not a flag value', () => {
    expect(argsMinusFirst(['-n', 'get', 'get', 'pods'], 'get', GLOBAL_FLAGS)).toEqual(['-n', 'get', 'pods']);
  });
});
