// Running a parsed sed script over input lines: pattern and hold space,
// addresses and ranges, the append queue, and GNU's handling of a last line
// without a newline (it stays without one).

import type { Address, Address2, ReplacementPart, SedCommand, Substitution } from './script';

export interface SedInput {
  lines: string[];
  /** Whether the input ended with a newline (else the last line has none). */
  trailingNewline: boolean;
}

export interface SedRunOptions {
  quiet: boolean;
  readFile: (path: string) => string | undefined;
  writeFile: (path: string, text: string) => void;
}

export interface SedResult {
  output: string;
  exitCode: number;
}

class Quit {
  constructor(
    readonly code: number,
    readonly print: boolean,
  ) {}
}

export function runSed(cmds: SedCommand[], input: SedInput, opts: SedRunOptions): SedResult {
  for (const c of cmds) {
    c.active = false;
    c.endLine = undefined;
  }
  return new SedMachine(cmds, input, opts).run();
}

class SedMachine {
  private out = '';
  private missingNewline = false;
  private lineNo = 0;
  private next = 0;
  private ps = '';
  private hs = '';
  private append: string[] = [];
  private substituted = false;
  private lastRegex: RegExp | null = null;
  private readonly written = new Map<string, string>();

  constructor(
    private readonly cmds: SedCommand[],
    private readonly input: SedInput,
    private readonly opts: SedRunOptions,
  ) {}

  run(): SedResult {
    let exitCode = 0;
    try {
      while (this.readLine(false)) this.cycle();
    } catch (e) {
      if (!(e instanceof Quit)) throw e;
      exitCode = e.code;
      if (e.print && !this.opts.quiet) this.emit(this.ps);
      this.flushAppend();
    }
    for (const [path, text] of this.written) this.opts.writeFile(path, text);
    return { output: this.out, exitCode };
  }

  private isLast(): boolean {
    return this.next >= this.input.lines.length;
  }

  /** Read the next line into the pattern space (or append it with `N`); false at end of input. */
  private readLine(appendMode: boolean): boolean {
    if (this.next >= this.input.lines.length) return false;
    const line = this.input.lines[this.next++];
    this.lineNo++;
    this.ps = appendMode ? this.ps + '\n' + line : line;
    if (!appendMode) this.substituted = false;
    return true;
  }

  private lineHasNewline(): boolean {
    return !this.isLast() || this.input.trailingNewline;
  }

  private emit(text: string): void {
    if (this.missingNewline) this.out += '\n';
    this.out += text;
    if (this.lineHasNewline()) {
      this.out += '\n';
      this.missingNewline = false;
    } else {
      this.missingNewline = true;
    }
  }

  private emitText(text: string): void {
    if (this.missingNewline) this.out += '\n';
    this.out += text + '\n';
    this.missingNewline = false;
  }

  private flushAppend(): void {
    for (const a of this.append) this.emitText(a);
    this.append = [];
  }

  private cycle(): void {
    let restart = true;
    while (restart) {
      restart = false;
      const r = this.execute();
      if (r === 'restart') {
        restart = true;
        continue;
      }
      if (r !== 'delete' && !this.opts.quiet) this.emit(this.ps);
      this.flushAppend();
    }
  }

