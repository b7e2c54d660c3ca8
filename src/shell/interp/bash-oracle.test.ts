import { describe, it } from 'vitest';
import { hasTool, runOurs, runReal } from '../commands/testing/oracle';

const files = {
  'a.yaml': 'kind: Service\n',
  'b.yaml': 'kind: Pod\n',
  'notes.txt': 'first line\nsecond line\n',
  'dir/c.yaml': 'kind: Deployment\n',
};

// The language itself against bash 5.2: the same line, the same files, byte-identical output.
const lines = [
  // pipes and statuses
  'echo hello | cat | cat',
  'false | true; echo $?',
  'true | false; echo $?',
  '! true; echo $?',
  'false && echo yes || echo no',
  'true || echo skipped; echo $?',
  'nosuchcmd; echo $?',
  'nosuchcmd 2>/dev/null || echo failed',
  'echo a | nosuchcmd | echo b',
  'ls nosuch 2>&1 | grep -c access',
  'ls nosuch |& grep -o "cannot access"',
  'x=$(false); echo $?',
  'x=$(exit 3); echo $?',
  // redirections
  'echo one > out.txt; echo two >> out.txt; cat out.txt',
  'cat < notes.txt',
  'echo err 1>&2 2>/dev/null',
  'ls nosuch 2> err.txt; cat err.txt',
  'ls nosuch > both.txt 2>&1; cat both.txt',
  'ls nosuch 2>&1 > only.txt; echo "[$(cat only.txt)]"',
  'ls a.yaml nosuch &> all.txt; cat all.txt',
  'echo x > /dev/null; echo $?',
  'false > created.txt; ls created.txt',
  'cat notes.txt > notes.txt; wc -c notes.txt',
  'echo hi > nodir/x; echo $?',
  'echo hi > dir; echo $?',
  'cat < nosuch; echo $?',
  'x="a b"; echo hi > $x; echo $?',
  'echo hi >&5; echo $?',
  '> empty.txt; wc -c empty.txt',
  'cat <<< "here string $HOME"',
  '{ echo a; echo b; } > grouped.txt; cat grouped.txt',
  'for i in 1 2; do echo $i; done > loop.txt; cat loop.txt',
  // here-documents
  'cat <<EOF\nhome=$HOME\nsum=$((1+2))\nsub=$(echo x)\nescaped=\\$HOME\nEOF',
  "cat <<'EOF'\nhome=$HOME `date` \\$\nEOF",
  'cat <<-EOF\n\tindented\n\t\tmore\n\tEOF',
  'cat <<EOF | grep -c kind\nkind: A\nother\nkind: B\nEOF',
  'cat <<A; cat <<B\none\nA\ntwo\nB',
  'cat <<EOF\nunterminated',
  // variables and expansions
  'X=1; echo $X ${X} "$X" \'$X\'',
  'X=1; X+=2; echo $X',
  'X=hello; echo ${#X} ${X:1:3} ${X:-d} ${Y:-d} ${Y-d} ${X:+alt} ${Y:+alt}',
  'F=file.tar.gz; echo ${F%.gz} ${F%%.*} ${F#*.} ${F##*.}',
  'P=a/b/c; echo ${P/\\//:} ${P//\\//:} ${P/#a/A} ${P/%c/C}',
  'echo ${Y:=assigned}; echo $Y',
  'echo ${U:?is unset}; echo after',
  'for i in 1 2; do echo ${U:?x}; echo in; done; echo out',
  'echo $((1/0)) | cat; echo piped',
  'echo $( echo ${U:?y} ) after',
  'echo $((3 + 4 * 2)) $((10 / 3)) $((10 % 3)) $((2 ** 10)) $(( (1+2) * 3 )) $((7 > 3)) $((x = 5)) $x',
  'i=0; echo $((i++)) $((i++)) $((++i)) $i',
  'echo $((1/0)); echo $?',
  'echo $((1 +)); echo $?',
  'V="a   b  c"; echo $V; echo "$V"',
  'V=""; printf "[%s]" $V "$V"; echo',
  'IFS=,; V=a,b,c; for x in $V; do echo $x; done',
  'echo "$(echo "nested $(echo deep)")"',
  'echo `echo back` "`echo quoted`"',
  'echo $(printf "a\\n\\n\\n")end',
  'echo ~ ~/x "~" ~root',
  'echo $0 $# "$@" $*',
  'A=1 B=2; echo $A$B',
  'X=1 env | grep "^X="; echo "[$X]"',
  'export E=exported; env | grep "^E="',
  'L=local; env | grep -c "^L="',
  'export -n E; E=1; printenv E; echo $?',
  'unset X; X=5; unset X; echo "[${X}]"',
  'echo *.yaml',
  'echo dir/*',
  'echo "*.yaml" \'*.yaml\' \\*.yaml',
  'echo *.none',
  'echo [ab].yaml ?.yaml',
  'cat *.yaml | wc -l',
  'echo a\\ b "c\\"d" \'e\\f\'',
  "echo $'tab\\there'",
  'echo "a" # comment',
  'echo a#b',
  // control flow
  'for i in 1 2 3; do echo i=$i; done',
  'for f in *.yaml; do echo "$f: $(cat $f)"; done',
  'for i in a b c; do if [ $i = b ]; then continue; fi; echo $i; done',
  'for i in 1 2 3; do for j in x y; do [ $j = y ] && break 2; echo $i$j; done; done',
  'n=0; while [ $n -lt 3 ]; do n=$((n+1)); echo $n; done',
  'n=3; until [ $n -eq 0 ]; do echo $n; n=$((n-1)); done',
  'if false; then echo a; elif true; then echo b; else echo c; fi',
  'if [ -f a.yaml ]; then echo file; fi',
  'x=outer; (x=inner; echo $x); echo $x',
  '(cd dir && pwd); pwd',
  'cd dir; pwd; cd ..; pwd',
  'cd nosuch; echo $?',
  'cd a.yaml; echo $?',
  'cd; pwd',
  'cd dir; cd -; cd -',
  'cd a b; echo $?',
  'echo a | cd dir; pwd',
  'x=1 | true; echo "[$x]"',
  'eval "echo evaluated; X=9"; echo $X',
  'echo "X=7" > vars.sh; . ./vars.sh; echo $X',
  'source nosuch.sh; echo $?',
  'break; echo $?',
  ': && echo colon',
  'true; (exit 4); echo $?',
  './a.yaml; echo $?',
  './dir; echo $?',
  '/usr/bin/nosuch; echo $?',
  '/usr/bin/echo via path',
  'type cd ls if; type nosuch; echo $?',
  'which ls nosuch; echo $?',
];

/**
 * `${U:?}` makes a non-interactive bash exit with 127; the interactive shell
 * the learner types into drops the rest of the line and sets $? to 1.
 */
const interactiveStatus: Record<string, number> = {
  'echo ${U:?is unset}; echo after': 1,
  'for i in 1 2; do echo ${U:?x}; echo in; done; echo out': 1,
};

describe.concurrent('the shell language against bash', () => {
  for (const line of lines) {
    it.skipIf(!hasTool('bash'))(JSON.stringify(line), async ({ expect }) => {
      const real = await runReal(line, { files });
      const ours = await runOurs(line, { files });
      if (line in interactiveStatus) {
        expect(real.status).toBe(127);
        real.status = interactiveStatus[line];
      }
      expect(ours).toEqual(real);
    });
  }
});
