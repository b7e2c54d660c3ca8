// Recursive-descent parser for the POSIX sh subset a learner types, plus the
// bash bits that show up in lab guides (`|&`, `&>`, `$'..'`, `<<<`).
//
//   script   := list EOF
//   list     := linebreak (and_or ((';' | '&' | NL) linebreak and_or)*)?
//   and_or   := pipeline (('&&' | '||') linebreak pipeline)*
//   pipeline := '!'? command (('|' | '|&') linebreak command)*
//   command  := simple | '(' list ')' | '{' list '}' | if | for | while | until   (+ redirects)

import type {
  AndOr, Assignment, CommandNode, ForCommand, HereDoc, IfCommand, ListItem, Pipeline, Redirect,
  RedirectOp, Script, SimpleCommand, WhileCommand, Word, WordPart,
} from './ast';
import { ShellSyntaxError, unexpectedEof, unexpectedToken, type ShellFlavour } from './errors';
import { Scanner, type ScannerHost, type Token } from './lexer';

export interface ParseResult {
  script: Script;
  /**
   * The text parsed, but a terminal would still read on: a here-document
   * without its delimiter line, or a trailing backslash.
   */
  incomplete: boolean;
  /** Here-documents that ran into the end of the text. */
  unterminatedHeredocs: HereDoc[];
}

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', '{', '}', '!']);
const REDIRECT_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

function hostFor(flavour: ShellFlavour): ScannerHost {
  return {
    parseNested: (scanner) => new Parser(scanner).parseSubstitution(),
    parseText: (text) => parse(text, flavour).script,
  };
}

/**
 * Parse a command line (possibly several lines); throws ShellSyntaxError.
 * `flavour` picks the operators: busybox ash has no `|&` and no `<<<`.
 */
export function parse(text: string, flavour: ShellFlavour = 'bash'): ParseResult {
  const scanner = new Scanner(text, hostFor(flavour), flavour);
  const script = new Parser(scanner).parseScript();
  const unterminated = collectUnterminated(script);
  for (const doc of scanner.unreadHeredocs()) if (!unterminated.includes(doc)) unterminated.push(doc);
  return {
    script,
    incomplete: scanner.trailingBackslash || unterminated.length > 0,
    unterminatedHeredocs: unterminated,
  };
}

/** True when the terminal should print `> ` and read another line before running `text`. */
export function isIncomplete(text: string, flavour: ShellFlavour = 'bash'): boolean {
  try {
    return parse(text, flavour).incomplete;
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.incomplete;
    throw e;
  }
}

class Parser {
  constructor(private readonly sc: Scanner) {}

  parseScript(): Script {
    const items = this.parseList(new Set());
    const t = this.sc.peek();
    if (t.kind !== 'eof') throw this.unexpected(t);
    return { type: 'script', items };
  }

  /** After `$(`: the script up to the matching `)`, which is consumed. */
  parseSubstitution(): Script {
    const items = this.parseList(new Set([')']));
    const t = this.sc.next();
    if (t.kind === 'eof') throw unexpectedEof(')');
    if (!(t.kind === 'op' && t.op === ')')) throw this.unexpected(t);
    return { type: 'script', items };
  }

  /** A list ends at end of input, at `)` or at one of the reserved words in `closers`. */
  private parseList(closers: Set<string>): ListItem[] {
    const items: ListItem[] = [];
    this.skipNewlines();
    for (;;) {
      const t = this.sc.peek();
      if (t.kind === 'eof' || this.isCloser(t, closers)) break;
      const andOr = this.parseAndOr();
      const sep = this.sc.peek();
      if (sep.kind === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.sc.next();
        items.push({ andOr, background: sep.op === '&' });
        this.skipNewlines();
      } else if (sep.kind === 'newline') {
        items.push({ andOr, background: false });
        this.skipNewlines();
      } else {
        items.push({ andOr, background: false });
        break;
      }
    }
    return items;
  }

