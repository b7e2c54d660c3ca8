// Backslash escapes of `echo -e`, printf's format and `%b`.

const SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\',
};

export interface Unescaped {
  text: string;
  /** `\c` was seen: produce no further output. */
  stop: boolean;
}

/**
 * Interpret escapes. `echoStyle` (echo -e, %b) takes octal as `\0nnn`;
 * printf's format takes `\nnn` and also unescapes `\"`.
 */
export function unescape(s: string, echoStyle: boolean): Unescaped {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const e = s[i + 1];
    if (e in SIMPLE) {
      out += SIMPLE[e];
      i++;
    } else if (e === 'c') {
      return { text: out, stop: true };
    } else if (!echoStyle && e === '"') {
      out += '"';
      i++;
    } else if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += 1 + m[0].length;
      } else out += '\\';
    } else if (e === 'u' || e === 'U') {
      const m = (e === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(s.slice(i + 2));
      if (m) {
        out += String.fromCodePoint(parseInt(m[0], 16));
        i += 1 + m[0].length;
      } else out += '\\';
    } else if (echoStyle && e === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 2))!;
      out += String.fromCharCode(parseInt(m[0] || '0', 8) & 0xff);
      i += 1 + m[0].length;
    } else if (!echoStyle && /[0-7]/.test(e)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))!;
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length;
    } else {
      out += '\\';
    }
  }
  return { text: out, stop: false };
}
