// Elastic tabstops with the semantics of Go's text/tabwriter, which kubectl uses
// for every table (`get`) and for `describe`.
//
// The model: text is a sequence of lines; each line is a sequence of cells, and
// a cell is *terminated* by a tab. The text after a line's last tab is the line's
// trailing cell: it never belongs to a column and is never padded. A column is
// formatted in blocks: consecutive lines that all have a tab-terminated cell in
// that column share one width (widest cell + padding, at least minWidth). A line
// without a cell in the column ends the block, so alignment restarts below it.
// Inside a block the same rule applies recursively to the next column.
//
// Widths count Unicode code points, as Go counts runes. Only the flags kubectl
// uses (none) are implemented: left alignment, space padding, no escapes.

export interface TabWriterOptions {
  /** Minimum width of a column, padding included. */
  minWidth: number;
  /** Added to the widest cell of a column. */
  padding: number;
}

/** `kubectl get`: printers.GetNewTabWriter (minwidth 6, padding 3). */
export const GET_TABLE: TabWriterOptions = { minWidth: 6, padding: 3 };

/** `kubectl describe`: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0). */
export const DESCRIBE: TabWriterOptions = { minWidth: 0, padding: 2 };

interface Line {
  /** All cells, the trailing one included (possibly empty). */
  cells: string[];
  /** Rune widths of `cells`. */
  widths: number[];
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Code points: UTF-16 length minus one per surrogate pair. */
function runeLength(s: string): number {
  let pairs = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      pairs = (s.match(SURROGATE_PAIR) ?? []).length;
      break;
    }
  }
  return s.length - pairs;
}

const PADS: string[] = [];

function pad(n: number): string {
  if (n <= 0) return '';
  return (PADS[n] ??= ' '.repeat(n));
}

function splitLines(text: string): { lines: Line[]; endsWithNewline: boolean } {
  const raw = text.split('\n');
  const endsWithNewline = raw.length > 1 && raw[raw.length - 1] === '';
  if (endsWithNewline) raw.pop();
  const lines = raw.map((l) => {
    const cells = l.split('\t');
    return { cells, widths: cells.map(runeLength) };
  });
  return { lines, endsWithNewline };
}

/**
 * Lay out `text` (cells separated by `\t`, lines by `\n`) the way Go's
 * tabwriter would write it. A missing final newline stays missing.
 */
export function tabwrite(text: string, opts: TabWriterOptions): string {
  return layout(text, opts, undefined);
}

/**
 * A tab writer that is flushed several times, like the one of `kubectl get
 * --watch`: with cli-runtime's RememberWidths flag, each column is at least as
 * wide as it was in earlier flushes, so later rows stay aligned with the first
 * listing (and widen the column for the rows after them when they are longer).
 */
export class RememberingTabWriter {
  private readonly remembered: number[] = [];

  constructor(private readonly opts: TabWriterOptions) {}

  /** Lay out one flush worth of text. */
  flush(text: string): string {
    return layout(text, this.opts, this.remembered);
  }
}

function layout(text: string, opts: TabWriterOptions, remembered: number[] | undefined): string {
  if (text === '') return '';
  const { lines, endsWithNewline } = splitLines(text);
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const line = lines[i];
      const last = line.cells.length - 1;
      if (last === 0) {
        out.push(line.cells[0]);
        continue;
      }
      let s = '';
      for (let j = 0; j < last; j++) {
        // Only tab-terminated cells have a width in `widths`; the trailing cell never does.
        s += j < widths.length ? line.cells[j] + pad(widths[j] - line.widths[j]) : line.cells[j];
      }
      out.push(s + line.cells[last]);
    }
  };

  // Format the lines [line0, line1) for the column `widths.length`.
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    let start = line0;
    let i = line0;
    while (i < line1) {
      if (column >= lines[i].cells.length - 1) {
        i++;
        continue;
      }
      // A block of lines with a cell in this column begins at i.
      writeLines(start, i);
      const blockStart = i;
      let width = opts.minWidth;
      for (; i < line1; i++) {
        const line = lines[i];
        if (column >= line.cells.length - 1) break;
        width = Math.max(width, line.widths[column] + opts.padding);
      }
      if (remembered) {
        // Widths are remembered per column index, across blocks and flushes.
        if (column < remembered.length) width = Math.max(width, remembered[column]);
        remembered[column] = width;
      }
      widths.push(width);
      format(blockStart, i);
      widths.pop();
      start = i;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/**
 * A `get` table cell as kubectl writes it: cut at the first newline, carriage
 * return or form feed (which the tabwriter would treat as a line break) with
 * `...` appended, and ESC shown as `^[` so objects cannot drive the terminal.
 */
export function tableCell(value: string): string {
  if (!/[\n\r\f\x1b]/.test(value)) return value;
  const cut = value.search(/[\n\r\f]/);
  const text = cut >= 0 ? value.slice(0, cut) : value;
  return text.replace(/\x1b/g, '^[') + (cut >= 0 ? '...' : '');
}
