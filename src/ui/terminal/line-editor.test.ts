import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor';
import { splitKeys } from './keys';

function type(ed: LineEditor, data: string): string[] {
  return splitKeys(data).map((k) => ed.handle(k));
}

describe('LineEditor editing', () => {
  it('inserts at the cursor and moves with arrows, Home and End', () => {
    const ed = new LineEditor();
    type(ed, 'kubectl get po\x1b[D\x1b[DX');
    expect(ed.buffer).toBe('kubectl get Xpo');
    type(ed, '\x01#\x05!');
    expect(ed.buffer).toBe('#kubectl get Xpo!');
    expect(ed.cursor).toBe(ed.buffer.length);
  });

  it('backspace and delete remove around the cursor and stop at the edges', () => {
    const ed = new LineEditor();
    type(ed, 'abc\x1b[D\x7f');
    expect([ed.buffer, ed.cursor]).toEqual(['ac', 1]);
    type(ed, '\x1b[3~');
    expect([ed.buffer, ed.cursor]).toEqual(['a', 1]);
    expect(type(ed, '\x1b[3~')).toEqual(['none']);
    type(ed, '\x01');
    expect(type(ed, '\x7f')).toEqual(['none']);
  });

  it('Ctrl-U, Ctrl-K and Ctrl-W kill like readline, Ctrl-Y yanks back', () => {
    const ed = new LineEditor();
    type(ed, 'kubectl get  pods -o wide');
    type(ed, '\x17');
    expect(ed.buffer).toBe('kubectl get  pods -o ');
    type(ed, '\x17\x17');
    expect(ed.buffer).toBe('kubectl get  ');
    type(ed, '\x19');
    expect(ed.buffer).toBe('kubectl get  pods -o wide');
    type(ed, '\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x0b');
    expect(ed.buffer).toBe('kubectl get  pods');
    type(ed, '\x1b[D\x1b[D\x15');
    expect([ed.buffer, ed.cursor]).toEqual(['ds', 0]);
    // A movement ends the run of kills: the next yank gives only the last kill.
    type(ed, '\x19');
    expect(ed.buffer).toBe('kubectl get  pods');
  });

  it('Alt-Backspace and Alt-B/F use alphanumeric words', () => {
    const ed = new LineEditor();
    type(ed, 'app=vote,role');
    type(ed, '\x1b\x7f');
    expect(ed.buffer).toBe('app=vote,');
    type(ed, '\x1bb');
    expect(ed.cursor).toBe(4);
    type(ed, '\x1bf');
    expect(ed.cursor).toBe(8);
  });

  it('reports submit, complete, interrupt, clear and eof without changing the line', () => {
    const ed = new LineEditor();
    expect(type(ed, '\x04')).toEqual(['eof']);
    type(ed, 'ls');
    expect(type(ed, '\t\x03\x0c\r')).toEqual(['complete', 'interrupt', 'clearScreen', 'submit']);
    expect(ed.buffer).toBe('ls');
    expect(type(ed, '\x01\x04')).toEqual(['changed', 'changed']);
    expect(ed.buffer).toBe('s');
  });

  it('ignores unknown escape sequences and control bytes', () => {
    const ed = new LineEditor();
    expect(type(ed, '\x1b[15~\x07')).toEqual(['none', 'none']);
    expect(ed.buffer).toBe('');
  });
});

describe('LineEditor history', () => {
  it('walks history with up/down and restores the draft at the bottom', () => {
    const ed = new LineEditor();
    for (const line of ['one', 'two', 'two', '  ', 'three']) ed.remember(line);
    expect(ed.entries()).toEqual(['one', 'two', 'three']);
    ed.newLine();
    type(ed, 'dra');
    type(ed, '\x1b[A');
    expect(ed.buffer).toBe('three');
    type(ed, '\x1b[A\x1b[A');
    expect(ed.buffer).toBe('one');
    expect(type(ed, '\x1b[A')).toEqual(['none']);
    type(ed, '\x1b[B\x1b[B\x1b[B');
    expect(ed.buffer).toBe('dra');
    expect(type(ed, '\x1b[B')).toEqual(['none']);
  });

  it('starts at the bottom again after a new line', () => {
    const ed = new LineEditor();
    ed.remember('a');
    ed.remember('b');
    type(ed, '\x1b[A\x1b[A');
    expect(ed.buffer).toBe('a');
    ed.newLine();
    type(ed, '\x10');
    expect(ed.buffer).toBe('b');
  });
});
