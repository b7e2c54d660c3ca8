// Syntax errors with the exact texts of bash 5.2 (interactive) and busybox ash,
// without the `bash: ` / `sh: ` prefix the interpreter adds.

export type ShellFlavour = 'bash' | 'sh';

export class ShellSyntaxError extends Error {
  constructor(
    /** True when more input could complete the text: the terminal shows `> ` and reads on. */
    readonly incomplete: boolean,
    readonly bashText: string,
    readonly shText: string,
    /** The exit status the shell sets ($?). */
    readonly status = 2,
  ) {
    super(bashText);
    this.name = 'ShellSyntaxError';
  }

  text(flavour: ShellFlavour): string {
    return flavour === 'bash' ? this.bashText : this.shText;
  }
}

const REDIRECTIONS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '<<', '<<-', '<<<', '&>>']);

/** `token` is the operator or word as typed, or `newline`. ash names every redirection operator "redirection". */
export function unexpectedToken(token: string): ShellSyntaxError {
  const ash =
    token === 'newline' ? 'syntax error: unexpected newline'
    : REDIRECTIONS.has(token) ? 'syntax error: unexpected redirection'
    : `syntax error: unexpected "${token}"`;
  return new ShellSyntaxError(false, `syntax error near unexpected token \`${token}'`, ash);
}

/** Input ended inside a construct; `expecting` is what ash names (`fi`, `done`, `)`, `}`). */
export function unexpectedEof(expecting?: string): ShellSyntaxError {
  return new ShellSyntaxError(
    true,
    'syntax error: unexpected end of file',
    'syntax error: unexpected end of file' + (expecting ? ` (expecting "${expecting}")` : ''),
  );
}

export function unterminatedQuote(quote: string): ShellSyntaxError {
  return new ShellSyntaxError(
    true,
    `unexpected EOF while looking for matching \`${quote}'`,
    'syntax error: unterminated quoted string',
  );
}

/** An unterminated `$(`, `${` or `$((`. */
export function unterminatedExpansion(closer: ')' | '}' | '))'): ShellSyntaxError {
  const sh = closer === '}' ? "syntax error: missing '}'" : `syntax error: unexpected end of file (expecting "${closer}")`;
  return new ShellSyntaxError(true, `unexpected EOF while looking for matching \`${closer[0]}'`, sh);
}

export function badSubstitution(text: string): ShellSyntaxError {
  return new ShellSyntaxError(false, `${text}: bad substitution`, 'syntax error: bad substitution', 1);
}
