import { describe, it } from 'vitest';
import { hasTool, runOurs, runReal } from '../testing/oracle';

const pods =
  'NAME                      READY   STATUS    RESTARTS   AGE   IP          NODE\n' +
  'vote-6b9c7d7f5c-2xkqz     1/1     Running   0          5m    10.32.0.4   kind-worker\n' +
  'vote-6b9c7d7f5c-8hj2p     1/1     Running   0          5m    10.38.0.5   kind-worker2\n' +
  'redis-5d8f7c6b4-q9w8e     0/1     Pending   0          1m    <none>      <none>\n' +
  'db-7f8d9c5b6-zz1xy        1/1     Running   3          9m    10.44.0.3   kind-worker\n';
const files = {
  'pods.txt': pods,
  'passwd.txt': 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
  'nums.txt': '3 1.5\n10 2\n-4 0.25\n7 x\n',
  'para.txt': 'a b\nc d\n\n\ne f\n',
};

// mawk 1.3.4 is the awk of Debian (the learner's host and the kind node image).
const lines = [
  "awk '{print $1}' pods.txt",
  "awk 'NR>1 {print $1, $6}' pods.txt",
  "awk '$3 == \"Running\" {print $1}' pods.txt",
  "awk '/vote/ {print $NF}' pods.txt",
  "awk '!/Running/' pods.txt",
  "awk -F: '{print $1 \":\" $NF}' passwd.txt",
  "awk -F':' -v OFS=, '{$2=\"\"; print}' passwd.txt",
  "awk 'BEGIN{FS=\":\"} $3 >= 1 {n++} END {print n, NR}' passwd.txt",
  "awk '{print NR \": \" NF}' pods.txt",
  "awk 'END {print $0}' pods.txt",
  "awk '{s += $1; p *= 2} END {print s, s/NR, p}' nums.txt",
  "awk '{print $1 + $2, $1 * $2, $1 / 3, $1 % 3, -$1, $1^2}' nums.txt",
  "awk '{print ($1 > $2), ($1 < 5), ($2 == \"x\")}' nums.txt",
  "awk '{printf \"%-10s|%5.2f|%d|%x|%e\\n\", $1, $2, $1, $1 < 0 ? 0 : $1, $2}' nums.txt",
  "awk 'BEGIN {printf \"%s %c %c %5s %-5s| %05d %+d %.3s\\n\", \"str\", 65, \"hello\", \"ab\", \"cd\", 42, 7, \"abcdef\"}'",
  "awk 'BEGIN {print 1e6, 1e10, 2^31, 2147483647, 0.1 + 0.2, 1/3, 100/4, -0, 3.0}'",
  "awk 'BEGIN {CONVFMT = \"%.2f\"; x = 3.14159; y = x \"\"; print y, x; OFMT = \"%.1f\"; print x, 10}'",
  "awk 'BEGIN {print length(\"hello\"), substr(\"hello\", 2, 3), substr(\"hello\", 0, 2), substr(\"hello\", -1), index(\"hello\", \"ll\"), toupper(\"abc\"), tolower(\"XyZ\")}'",
  "awk 'BEGIN {n = split(\"a,b,,c\", parts, \",\"); print n, parts[1], parts[3], parts[4]; m = split(\"  x  y \", w); print m, w[1], w[2]}'",
  "awk 'BEGIN {s = \"foo bar foo\"; n = gsub(/foo/, \"[&]\", s); print n, s; t = \"aaa\"; sub(/a/, \"\\\\&\", t); print t}'",
  "awk 'BEGIN {s = \"hello world\"; if (match(s, /o w/)) print RSTART, RLENGTH; print match(s, /z/), RSTART, RLENGTH}'",
  "awk '{ $3 = \"X\"; print; print NF }' pods.txt",
  "awk '{ $9 = \"new\"; print NF; print }' passwd.txt",
  "awk '{ NF = 2; print }' pods.txt",
  "awk 'BEGIN { OFS = \"-\" } { $1 = $1; print }' pods.txt",
  "awk '{ a[$3]++ } END { for (k in a) n++; print n, a[\"Running\"], a[\"Pending\"] }' pods.txt",
  "awk '{ count[$NF]++ } END { print count[\"kind-worker\"], (\"x\" in count), (\"kind-worker\" in count) }' pods.txt",
  "awk 'BEGIN { x[1,2] = 3; for (k in x) { split(k, p, SUBSEP); print p[1], p[2] } if ((1,2) in x) print \"yes\" }'",
  "awk 'BEGIN { i = 0; while (i < 3) { print i; i++ } do { print \"do\" i; i-- } while (i > 1) }'",
  "awk 'BEGIN { for (i = 0; i < 10; i++) { if (i == 2) continue; if (i == 5) break; print i } }'",
  "awk 'function max(a, b) { return a > b ? a : b } { m = max(m, $1 + 0) } END { print m }' nums.txt",
  "awk 'function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i * i } BEGIN { fill(sq, 4); print sq[3], length(sq) }'",
  "awk 'NR == 2, NR == 4' pods.txt",
  "awk '/redis/,/db/ {print NR}' pods.txt",
  "awk 'NR == 1 { next } { print $1 } NR == 3 { exit } END { print \"end\" }' pods.txt",
  "awk 'BEGIN { exit 3 } END { print \"end\" }'; echo $?",
  "awk '{ exit $1 }' nums.txt; echo $?",
  "awk 'BEGIN { RS = \"\" } { print NR \": \" $1 \"/\" NF }' para.txt",
  "awk 'BEGIN { getline; print \"first: \" $0; getline line; print \"second: \" line }' pods.txt",
  "awk 'BEGIN { while ((getline l < \"passwd.txt\") > 0) n++; print n }'",
  "awk '{ print > \"out.txt\" } END { close(\"out.txt\"); print \"done\" }' nums.txt; cat out.txt",
  "awk '{ print $1 | \"sort -n\" }' nums.txt",
  "awk -v name=vote 'index($1, name) == 1 { print $1 }' pods.txt",
  "awk '{ print x }' x=1 nums.txt x=2 nums.txt",
  "awk 'BEGIN { print ENVIRON[\"HOME\"] != \"\" }'",
  "awk 'BEGIN { printf \"%d %i %o %X %5.1e %g %G %g\\n\", \"12abc\", 3.9, 8, 255, 12345.678, 0.0001234, 1e-10, 123456789 }'",
  "awk 'BEGIN { print 1 \" \" 2, 1 2, 2 -1, \"a\" (1 < 2) }'",
  "awk 'BEGIN { x; print (x == 0), (x == \"\"), length(x); y = \"10\"; z = 9; print (y < z), (\"10\" < \"9\") }'",
  "echo '3.0 3' | awk '{ print ($1 == $2), $1, $1 + 0 }'",
  "echo 'a b c' | awk '{ $2 = \"\"; print; print NF }'",
  "echo '  lead  trail  ' | awk '{ print NF, \"[\" $1 \"]\" }'",
  "printf 'a:b\\n' | awk -F '' '{ print NF }'",
  "printf 'a\\tb c\\n' | awk -F'\\t' '{ print $2 }'",
  "printf 'a1b22c\\n' | awk -F'[0-9]+' '{ print $3, NF }'",
  "echo 'x' | awk '{ print 1/0 }'; echo $?",
  "awk 'BEGIN { printf \"%d %d\\n\", 1 }'; echo $?",
  "awk 'BEGIN { x' ; echo $?",
  "awk '{ print $ }' nums.txt; echo $?",
  "awk 'BEGIN { print f(1) }'; echo $?",
  "awk '{ print }' missing.txt; echo $?",
  "awk -z 1; echo $?",
];

describe.concurrent('awk against mawk', () => {
  for (const line of lines) {
    it.skipIf(!hasTool('mawk'))(line, async ({ expect }) => {
      expect(await runOurs(line, { files })).toEqual(await runReal(line, { files }));
    });
  }
});
