// Splits what xterm hands to onData into key tokens: one token per printable
// character or control byte, and one per escape sequence (arrows, Home, Alt-x...).
// xterm delivers a paste as one string, so this is also how a pasted multi-line
// text becomes a sequence of typed keys with Enter between the lines.

const ESC = '\x1b';

export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    const ch = data[i];
    if (ch === ESC) {
      const end = escapeEnd(data, i);
      keys.push(data.slice(i, end));
      i = end;
      continue;
    }
    if (ch === '\r' && data[i + 1] === '\n') {
      keys.push('\r');
      i += 2;
      continue;
    }
    const cp = data.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    keys.push(data.slice(i, i + len));
    i += len;
  }
  return keys;
}

/** Index just past the escape sequence starting at `start` (which holds ESC). */
function escapeEnd(data: string, start: number): number {
  const next = data[start + 1];
  if (next === undefined) return start + 1;
  if (next === '[') {
    // CSI: parameter and intermediate bytes, then one final byte in @..~
    let j = start + 2;
    while (j < data.length) {
      const code = data.charCodeAt(j);
      j++;
      if (code >= 0x40 && code <= 0x7e) return j;
    }
    return data.length;
  }
  if (next === 'O') return Math.min(start + 3, data.length);
  // Alt+key: ESC followed by one character.
  return start + 2;
}

/** Named editing keys, by the byte sequences terminals send for them. */
export const KEY = {
  enter: ['\r', '\n'],
  backspace: ['\x7f', '\b'],
  delete: ['\x1b[3~'],
  left: ['\x1b[D', '\x1bOD', '\x02'],
  right: ['\x1b[C', '\x1bOC', '\x06'],
  up: ['\x1b[A', '\x1bOA', '\x10'],
  down: ['\x1b[B', '\x1bOB', '\x0e'],
  home: ['\x1b[H', '\x1bOH', '\x1b[1~', '\x1b[7~', '\x01'],
  end: ['\x1b[F', '\x1bOF', '\x1b[4~', '\x1b[8~', '\x05'],
  wordLeft: ['\x1bb', '\x1b[1;5D', '\x1b[1;3D'],
  wordRight: ['\x1bf', '\x1b[1;5C', '\x1b[1;3C'],
  killToStart: ['\x15'],
  killToEnd: ['\x0b'],
  killWordBack: ['\x17'],
  killAlnumWordBack: ['\x1b\x7f', '\x1b\b'],
  killWordForward: ['\x1bd'],
  yank: ['\x19'],
  tab: ['\t'],
  interrupt: ['\x03'],
  clearScreen: ['\x0c'],
  eof: ['\x04'],
} as const;

export type KeyName = keyof typeof KEY;

const byBytes = new Map<string, KeyName>();
for (const [name, seqs] of Object.entries(KEY) as [KeyName, readonly string[]][]) {
  for (const s of seqs) byBytes.set(s, name);
}

/** The editing key a token stands for, or null for text (or an unknown sequence). */
export function keyName(token: string): KeyName | null {
  return byBytes.get(token) ?? null;
}

/** True for tokens that insert themselves: printable characters. */
export function isPrintable(token: string): boolean {
  if (token.length === 0 || token[0] === ESC) return false;
  const code = token.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f;
}
