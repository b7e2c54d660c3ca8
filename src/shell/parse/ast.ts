// The shell's syntax tree: plain data (no classes, no functions), so it can be
// logged, compared in tests and sent between threads.

/** A piece of a word. `quoted` parts are exempt from field splitting and globbing. */
export type WordPart = LiteralPart | ParamPart | CommandSubPart | ArithPart | TildePart;

export interface LiteralPart {
  type: 'lit';
  text: string;
  quoted: boolean;
}

/**
 * `${#NAME}` is op `length`; `${NAME%%pat}` is op `%%` with `arg` the pattern;
 * `${NAME/pat/rep}` has `arg` the pattern and `arg2` the replacement;
 * `${NAME:off:len}` is op `substr` with `arg` the offset and `arg2` the length.
 */
export type ParamOp =
  | ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?'
  | 'length' | '#' | '##' | '%' | '%%' | '/' | '//' | 'substr';

export interface ParamPart {
  type: 'param';
  /** A variable name or a special parameter: `?`, `$`, `#`, `0`-`9`, `@`, `*`, `!`, `-`. */
  name: string;
  quoted: boolean;
  op?: ParamOp;
  arg?: WordPart[];
  arg2?: WordPart[];
}

export interface CommandSubPart {
  type: 'cmdsub';
  script: Script;
  quoted: boolean;
  backtick: boolean;
}

export interface ArithPart {
  type: 'arith';
  /** The expression text with its own `$` expansions. */
  expr: WordPart[];
  quoted: boolean;
}

/** `~` or `~user` at the start of a word. */
export interface TildePart {
  type: 'tilde';
  user: string;
}

export interface Word {
  parts: WordPart[];
  /** The source text of the word, for messages (`ambiguous redirect`). */
  raw: string;
}

export interface Assignment {
  name: string;
  value: Word;
  /** `NAME+=value` */
  append: boolean;
}

export type RedirectOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  /** The explicit descriptor (`2>`), or null for the operator's default. */
  fd: number | null;
  op: RedirectOp;
  /** The file, descriptor number or here-string; for heredocs, the delimiter word. */
  target: Word;
  heredoc?: HereDoc;
}

export interface HereDoc {
  delimiter: string;
  /** False when any part of the delimiter was quoted (`<<'EOF'`): the body is literal. */
  expand: boolean;
  stripTabs: boolean;
  /** The body with its expansions (one quoted literal when `expand` is false). */
  body: WordPart[];
  /** False when input ended before the delimiter line. */
  terminated: boolean;
  /** Line of the `<<` operator, for bash's end-of-file warning. */
  line: number;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export interface Subshell {
  type: 'subshell';
  body: Script;
  redirects: Redirect[];
}

export interface BraceGroup {
  type: 'group';
  body: Script;
  redirects: Redirect[];
}

export interface IfCommand {
  type: 'if';
  /** `if` and each `elif`, in order. */
  clauses: { cond: Script; then: Script }[];
  else: Script | null;
  redirects: Redirect[];
}

export interface ForCommand {
  type: 'for';
  name: string;
  /** null when `in` is absent (loops over "$@"). */
  items: Word[] | null;
  body: Script;
  redirects: Redirect[];
}

export interface WhileCommand {
  type: 'while';
  /** `until` loops run while the condition fails. */
  until: boolean;
  cond: Script;
  body: Script;
  redirects: Redirect[];
}

export type CommandNode = SimpleCommand | Subshell | BraceGroup | IfCommand | ForCommand | WhileCommand;

export interface Pipeline {
  type: 'pipeline';
  /** `! cmd` */
  bang: boolean;
  commands: CommandNode[];
  /** `|&` after command i: its stderr goes into the pipe too (length = commands.length - 1). */
  stderrToo: boolean[];
}

export interface AndOr {
  type: 'andor';
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ListItem {
  andOr: AndOr;
  /** Terminated by `&`. */
  background: boolean;
}

export interface Script {
  type: 'script';
  items: ListItem[];
}