  /** Run the script once over the pattern space. */
  private execute(): 'end' | 'delete' | 'restart' {
    let pc = 0;
    while (pc < this.cmds.length) {
      const cmd = this.cmds[pc];
      if (!this.selected(cmd)) {
        pc = cmd.name === '{' ? cmd.jump! + 1 : pc + 1;
        continue;
      }
      switch (cmd.name) {
        case '{':
        case '}':
        case ':':
          break;
        case '=':
          this.emitText(String(this.lineNo));
          break;
        case 'a':
          this.append.push(cmd.text!);
          break;
        case 'i':
          this.emitText(cmd.text!);
          break;
        case 'c':
          if (!cmd.addr2 || !cmd.active || cmd.negate) this.emitText(cmd.text!);
          return 'delete';
        case 'b':
        case 't':
        case 'T': {
          if (cmd.name !== 'b') {
            const jump = cmd.name === 't' ? this.substituted : !this.substituted;
            this.substituted = false;
            if (!jump) break;
          }
          if (!cmd.text) return 'end';
          pc = this.cmds.findIndex((c) => c.name === ':' && c.text === cmd.text);
          continue;
        }
        case 'd':
          return 'delete';
        case 'D': {
          const nl = this.ps.indexOf('\n');
          if (nl < 0) return 'delete';
          this.ps = this.ps.slice(nl + 1);
          this.flushAppend();
          return 'restart';
        }
        case 'g':
          this.ps = this.hs;
          break;
        case 'G':
          this.ps += '\n' + this.hs;
          break;
        case 'h':
          this.hs = this.ps;
          break;
        case 'H':
          this.hs += '\n' + this.ps;
          break;
        case 'x':
          [this.ps, this.hs] = [this.hs, this.ps];
          break;
        case 'z':
          this.ps = '';
          break;
        case 'l':
          this.emitText(unambiguous(this.ps, Number(cmd.text ?? 70)));
          break;
        case 'n':
          if (this.isLast()) throw new Quit(0, true);
          if (!this.opts.quiet) this.emit(this.ps);
          this.flushAppend();
          this.readLine(false);
          break;
        case 'N':
          if (this.isLast()) throw new Quit(0, true);
          this.flushAppend();
          this.readLine(true);
          break;
        case 'p':
          this.emit(this.ps);
          break;
        case 'P': {
          const nl = this.ps.indexOf('\n');
          this.emitText(nl < 0 ? this.ps : this.ps.slice(0, nl));
          break;
        }
        case 'q':
          throw new Quit(Number(cmd.text ?? 0), true);
        case 'Q':
          throw new Quit(Number(cmd.text ?? 0), false);
        case 'r': {
          const text = this.opts.readFile(cmd.text!);
          if (text !== undefined && text !== '') this.append.push(text.replace(/\n$/, ''));
          break;
        }
        case 'w':
          this.write(cmd.text!, this.ps);
          break;
        case 's':
          this.substitute(cmd.subst!);
          break;
        case 'y':
          this.ps = [...this.ps].map((c) => cmd.translit!.get(c) ?? c).join('');
          break;
        case 'F':
          this.emitText('-');
          break;
      }
      pc++;
    }
    return 'end';
  }

  private write(path: string, text: string): void {
    if (path === '/dev/stdout') {
      this.emitText(text);
      return;
    }
    this.written.set(path, (this.written.get(path) ?? '') + text + '\n');
  }

  private substitute(sub: Substitution): void {
    const re = sub.re ?? this.lastRegex;
    if (!re) return;
    this.lastRegex = re;
    const g = new RegExp(re.source, re.flags.replace('g', '') + 'g');
    let result = '';
    let pos = 0;
    let count = 0;
    let replaced = false;
    let prevEnd = -1;
    while (pos <= this.ps.length) {
      g.lastIndex = pos;
      const m = g.exec(this.ps);
      if (!m) break;
      const start = m.index;
      const end = start + m[0].length;
      if (m[0] === '' && start === prevEnd) {
        // no empty match right after a match (GNU: `s/a*/x/g` on baaac is xbxcx)
        if (start >= this.ps.length) break;
        result += this.ps.slice(pos, start + 1);
        pos = start + 1;
        continue;
      }
      count++;
      result += this.ps.slice(pos, start);
      if (count >= sub.occurrence && (sub.global || count === sub.occurrence)) {
        result += expand(sub.replacement, m);
        replaced = true;
      } else {
        result += m[0];
      }
      prevEnd = end;
      if (m[0] === '') {
        if (start >= this.ps.length) {
          pos = start;
          break;
        }
        result += this.ps[start];
        pos = start + 1;
      } else {
        pos = end;
      }
      if (!sub.global && count >= sub.occurrence) break;
    }
    if (!replaced) return;
    this.ps = result + this.ps.slice(pos);
    this.substituted = true;
    if (sub.print) this.emit(this.ps);
    if (sub.writeFile) this.write(sub.writeFile, this.ps);
  }

