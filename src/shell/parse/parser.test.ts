import { describe, expect, it } from 'vitest';
import type { CommandNode, SimpleCommand, Word, WordPart } from './ast';
import { ShellSyntaxError } from './errors';
import { parse } from './parser';

function commands(text: string): CommandNode[] {
  return parse(text).script.items.flatMap((i) => [i.andOr.first, ...i.andOr.rest.map((r) => r.pipeline)].flatMap((p) => p.commands));
}

function simple(text: string, index = 0): SimpleCommand {
  const c = commands(text)[index];
  if (c.type !== 'simple') throw new Error(`not a simple command: ${c.type}`);
  return c;
}

function parts(text: string, word = 1): WordPart[] {
  return simple(text).words[word].parts;
}

/** The word's text when it has no expansions, with quoting marks: [q] for quoted pieces. */
function lit(w: Word): string {
  return w.parts.map((p) => (p.type === 'lit' ? (p.quoted ? `[${p.text}]` : p.text) : `<${p.type}>`)).join('');
}

describe('words and quoting', () => {
  it('splits words on blanks and keeps quoted blanks', () => {
    expect(simple('echo a   "b  c" \'d e\'f').words.map(lit)).toEqual(['echo', 'a', '[b  c]', '[d e]f']);
  });
  it('keeps an empty quoted word as an argument', () => {
    expect(simple('echo "" \'\'').words.map(lit)).toEqual(['echo', '[]', '[]']);
  });
  it('reads backslash escapes outside quotes as quoted characters', () => {
    expect(lit(simple('echo a\\ b\\$c').words[1])).toBe('a[ ]b[$]c');
  });
  it('takes double-quote escapes only before $ ` " \\ and newline', () => {
    expect(lit(simple('echo "a\\"b\\\\c\\$d\\e"').words[1])).toBe('[a"b\\c$d\\e]');
  });
  it('removes backslash-newline continuations', () => {
    expect(simple('kubectl get \\\npods').words.map(lit)).toEqual(['kubectl', 'get', 'pods']);
  });
  it('ignores comments', () => {
    expect(simple('echo a # b c').words.map(lit)).toEqual(['echo', 'a']);
    expect(simple('echo a#b').words.map(lit)).toEqual(['echo', 'a#b']);
  });
  it("expands $'...' escapes", () => {
    expect(lit(simple("echo $'a\\tb\\n'").words[1])).toBe('[a\tb\n]');
  });
});

describe('expansions', () => {
  it('parses $VAR, ${VAR}, $?, $1 and $$', () => {
    expect(parts('echo $HOME${USER}$?$1$$')).toEqual([
      { type: 'param', name: 'HOME', quoted: false },
      { type: 'param', name: 'USER', quoted: false },
      { type: 'param', name: '?', quoted: false },
      { type: 'param', name: '1', quoted: false },
      { type: 'param', name: '$', quoted: false },
    ]);
  });
  it('marks expansions inside double quotes as quoted', () => {
    expect(parts('echo "x $A y"')).toEqual([
      { type: 'lit', text: 'x ', quoted: true },
      { type: 'param', name: 'A', quoted: true },
      { type: 'lit', text: ' y', quoted: true },
    ]);
  });
  it('leaves $ alone when no name follows', () => {
    expect(lit(simple('echo $ a$').words[1])).toBe('$');
    expect(lit(simple('echo "cost: 5$"').words[1])).toBe('[cost: 5][$]');
  });
  it('parses ${VAR:-default}, ${#VAR}, ${VAR%%pat}, ${VAR/a/b} and ${VAR:1:2}', () => {
    const [a, b, c, d, e] = simple('echo ${X:-a b} ${#X} ${X%%.*} ${X/a/b} ${X:1:2}').words.slice(1).map((w) => w.parts[0]);
    expect(a).toMatchObject({ type: 'param', name: 'X', op: ':-', arg: [{ type: 'lit', text: 'a b' }] });
    expect(b).toMatchObject({ type: 'param', name: 'X', op: 'length' });
    expect(c).toMatchObject({ type: 'param', op: '%%', arg: [{ type: 'lit', text: '.*' }] });
    expect(d).toMatchObject({ type: 'param', op: '/', arg: [{ type: 'lit', text: 'a' }], arg2: [{ type: 'lit', text: 'b' }] });
    expect(e).toMatchObject({ type: 'param', op: 'substr', arg: [{ type: 'lit', text: '1' }], arg2: [{ type: 'lit', text: '2' }] });
  });
  it('parses command substitution with $() and backquotes into scripts', () => {
    const [p] = parts('echo $(kubectl get pods | grep vote)');
    expect(p).toMatchObject({ type: 'cmdsub', backtick: false, quoted: false });
    const inner = p.type === 'cmdsub' ? p.script.items[0].andOr.first.commands : [];
    expect(inner.map((c) => (c as SimpleCommand).words.map(lit))).toEqual([['kubectl', 'get', 'pods'], ['grep', 'vote']]);
    const [q] = parts('echo "`date -u`"');
    expect(q).toMatchObject({ type: 'cmdsub', backtick: true, quoted: true });
  });
  it('nests command substitutions and quotes inside them', () => {
    const [p] = parts('echo "$(echo "$(echo ")")")"');
    expect(p.type).toBe('cmdsub');
  });
  it('parses arithmetic', () => {
    expect(parts('echo $((1 + $X))')[0]).toMatchObject({ type: 'arith', expr: [{ type: 'lit', text: '1 + ' }, { type: 'param', name: 'X' }] });
  });
  it('recognises ~ at the start of a word only', () => {
    expect(parts('cd ~/x')[0]).toEqual({ type: 'tilde', user: '' });
    expect(parts('cd ~root')[0]).toEqual({ type: 'tilde', user: 'root' });
    expect(parts('echo a~')[0]).toEqual({ type: 'lit', text: 'a~', quoted: false });
    expect(parts('echo "~"')[0]).toEqual({ type: 'lit', text: '~', quoted: true });
  });
});