  private isCloser(t: Token, closers: Set<string>): boolean {
    if (t.kind === 'op') return t.op === ')' && closers.has(')');
    const r = reserved(t);
    return r !== null && closers.has(r);
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.sc.peek();
      if (!(t.kind === 'op' && (t.op === '&&' || t.op === '||'))) break;
      this.sc.next();
      this.skipNewlines();
      if (this.sc.peek().kind === 'eof') throw unexpectedEof();
      rest.push({ op: t.op as '&&' | '||', pipeline: this.parsePipeline() });
    }
    return { type: 'andor', first, rest };
  }

  private parsePipeline(): Pipeline {
    let bang = false;
    if (reserved(this.sc.peek()) === '!') {
      this.sc.next();
      bang = true;
    }
    const commands = [this.parseCommand()];
    const stderrToo: boolean[] = [];
    for (;;) {
      const t = this.sc.peek();
      if (!(t.kind === 'op' && (t.op === '|' || t.op === '|&'))) break;
      this.sc.next();
      stderrToo.push(t.op === '|&');
      this.skipNewlines();
      if (this.sc.peek().kind === 'eof') throw unexpectedEof();
      commands.push(this.parseCommand());
    }
    return { type: 'pipeline', bang, commands, stderrToo };
  }

  private parseCommand(): CommandNode {
    const t = this.sc.peek();
    if (t.kind === 'eof') throw unexpectedEof();
    let node: CommandNode;
    const r = reserved(t);
    if (r === 'if') node = this.parseIf();
    else if (r === 'for') node = this.parseFor();
    else if (r === 'while' || r === 'until') node = this.parseWhile(r === 'until');
    else if (r === '{') {
      this.sc.next();
      const body = this.parseBody(new Set(['}']), '}');
      node = { type: 'group', body, redirects: [] };
    } else if (r !== null && r !== 'in') {
      throw unexpectedToken(r);
    } else if (t.kind === 'op' && t.op === '(') {
      this.sc.next();
      const items = this.parseList(new Set([')']));
      const close = this.sc.next();
      if (close.kind === 'eof') throw unexpectedEof(')');
      if (!(close.kind === 'op' && close.op === ')') || items.length === 0) throw this.unexpected(close);
      node = { type: 'subshell', body: { type: 'script', items }, redirects: [] };
    } else {
      return this.parseSimple();
    }
    while (this.isRedirect(this.sc.peek())) node.redirects.push(this.parseRedirect());
    return node;
  }

  /** A non-empty compound list closed by `closer`, which is consumed. */
  private parseBody(closers: Set<string>, closer: string): Script {
    const items = this.parseList(closers);
    const t = this.sc.peek();
    if (t.kind === 'eof') throw unexpectedEof(closer);
    if (items.length === 0 || reserved(t) !== closer) throw this.unexpected(t);
    this.sc.next();
    return { type: 'script', items };
  }

  private parseIf(): IfCommand {
    this.sc.next();
    const clauses: IfCommand['clauses'] = [];
    let elseBody: Script | null = null;
    for (;;) {
      const cond = this.parseBody(new Set(['then']), 'then');
      const items = this.parseList(new Set(['elif', 'else', 'fi']));
      const t = this.sc.peek();
      if (t.kind === 'eof') throw unexpectedEof('fi');
      const r = reserved(t);
      if (items.length === 0 || (r !== 'elif' && r !== 'else' && r !== 'fi')) throw this.unexpected(t);
      this.sc.next();
      clauses.push({ cond, then: { type: 'script', items } });
      if (r === 'elif') continue;
      if (r === 'else') elseBody = this.parseBody(new Set(['fi']), 'fi');
      break;
    }
    return { type: 'if', clauses, else: elseBody, redirects: [] };
  }

  private parseFor(): ForCommand {
    this.sc.next();
    const nameTok = this.sc.next();
    if (nameTok.kind !== 'word') throw this.unexpected(nameTok);
    const name = plainText(nameTok.word);
    if (name === null || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new ShellSyntaxError(false, `\`${nameTok.word.raw}': not a valid identifier`, `syntax error: bad for loop variable`);
    }
    let items: Word[] | null = null;
    this.skipNewlines();
    let t = this.sc.peek();
    if (reserved(t) === 'in') {
      this.sc.next();
      items = [];
      while ((t = this.sc.peek()).kind === 'word') {
        items.push(t.word);
        this.sc.next();
      }
      if (t.kind === 'eof') throw unexpectedEof('do');
      if (!(t.kind === 'newline' || (t.kind === 'op' && t.op === ';'))) throw this.unexpected(t);
      this.sc.next();
    } else if (t.kind === 'op' && t.op === ';') {
      this.sc.next();
    }
    this.skipNewlines();
    t = this.sc.peek();
    if (t.kind === 'eof') throw unexpectedEof('do');
    if (reserved(t) !== 'do') throw this.unexpected(t);
    this.sc.next();
    const body = this.parseBody(new Set(['done']), 'done');
    return { type: 'for', name, items, body, redirects: [] };
  }

  private parseWhile(until: boolean): WhileCommand {
    this.sc.next();
    const cond = this.parseBody(new Set(['do']), 'do');
    const body = this.parseBody(new Set(['done']), 'done');
    return { type: 'while', until, cond, body, redirects: [] };
  }

  private parseSimple(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.sc.peek();
      if (this.isRedirect(t)) {
        cmd.redirects.push(this.parseRedirect());
      } else if (t.kind === 'word') {
        this.sc.next();
        const a = cmd.words.length === 0 ? asAssignment(t.word) : null;
        if (a) cmd.assigns.push(a);
        else cmd.words.push(t.word);
      } else {
        break;
      }
    }
    if (cmd.assigns.length + cmd.words.length + cmd.redirects.length === 0) throw this.unexpected(this.sc.peek());
    return cmd;
  }

  private isRedirect(t: Token): boolean {
    return t.kind === 'op' && REDIRECT_OPS.has(t.op);
  }

  private parseRedirect(): Redirect {
    const opTok = this.sc.next() as Extract<Token, { kind: 'op' }>;
    const op = opTok.op as RedirectOp;
    const target = this.sc.next();
    // the terminal's line has no final newline, but the shell would have seen one
    if (target.kind === 'eof') throw unexpectedToken('newline');
    if (target.kind !== 'word') throw this.unexpected(target);
    const redirect: Redirect = { fd: opTok.fd, op, target: target.word };
    if (op === '<<' || op === '<<-') {
      const doc: HereDoc = {
        delimiter: target.word.raw.replace(/\\(.)|['"]/gs, '$1'),
        expand: !/['"\\]/.test(target.word.raw),
        stripTabs: op === '<<-',
        body: [],
        terminated: false,
        line: this.sc.lineAt(opTok.start),
      };
      redirect.heredoc = doc;
      this.sc.addHeredoc(doc);
    }
    return redirect;
  }

  private skipNewlines(): void {
    while (this.sc.peek().kind === 'newline') this.sc.next();
  }

  private unexpected(t: Token): ShellSyntaxError {
    switch (t.kind) {
      case 'eof':
        return unexpectedEof();
      case 'newline':
        return unexpectedToken('newline');
      case 'op':
        return unexpectedToken(t.op);
      case 'word':
        return unexpectedToken(t.word.raw);
    }
  }
}

/** The text of a word that is one unquoted literal, else null. */
function plainText(word: Word): string | null {
  if (word.parts.length !== 1) return null;
  const p = word.parts[0];
  return p.type === 'lit' && !p.quoted ? p.text : null;
}

function reserved(t: Token): string | null {
  if (t.kind !== 'word') return null;
  const text = plainText(t.word);
  return text !== null && RESERVED.has(text) ? text : null;
}

function asAssignment(word: Word): Assignment | null {
  const first = word.parts[0];
  if (!first || first.type !== 'lit' || first.quoted) return null;
  const m = ASSIGNMENT.exec(first.text);
  if (!m) return null;
  const restText = first.text.slice(m[0].length);
  const value: WordPart[] = [];
  const tilde = /^~([A-Za-z0-9._-]*)(?=\/|$)/.exec(restText);
  if (tilde && (restText.length > tilde[0].length || word.parts.length === 1)) {
    value.push({ type: 'tilde', user: tilde[1] });
    if (restText.length > tilde[0].length) value.push({ type: 'lit', text: restText.slice(tilde[0].length), quoted: false });
  } else if (restText !== '') {
    value.push({ type: 'lit', text: restText, quoted: false });
  }
  value.push(...word.parts.slice(1));
  return {
    name: m[1],
    append: m[2] === '+',
    value: { parts: value, raw: word.raw.slice(m[0].length) },
  };
}

function collectUnterminated(script: Script): HereDoc[] {
  const out: HereDoc[] = [];
  const visitScript = (s: Script): void => {
    for (const item of s.items) {
      for (const p of [item.andOr.first, ...item.andOr.rest.map((r) => r.pipeline)]) {
        for (const c of p.commands) visitCommand(c);
      }
    }
  };
  const visitCommand = (c: CommandNode): void => {
    for (const r of c.redirects) if (r.heredoc && !r.heredoc.terminated) out.push(r.heredoc);
    switch (c.type) {
      case 'subshell':
      case 'group':
        visitScript(c.body);
        break;
      case 'if':
        for (const cl of c.clauses) {
          visitScript(cl.cond);
          visitScript(cl.then);
        }
        if (c.else) visitScript(c.else);
        break;
      case 'for':
        visitScript(c.body);
        break;
      case 'while':
        visitScript(c.cond);
        visitScript(c.body);
        break;
      case 'simple':
        break;
    }
  };
  visitScript(script);
  return out;
}
