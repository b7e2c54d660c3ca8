// The shell language: syntax tree, parser and syntax errors.
export type * from './ast';
export { parse, isIncomplete, type ParseResult } from './parser';
export { ShellSyntaxError, type ShellFlavour } from './errors';