describe('assignments', () => {
  it('reads NAME=value before the command word as assignments', () => {
    const c = simple('A=1 B="x y" cmd C=3');
    expect(c.assigns.map((a) => [a.name, lit(a.value)])).toEqual([['A', '1'], ['B', '[x y]']]);
    expect(c.words.map(lit)).toEqual(['cmd', 'C=3']);
  });
  it('parses assignment-only commands, += and ~ in values', () => {
    const c = simple('X=1 Y+=2 Z=~/bin');
    expect(c.words).toEqual([]);
    expect(c.assigns.map((a) => [a.name, a.append])).toEqual([['X', false], ['Y', true], ['Z', false]]);
    expect(c.assigns[2].value.parts[0]).toEqual({ type: 'tilde', user: '' });
  });
  it('parses export NAME=value as a command with an argument', () => {
    expect(simple('export KUBECONFIG=/root/.kube/config').words.map(lit)).toEqual(['export', 'KUBECONFIG=/root/.kube/config']);
  });
  it('does not treat a quoted name as an assignment', () => {
    expect(simple('"A"=1').assigns).toEqual([]);
  });
});

describe('lists and pipelines', () => {
  it('parses pipelines with |& and !', () => {
    const p = parse('! a | b |& c').script.items[0].andOr.first;
    expect(p.bang).toBe(true);
    expect(p.commands).toHaveLength(3);
    expect(p.stderrToo).toEqual([false, true]);
  });
  it('parses && and || chains', () => {
    const a = parse('a && b || c').script.items[0].andOr;
    expect(a.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });
  it('separates items with ; & and newlines, and allows newlines after | && ||', () => {
    const s = parse('a; b & c\nd |\ne &&\nf').script;
    expect(s.items.map((i) => i.background)).toEqual([false, true, false, false]);
    expect(s.items[3].andOr.first.commands).toHaveLength(2);
  });
  it('parses a multi-line pipeline continued with backslashes', () => {
    const s = parse('kubectl create service clusterip frontend \\\n--tcp=80:5000 --dry-run=client -o yaml \\\n| sed \'s/name: frontend/name: frontend-svc/g\' \\\n| kubectl apply -f -').script;
    expect(s.items).toHaveLength(1);
    expect(s.items[0].andOr.first.commands.map((c) => (c as SimpleCommand).words[0].raw)).toEqual(['kubectl', 'sed', 'kubectl']);
  });
});

describe('redirections', () => {
  it('parses >, >>, <, 2>, 2>&1, &>, >/dev/null and <>', () => {
    const c = simple('cmd > out >> log < in 2> err 2>&1 &> all >/dev/null 3<> rw');
    expect(c.redirects.map((r) => [r.fd, r.op, r.target.raw])).toEqual([
      [null, '>', 'out'],
      [null, '>>', 'log'],
      [null, '<', 'in'],
      [2, '>', 'err'],
      [2, '>&', '1'],
      [null, '&>', 'all'],
      [null, '>', '/dev/null'],
      [3, '<>', 'rw'],
    ]);
    expect(c.words.map(lit)).toEqual(['cmd']);
  });
  it('takes redirections before the command word and on compound commands', () => {
    expect(simple('> f echo hi').words.map(lit)).toEqual(['echo', 'hi']);
    const loop = commands('for i in 1; do echo; done > out')[0];
    expect(loop.redirects.map((r) => r.target.raw)).toEqual(['out']);
  });
  it('parses a here-string', () => {
    expect(simple('cat <<< "a b"').redirects[0]).toMatchObject({ op: '<<<', target: { raw: '"a b"' } });
  });
});

describe('here-documents', () => {
  it('reads the body after the command line, with expansions', () => {
    const r = simple('cat <<EOF\nhello $USER\nEOF').redirects[0];
    expect(r.heredoc).toMatchObject({ delimiter: 'EOF', expand: true, stripTabs: false, terminated: true });
    expect(r.heredoc!.body).toEqual([
      { type: 'lit', text: 'hello ', quoted: true },
      { type: 'param', name: 'USER', quoted: true },
      { type: 'lit', text: '\n', quoted: true },
    ]);
  });
  it("keeps a quoted delimiter's body literal", () => {
    for (const d of ["'EOF'", '"EOF"', '\\EOF', "E'O'F"]) {
      const r = simple(`cat <<${d}\n$HOME \`x\` \\$\nEOF`).redirects[0];
      expect(r.heredoc).toMatchObject({ delimiter: 'EOF', expand: false, body: [{ type: 'lit', text: '$HOME `x` \\$\n', quoted: true }] });
    }
  });
  it('strips leading tabs with <<-', () => {
    const r = simple('cat <<-END\n\t\tindented\n\tEND').redirects[0];
    expect(r.heredoc).toMatchObject({ terminated: true, body: [{ type: 'lit', text: 'indented\n' }] });
  });
  it('handles `cat <<EOF | kubectl apply -f -` with the body on the following lines', () => {
    const text = 'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Service\nEOF\necho done';
    const s = parse(text).script;
    expect(s.items).toHaveLength(2);
    const [cat, kubectl] = s.items[0].andOr.first.commands as SimpleCommand[];
    expect(cat.redirects[0].heredoc!.body).toEqual([{ type: 'lit', text: 'apiVersion: v1\nkind: Service\n', quoted: true }]);
    expect(kubectl.words.map(lit)).toEqual(['kubectl', 'apply', '-f', '-']);
  });
  it('reads two here-documents of one line in order', () => {
    const s = parse('cat <<A; cat <<B\none\nA\ntwo\nB').script;
    const bodies = s.items.map((i) => (i.andOr.first.commands[0] as SimpleCommand).redirects[0].heredoc!.body);
    expect(bodies).toEqual([[{ type: 'lit', text: 'one\n', quoted: true }], [{ type: 'lit', text: 'two\n', quoted: true }]]);
  });
  it('reports an unterminated body as incomplete but parses it', () => {
    const r = parse('cat <<EOF\nline');
    expect(r.incomplete).toBe(true);
    expect(r.unterminatedHeredocs.map((d) => [d.delimiter, d.line])).toEqual([['EOF', 1]]);
  });
});

describe('compound commands', () => {
  it('parses if/elif/else', () => {
    const c = commands('if a; then b; elif c; then d; else e; fi')[0];
    expect(c.type).toBe('if');
    if (c.type === 'if') {
      expect(c.clauses).toHaveLength(2);
      expect(c.else).not.toBeNull();
    }
  });
  it('parses for loops with and without in, and over newlines', () => {
    const c = commands('for i in 1 2 3; do echo $i; done')[0];
    expect(c).toMatchObject({ type: 'for', name: 'i' });
    if (c.type === 'for') expect(c.items!.map(lit)).toEqual(['1', '2', '3']);
    expect(commands('for x\ndo\necho\ndone')[0]).toMatchObject({ type: 'for', items: null });
  });
  it('parses while, until, groups and subshells', () => {
    expect(commands('while true; do sleep 1; done')[0]).toMatchObject({ type: 'while', until: false });
    expect(commands('until false; do :; done')[0]).toMatchObject({ type: 'while', until: true });
    expect(commands('{ a; b; }')[0].type).toBe('group');
    expect(commands('(cd /tmp && ls)')[0].type).toBe('subshell');
  });
  it('treats reserved words as plain words in argument position', () => {
    expect(simple('echo if then fi done }').words.map(lit)).toEqual(['echo', 'if', 'then', 'fi', 'done', '}']);
  });
});

describe('syntax errors', () => {
  const error = (text: string): ShellSyntaxError => {
    try {
      parse(text);
    } catch (e) {
      if (e instanceof ShellSyntaxError) return e;
      throw e;
    }
    throw new Error('no error');
  };
  it('names the unexpected token like bash and ash', () => {
    const e = error('echo a | | b');
    expect(e.incomplete).toBe(false);
    expect(e.text('bash')).toBe("syntax error near unexpected token `|'");
    expect(e.text('sh')).toBe('syntax error: unexpected "|"');
  });
  it('marks an unterminated quote or construct as incomplete', () => {
    expect(error('echo "abc')).toMatchObject({ incomplete: true, bashText: "unexpected EOF while looking for matching `\"'" });
    expect(error('if true; then')).toMatchObject({ incomplete: true, shText: 'syntax error: unexpected end of file (expecting "fi")' });
    expect(error('echo $(ls')).toMatchObject({ incomplete: true, bashText: "unexpected EOF while looking for matching `)'" });
  });
  it('reports a bad substitution', () => {
    expect(error('echo ${x!}')).toMatchObject({ incomplete: false, bashText: '${x!}: bad substitution', status: 1 });
  });
});
