import { describe, expect, it } from 'vitest';
import { formatColumns, LineRenderer, visibleWidth } from './line-render';
import { VtScreen } from './testing/vt-screen';

describe('visibleWidth', () => {
  it('ignores colour and title escapes', () => {
    expect(visibleWidth('\x1b[01;32mroot@host\x1b[00m:~# ')).toBe(13);
    expect(visibleWidth('\x1b]0;title\x07$ ')).toBe(2);
  });
});

describe('LineRenderer', () => {
  it('redraws a line in place and leaves the cursor where the editor has it', () => {
    const screen = new VtScreen(40);
    const r = new LineRenderer(40);
    screen.write('old output\r\n');
    screen.write(r.begin('$ ', 'kubectl', 7));
    screen.write(r.redraw('kubectl get', 3));
    expect(screen.lines()).toEqual(['old output', '$ kubectl get']);
    expect([screen.row, screen.col]).toEqual([1, 5]);
    screen.write(r.redraw('ku', 2));
    expect(screen.lines()).toEqual(['old output', '$ ku']);
  });

  it('handles lines that wrap, including one that ends exactly at the margin', () => {
    const screen = new VtScreen(10);
    const r = new LineRenderer(10);
    screen.write(r.begin('$ ', '12345678', 8));
    // 10 cells exactly: the cursor must sit at the start of the next row.
    expect(screen.lines()).toEqual(['$ 12345678']);
    expect([screen.row, screen.col]).toEqual([1, 0]);
    screen.write(r.redraw('12345678901234', 3));
    expect(screen.lines()).toEqual(['$ 12345678', '901234']);
    expect([screen.row, screen.col]).toEqual([0, 5]);
    screen.write(r.redraw('123', 1));
    expect(screen.lines()).toEqual(['$ 123']);
    expect([screen.row, screen.col]).toEqual([0, 3]);
  });

  it('finish moves below a wrapped line before the newline', () => {
    const screen = new VtScreen(10);
    const r = new LineRenderer(10);
    screen.write(r.begin('$ ', 'abcdefghijkl', 0));
    screen.write(r.finish('abcdefghijkl', '^C'));
    screen.write('next');
    expect(screen.lines()).toEqual(['$ abcdefgh', 'ijkl^C', 'next']);
  });
});

describe('formatColumns', () => {
  it('fills columns top to bottom like bash', () => {
    const items = ['configmaps', 'deployments', 'endpoints', 'namespaces', 'nodes'];
    expect(formatColumns(items, 40)).toEqual(['configmaps   endpoints    nodes', 'deployments  namespaces']);
  });

  it('uses one column when items are wider than the terminal', () => {
    expect(formatColumns(['aaaa', 'bb'], 3)).toEqual(['aaaa', 'bb']);
    expect(formatColumns([], 80)).toEqual([]);
  });
});
