import { describe, expect, it } from 'vitest';
import { StatusError } from '../../sim/api/errors';
import { aggregate, checkErrText, collapse, goErrorString, toGoError, KubectlError, type GoError } from './errors';

const notFound = new StatusError('NotFound', 'namespaces "instavote" not found');

describe('printing gathered errors as cmdutil.CheckErr does', () => {
  it('prints a lone error in the single form, with `error: ` for plain ones', () => {
    expect(checkErrText({ plain: 'the path "x.yaml" does not exist' })).toBe('error: the path "x.yaml" does not exist');
    expect(checkErrText(aggregate([{ plain: 'no objects' }])!)).toBe('error: no objects');
    expect(checkErrText(toGoError(notFound, 'creating', 'vote.yaml'))).toBe('Error from server (NotFound): error when creating "vote.yaml": namespaces "instavote" not found');
  });

  it('prints several errors one per line without `error: `', () => {
    const e = aggregate([{ plain: 'error parsing a.yaml: boom' }, toGoError(notFound, 'creating', 'b.yaml')])!;
    expect(checkErrText(e)).toBe('error parsing a.yaml: boom\nError from server (NotFound): error when creating "b.yaml": namespaces "instavote" not found');
  });

  it('prints a nested aggregate of several on one line in brackets, its repeats once', () => {
    const inner = aggregate([{ plain: 'a' }, { plain: 'b' }, { plain: 'a' }])!;
    expect(goErrorString(inner)).toBe('[a, b]');
    expect(checkErrText(aggregate([inner, { plain: 'c' }])!)).toBe('[a, b]\nc');
  });

  it('gathers like ContinueOnErrorVisitor: one error as itself, none as nothing', () => {
    const one: GoError = { plain: 'x' };
    expect(collapse([one])).toBe(one);
    expect(collapse([])).toBeUndefined();
    expect(toGoError(new KubectlError('error: bad'))).toEqual({ plain: 'bad' });
  });
});
