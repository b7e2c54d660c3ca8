import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fakeShell } from '../interp/testing/fake-shell';
import { genericCommands } from '../commands';
import { hasTool } from '../commands/testing/oracle';
import { isIncomplete } from './parser';

/** What an interactive shell prints on stderr for one typed line, minus its start-up chatter. */
function interactive(shell: 'bash' | 'sh', line: string): string {
  const argv = shell === 'bash' ? ['bash', ['--norc', '--noprofile', '-i']] : ['busybox', ['sh', '-i']];
  const r = spawnSync(argv[0] as string, argv[1] as string[], {
    input: line + '\n',
    env: { PATH: process.env.PATH, PS1: '', PS2: '', HOME: '/tmp', ENV: '' },
    encoding: 'utf8',
  });
  return r.stderr
    .split('\n')
    .filter((l) => /^(bash|sh): /.test(l) && !/job control|terminal process group|can't access tty/.test(l))
    .map((l) => l + '\n')
    .join('');
}

const badLines = [
  '| foo',
  'echo a ; ; b',
  'echo )',
  'echo a && || b',
  'echo a;;',
  'echo > |',
  'echo >',
  'echo a | | b',
  'if true; then echo; fi fi',
  'done',
  'then',
  'fi',
  '}',
  'echo a & & b',
  'while true; do; done',
  'if true; then fi',
  'for x in a b; do echo $x; done done',
  '( )',
  'echo a (b)',
  'cat <<< hi <',
  'echo a > > b',
  'echo a >> | b',
  'kubectl get pods |& | grep x',
];

describe('syntax errors read like the shell the learner types into', () => {
  for (const shell of ['bash', 'sh'] as const) {
    for (const line of badLines) {
      it.skipIf(!hasTool(shell === 'bash' ? 'bash' : 'busybox'))(`${shell}: ${line}`, async () => {
        const expected = interactive(shell, line);
        expect(expected).not.toBe('');
        const sh = fakeShell({ commands: genericCommands, flavour: shell });
        const r = await sh.run(line);
        expect(r.stderr).toBe(expected);
        expect(r.stdout).toBe('');
        expect(r.status).toBe(2);
      });
    }
  }
});

describe('isIncomplete: the terminal shows `> ` and reads another line', () => {
  const incomplete = [
    'echo "abc',
    "echo 'abc",
    'echo `date',
    'echo $(date',
    'echo ${HOME',
    'echo a &&',
    'echo a ||',
    'echo a |',
    'echo a \\',
    'cat <<EOF',
    'cat <<EOF\nline one',
    "cat <<'EOF' | kubectl apply -f -\napiVersion: v1",
    'cat <<-EOF\n\tbody\n',
    'if true; then',
    'if true; then echo a; else',
    'for i in 1 2 3; do',
    'for i in 1 2 3',
    'while true; do echo',
    '{ echo a',
    '( echo a',
    'echo "a\nb',
    'kubectl create service clusterip frontend \\\n--tcp=80:5000 --dry-run=client -o yaml \\',
  ];
  const complete = [
    'echo abc',
    'echo "a\nb"',
    'cat <<EOF\nhello\nEOF',
    "cat <<'EOF' | kubectl apply -f -\napiVersion: v1\nkind: Pod\nEOF",
    'cat <<-EOF\n\tbody\n\tEOF',
    'if true; then echo a; fi',
    'for i in 1 2; do echo $i; done',
    'echo a | grep a',
    '| foo',
    'echo )',
    'echo a # a comment with "quote',
    "echo 'it''s'",
    'echo \\"',
    'kubectl create service clusterip frontend \\\n--tcp=80:5000 --dry-run=client -o yaml \\\n| sed s/a/b/ \\\n| kubectl apply -f -',
    '',
  ];
  for (const text of incomplete) it(`needs more: ${JSON.stringify(text)}`, () => expect(isIncomplete(text)).toBe(true));
  for (const text of complete) it(`complete: ${JSON.stringify(text)}`, () => expect(isIncomplete(text)).toBe(false));

  it.skipIf(!hasTool('bash'))('agrees with bash about which lines need more input', () => {
    for (const text of [...incomplete, ...complete]) {
      const first = text.split('\n')[0];
      const rest = text.split('\n').slice(1);
      // bash -n reports unexpected end of file exactly for texts that would need more lines
      const r = spawnSync('bash', ['-n'], { input: [first, ...rest].join('\n') + '\n', encoding: 'utf8' });
      const bashWantsMore = /unexpected end of file|unexpected EOF|here-document at line/.test(r.stderr) || text.endsWith('\\');
      expect({ text, more: isIncomplete(text) }).toEqual({ text, more: bashWantsMore });
    }
  });
});
