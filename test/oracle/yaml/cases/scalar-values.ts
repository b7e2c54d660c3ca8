// Strings that exercise go-yaml's quoting, folding and block-scalar rules and
// Go's JSON escaping. Each becomes a ConfigMap value (kubectl create configmap
// --from-literal), so the real kubectl prints it both ways.

const words = (n: number, w = 'word') => Array.from({ length: n }, () => w).join(' ');

/** Strings that would read back as another type, or that go-yaml must quote for another reason. */
export const QUOTING = [
  '80', 'true', 'false', 'null', '1.5', '', '9.4', '0x1F', 'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', '~',
  'True', 'FALSE', 'Null', 'NULL', 'nUll', 'Yes', 'yES', 'oN', 'OFF',
  '0', '-0', '+0', '00', '1.', '1.e5', '1e+5', '1e3', '1_000', '0777', '08', '0o17', '0b101', '0x', '0xG', '.5', '.inf', '-.inf', '+.inf', '.nan', '.NaN',
  '+1', '-1', '1:20', '12:30:45', '1:2:3.5', '12345678901234567890', '123456789012345678901234', '1e400', '.5e999',
  '2024-01-01', '2024-1-1', '2024-13-01', '2024-02-30', '2024-02-29', '2023-02-29', '2024-01-01T10:00:00Z', '2024-01-01 10:00:00',
  '2024-01-01t10:00:00+01:00', '2024-01-01T10:00:00.123456789Z', '2024-01-01T25:00:00Z', '2024-01-01T10:00:00,5Z', '2024-01-01T10:00:00+1:00', '20240-01-01',
  '<<', '=', '---', '---a', '...', '....', '?', '? a', ':', ':a', 'a:', 'a: b', 'a:b', 'a #b', 'a#b', '#a', ' lead', 'trail ', '  ',
  'a,b', '[a]', '{a}', 'a]', 'a}', 'a[', '*a', '&a', '!a', '|a', '>a', '%a', '@a', '`a', 'a`', 'a!', '-', '- a', '-a', '--', '- ',
  "'q'", '"dq"', "it's", 'say "hi"', '<b>&', '\\', 'back\\slash', 'a\tb', '\t', 'http://example.com:80/path?q=1#frag', 'key=value',
];

/** Unicode and control characters. */
export const UNICODE = [
  'héllo', '日本語', '😀', 'a😀b', 'nb\u00a0sp', '\u00a0lead', '\ufeffbom', 'x\ufeffy', '\ufeff"q" x\ty', 'a\u2028b', 'a\u2029b', 'x\u2028y\n',
  'a\u2028 b', 'a\u0085b', 'a  \u0085  b', 'a\u0085\u0085b', '\u0085b', 'a\u0085', 'a\n\u0085b', 'a \u0085\u0085 \u0085b', 'a\rb', 'a\r\nb',
  'a\x07\x08\x0b\x0c\x1b\x01b', '\ud7ff\ue000\ufffd', 'Ω≈ç√∫', '\u200b', 'e\u0301',
];

/** Multi-line strings: literal blocks, chomping, and the cases that fall back to double quotes. */
export const MULTILINE = [
  'line1\nline2', 'line1\nline2\n', 'line1\nline2\n\n', 'line1\nline2\n\n\n', '\nlead', '\n\nlead', ' a\nb', 'a \nb', 'a\n b', 'a\n\tb', 'a\n  b\n',
  '  a\n', '\n', '\n\n', 'a\n\n\nb\n\n', 'trailing space \n', 'tab\t\nx', 'x\ny\tz', '- a\n- b', 'key: value\nother: x', '#!/bin/sh\necho hi\n',
  `${words(50)}\n${words(50)}`,
];

/** Long strings, to pin down folding at column 80. */
export const LONG = [
  ...Array.from({ length: 40 }, (_, i) => words(40).slice(0, 120 + i * 2).trim()),
  `hello world this is a long string that should be folded at width eighty by go-yaml v2 marshal ok`,
  `${words(20)}  two  spaces  here and there and more words to pass the limit for sure ok`,
  'x'.repeat(100), `${'x'.repeat(100)} y`, `${'a'.repeat(85)} ${'b'.repeat(10)} c`, ` lead ${words(60, 'w')}`, `${words(60, 'w')} x: y`,
  `${words(45, 'w')} tab\there ${words(10, 'w')}`, `${words(50, 'w')}   ${words(20, 'w')}`, `${words(45, 'w')} 'quote' ${words(10, 'w')}`,
  `${'é'.repeat(85)} x y`, `${'日本'.repeat(45)} x y`, `${words(38, 'w')} www   ${'x'.repeat(10)}`, `yes ${words(50, 'w')} x`,
  `${words(39, 'w')} ww   x`, `${'😀 '.repeat(50)}`, `${words(45, 'w')} a\u2028b c d e f g`, `${words(30, 'w')} "${words(20, 'w')}" ${words(5, 'w')}`,
  `# ${words(50, 'w')}`, `${words(40, 'w')} # ${words(10, 'w')}`, `${'-'.repeat(90)} x`, `http://example.com/${'a'.repeat(90)} b`,
];

/** Characters Go's JSON encoder leaves raw and go-yaml's reader then rejects: `kubectl -o yaml` fails. */
export const UNPRINTABLE_IN_YAML = ['a\x7fb', 'a\u0080b', 'a\u009fb', 'a\ufffeb', 'a\uffffb'];

/** ConfigMap keys (file names) in go-yaml's order; chosen so its comparison is consistent (no cycles). */
export const KEYS = [
  'a10', 'a2', 'a1', 'a01', 'a001', 'a0', 'a00', 'A', 'a', 'B', 'b', '_a', '-a', '.a', 'a_', 'a-', 'a.', 'a.b', 'a-b', 'a_b', 'ab', 'aB', 'Ab',
  '1', '10', '9', '09', '0', '00', '010', '1_', 'zz', 'Zz', 'z_z', '100', '99', '1.5', '1.10', '1.9', 'v1.2.10', 'v1.2.9', 'v1.10.0',
  'a9999999999', 'a10000000000', 'x1', 'x01', 'x.10', 'x.9', 'x-10', 'x-9', 'x_1', 'app', 'role', 'tier', 'version',
  'x'.repeat(130), 'y'.repeat(128), 'z'.repeat(129),
];