  private selected(cmd: SedCommand): boolean {
    return this.matches(cmd) !== cmd.negate;
  }

  private matches(cmd: SedCommand): boolean {
    if (!cmd.addr1) return true;
    if (!cmd.addr2) return this.matchOne(cmd.addr1);
    if (cmd.active) {
      const a2 = cmd.addr2;
      if (a2.kind === 'regex') {
        if (this.test(a2.re)) cmd.active = false;
      } else if (this.lineNo >= (cmd.endLine ?? Infinity)) {
        cmd.active = false;
      }
      return true;
    }
    const first = cmd.addr1.kind === 'zero' ? this.lineNo === 1 : this.matchOne(cmd.addr1);
    if (!first) return false;
    const a2 = cmd.addr2;
    if (cmd.addr1.kind === 'zero' && a2.kind === 'regex' && this.test(a2.re)) return true;
    switch (a2.kind) {
      case 'line':
        if (a2.n <= this.lineNo) return true;
        cmd.endLine = a2.n;
        break;
      case 'plus':
        if (a2.n === 0) return true;
        cmd.endLine = this.lineNo + a2.n;
        break;
      case 'multiple': {
        if (a2.n <= 0 || this.lineNo % a2.n === 0) return true;
        cmd.endLine = Math.ceil(this.lineNo / a2.n) * a2.n;
        break;
      }
      case 'last':
        if (this.isLast()) return true;
        cmd.endLine = Infinity;
        break;
      default:
        cmd.endLine = undefined;
    }
    cmd.active = true;
    return true;
  }

  private matchOne(a: Address | Address2): boolean {
    switch (a.kind) {
      case 'line':
        return this.lineNo === a.n;
      case 'last':
        return this.isLast();
      case 'regex':
        return this.test(a.re);
      case 'step':
        return a.step <= 0 ? this.lineNo === a.first : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0;
      default:
        return false;
    }
  }

  private test(re: RegExp | null): boolean {
    const r = re ?? this.lastRegex;
    if (!r) return false;
    this.lastRegex = r;
    r.lastIndex = 0;
    return r.test(this.ps);
  }
}

function expand(parts: ReplacementPart[], m: RegExpExecArray): string {
  let out = '';
  let mode: 'U' | 'L' | 'E' = 'E';
  let once: 'u' | 'l' | null = null;
  const add = (s: string): void => {
    for (const ch of s) {
      let c = mode === 'U' ? ch.toUpperCase() : mode === 'L' ? ch.toLowerCase() : ch;
      if (once) {
        c = once === 'u' ? c.toUpperCase() : c.toLowerCase();
        once = null;
      }
      out += c;
    }
  };
  for (const p of parts) {
    if (p.kind === 'text') add(p.text);
    else if (p.kind === 'group') add(m[p.n] ?? '');
    else if (p.mode === 'u' || p.mode === 'l') once = p.mode;
    else mode = p.mode;
  }
  return out;
}

/** The `l` command's escaped view, wrapped at `width` with `\`. */
function unambiguous(s: string, width: number): string {
  const esc: Record<string, string> = { '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  let out = '';
  let col = 0;
  for (const ch of s) {
    let piece = esc[ch];
    if (piece === undefined) {
      const code = ch.charCodeAt(0);
      piece = code < 32 || code >= 127 ? '\\' + code.toString(8).padStart(3, '0') : ch;
    }
    if (width > 1 && col + piece.length > width - 1) {
      out += '\\\n';
      col = 0;
    }
    out += piece;
    col += piece.length;
  }
  return out + '$';
}
