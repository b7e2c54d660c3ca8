import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { hasTool, runOurs, runReal } from './testing/oracle';

const NAT = readFileSync(join(__dirname, 'testing/fixtures/iptables-nat.txt'), 'utf8');
const files = {
  'nat.txt': NAT,
  'pods.txt': 'NAME READY STATUS\nvote-1 1/1 Running\nvote-2 0/1 Pending\nredis-1 1/1 Running\nVote-3 1/1 Running\n',
  'noeol.txt': 'alpha\nbeta\ngamma',
  'words.txt': 'foo bar\nfoobar\nbar_foo\nfoo-bar baz\n\nFOO\n',
};

// The lab's `iptables -nvL -t nat | grep ... -A N` flows, and grep's other options, against GNU grep 3.8.
const lines = [
  'cat nat.txt | grep KUBE-SVC-2ANCFQGQWRCAMGWS -A 10',
  'cat nat.txt | grep KUBE-SVC-2ANCFQGQWRCAMGWS -A 3',
  'cat nat.txt | grep KUBE-SEP-AXNX6HMLMULBA6HY -A 3',
  'cat nat.txt | grep 30000',
  'cat nat.txt | grep -B 2 KUBE-MARK-MASQ',
  'cat nat.txt | grep -C 1 DNAT',
  'cat nat.txt | grep -C1 -n DNAT',
  'cat nat.txt | grep -2 KUBE-SVC-A7CETQ67OOPEGB6O',
  'cat nat.txt | grep -A 1 -B 3 -n "^Chain KUBE-SEP"',
  'cat nat.txt | grep -A 2 --group-separator=XX "^Chain KUBE-SVC"',
  'cat nat.txt | grep -A 2 --no-group-separator "^Chain KUBE-SVC"',
  'cat nat.txt | grep -c KUBE-SEP',
  'cat nat.txt | grep -o "KUBE-SEP-[A-Z0-9]*" | sort | uniq -c',
  'cat nat.txt | grep -oE "[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+:[0-9]+"',
  'cat nat.txt | grep -E "statistic|probability" | grep -v "^ *0 "',
  'cat nat.txt | grep -m 2 -A 1 DNAT',
  'cat nat.txt | grep -m1 KUBE -c',
  'grep -n -A 1 DNAT nat.txt',
  'grep -i vote pods.txt',
  'grep -v Running pods.txt',
  'grep -w foo words.txt',
  'grep -x FOO words.txt',
  'grep -wi foo words.txt',
  'grep -c "" words.txt',
  'grep -n "^$" words.txt',
  'grep -e foo -e baz words.txt',
  'grep -F "a.b" words.txt; echo $?',
  'grep "fo\\{2\\}" words.txt',
  'grep -E "fo{2}|baz" words.txt',
  'grep "\\(foo\\|bar\\)_" words.txt',
  'grep "\\<bar" words.txt',
  'grep -o "o*" words.txt',
  'grep -ow "foo" words.txt',
  'grep a noeol.txt',
  'grep -H a noeol.txt',
  'grep vote pods.txt words.txt',
  'grep -h -n vote pods.txt words.txt',
  'grep -l foo pods.txt words.txt',
  'grep -L foo pods.txt words.txt',
  'grep -c foo pods.txt words.txt',
  'grep -A1 foo words.txt pods.txt noeol.txt',
  'grep -q Running pods.txt; echo $?',
  'grep nothing pods.txt; echo $?',
  'grep foo missing.txt; echo $?',
  'grep -s foo missing.txt pods.txt; echo $?',
  'grep -q Running missing.txt pods.txt; echo $?',
  'grep; echo $?',
  'grep -A; echo $?',
  'grep -A x foo words.txt; echo $?',
  'grep -z; echo $?',
  'grep -Q foo words.txt; echo $?',
  'grep --foo x words.txt; echo $?',
  'grep "[" words.txt; echo $?',
  'grep -E "(a" words.txt; echo $?',
  'grep "a\\{1" words.txt; echo $?',
  'grep -- -bar words.txt; echo $?',
  'grep -r foo . | sort',
  'printf "x\\ny\\nx\\n" | grep -c x',
  'printf "a\\nb\\nc\\nd\\ne\\nf\\n" | grep -A1 -e b -e e',
  'printf "a\\nb\\nc\\nd\\ne\\nf\\n" | grep -B1 -A1 -e b -e d',
  'printf "a\\nb\\nc\\nd\\ne\\nf\\n" | grep -v -A1 "[bcd]"',
  'printf "one two\\n" | grep -o -b two; echo $?',
];

describe.concurrent('grep against GNU grep', () => {
  for (const line of lines) {
    it.skipIf(!hasTool('grep'))(line, async ({ expect }) => {
      const real = await runReal(line, { files });
      const ours = await runOurs(line, { files });
      expect(ours).toEqual(real);
    });
  }
});

describe.concurrent('grep regex corner cases against GNU grep', () => {
  const text = { 't.txt': 'aa*a+b{1\na-:/t.*[\nxyz\n' };
  const patterns = [
    '[a', '[[:alpha:', '[[:foo:]]', 'a[', '[]', '[^', 'x\\\\', '\\(', 'a\\)', '*a', '\\{1\\}', 'a**', 'a\\{1,2',
    '\\-', '\\t', '\\d', '[\\]', 'a\\}', '[[:punct:]]', '[^[:alnum:]]', '^a*', 'a$', '\\(a\\)\\1',
  ];
  const ere = ['*a', '+a', 'a{1', 'a{,2}', 'a{1,2}{2}', 'a|*b', '(*a)', 'a**', 'a+*', '(a)\\1', 'x|y|z', '^(a|b)+'];
  for (const p of patterns) {
    const line = `grep -o -- '${p}' t.txt; echo $?`;
    it.skipIf(!hasTool('grep'))(line, async ({ expect }) => {
      expect(await runOurs(line, { files: text })).toEqual(await runReal(line, { files: text }));
    });
  }
  for (const p of ere) {
    const line = `grep -oE -- '${p}' t.txt; echo $?`;
    it.skipIf(!hasTool('grep'))(line, async ({ expect }) => {
      expect(await runOurs(line, { files: text })).toEqual(await runReal(line, { files: text }));
    });
  }
});
