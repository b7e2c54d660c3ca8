import { describe, expect, it } from 'vitest';
import { DESCRIBE, GET_TABLE, RememberingTabWriter, tableCell, tabwrite } from './tabwriter';

describe('tabwrite with get settings (minwidth 6, padding 3)', () => {
  it('pads every cell but the last to the widest cell + 3', () => {
    const text = 'NAME\tREADY\tSTATUS\nvote-6c8b9d7f5d-7lq9m\t1/1\tRunning\n';
    expect(tabwrite(text, GET_TABLE)).toBe('NAME                    READY   STATUS\nvote-6c8b9d7f5d-7lq9m   1/1     Running\n');
  });

  it('never makes a column narrower than 6, and never pads the last cell', () => {
    expect(tabwrite('A\tB\nx\ty\n', GET_TABLE)).toBe('A     B\nx     y\n');
  });

  it('pads an empty middle cell like any other', () => {
    expect(tabwrite('NAME\tENDPOINTS\tAGE\nresult\t\t12m\n', GET_TABLE)).toBe('NAME     ENDPOINTS   AGE\nresult               12m\n');
  });

  it('measures width in code points, not bytes or UTF-16 units', () => {
    expect(tabwrite('ab\tx\né日本\ty\n😀\tz\n', { minWidth: 0, padding: 1 })).toBe('ab  x\né日本 y\n😀   z\n');
  });

  it('keeps a missing final newline missing', () => {
    expect(tabwrite('a\tb\nc\td', GET_TABLE)).toBe('a     b\nc     d');
  });
});

describe('tabwrite with describe settings (minwidth 0, padding 2): column blocks', () => {
  it('aligns only consecutive lines that have a cell in the column', () => {
    const text = ['Name:\tvote\n', 'Namespace:\tinstavote\n', 'IPs:\n', '  IP:\t10.244.1.5\n', 'Controlled By:\tReplicaSet/vote-6c8b9d7f5d\n', 'Containers:\n'].join('');
    expect(tabwrite(text, DESCRIBE)).toBe(
      ['Name:       vote', 'Namespace:  instavote', 'IPs:', '  IP:           10.244.1.5', 'Controlled By:  ReplicaSet/vote-6c8b9d7f5d', 'Containers:', ''].join('\n'),
    );
  });

  it('pads a key whose value is empty, so the line ends in spaces', () => {
    // `Session Affinity:` is 17 wide, so the column is 19 and `Endpoints:` (10) gets 9 spaces.
    expect(tabwrite('Endpoints:\t\nSession Affinity:\tNone\n', DESCRIBE)).toBe(`Endpoints:${' '.repeat(9)}\nSession Affinity:  None\n`);
  });

  it('gives a second column its own blocks inside the first column block', () => {
    // Port and NodePort have a second tab; TargetPort (one tab) between them splits the second column.
    const text = 'Port:\thttp\t80/TCP\nTargetPort:\t8080/TCP\nNodePort:\thttp-longer\t30080/TCP\n';
    expect(tabwrite(text, DESCRIBE)).toBe('Port:        http  80/TCP\nTargetPort:  8080/TCP\nNodePort:    http-longer  30080/TCP\n');
  });

  it('keeps text written after the last tab exactly, including trailing spaces', () => {
    expect(tabwrite('  Type\tStatus\n  Ready \tTrue \n', DESCRIBE)).toBe('  Type    Status\n  Ready   True \n');
  });

  it('starts over after a line without tabs', () => {
    expect(tabwrite('a:\t1\nlonger key:\t2\n\nb:\t3\n', DESCRIBE)).toBe(`a:${' '.repeat(11)}1\nlonger key:  2\n\nb:  3\n`);
  });
});

describe('tableCell', () => {
  it('cuts a cell at a newline, carriage return or form feed and appends ...', () => {
    expect(tableCell('first line\nsecond')).toBe('first line...');
    expect(tableCell('a\rb')).toBe('a...');
    expect(tableCell('a\fb')).toBe('a...');
    expect(tableCell('plain')).toBe('plain');
  });

  it('shows ESC as ^[ so cells cannot drive the terminal', () => {
    expect(tableCell('x\x1b[31my')).toBe('x^[[31my');
  });
});

describe('RememberingTabWriter (kubectl get --watch)', () => {
  it('keeps every column at least as wide as in earlier flushes, and widens it for later ones', () => {
    const w = new RememberingTabWriter(GET_TABLE);
    expect(w.flush('NAME\tSTATUS\tAGE\np\tRunning\t12m\n')).toBe('NAME   STATUS    AGE\np      Running   12m\n');
    expect(w.flush('a-long-name\tPending\t1s\n')).toBe('a-long-name   Pending   1s\n');
    expect(w.flush('q\tRunning\t2s\n')).toBe('q             Running   2s\n');
  });

  it('forgets nothing between flushes but starts empty', () => {
    expect(new RememberingTabWriter(GET_TABLE).flush('q\tRunning\t2s\n')).toBe('q     Running   2s\n');
  });
});
