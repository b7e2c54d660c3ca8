// Draws "prompt + input line" on a terminal that wraps long lines, and keeps
// track of where the cursor is, so the line can be redrawn in place after every
// edit. Positions are linear offsets from the first cell of the prompt; a row is
// `cols` cells wide. Every character is assumed to be one cell wide.

const CSI = '\x1b[';

/** Visible width of a prompt: escape sequences (colours, titles) take no cells. */
export function visibleWidth(text: string): number {
  // CSI sequences, then OSC sequences ended by BEL or ST.
  const plain = text.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '');
  return Array.from(plain).length;
}

export class LineRenderer {
  /** Linear offset of the terminal cursor from the start of the prompt. */
  private offset = 0;
  private promptText = '';
  private promptWidth = 0;

  constructor(private cols: number) {}

  resize(cols: number): void {
    this.cols = Math.max(1, cols);
  }

  /** Start a new line with `prompt` at the current (column 0) cursor position. */
  begin(prompt: string, buffer: string, cursor: number): string {
    this.promptText = prompt;
    this.promptWidth = visibleWidth(prompt);
    this.offset = 0;
    return this.draw(buffer, cursor);
  }

  /** Redraw prompt and buffer in place, leaving the cursor at `cursor`. */
  redraw(buffer: string, cursor: number): string {
    return this.toStart() + CSI + 'J' + this.draw(buffer, cursor);
  }

  /** Move the cursor past the end of the line and onto a fresh row (Enter, Ctrl-C). */
  finish(buffer: string, suffix = ''): string {
    const end = this.promptWidth + buffer.length;
    return this.moveBetween(this.offset, end) + suffix + '\r\n';
  }

  private draw(buffer: string, cursor: number): string {
    let out = this.promptText + buffer;
    const end = this.promptWidth + buffer.length;
    if (end > 0 && end % this.cols === 0) {
      // The terminal now waits with a pending wrap at the last column. Force
      // the wrap so the cursor really sits at the start of the next row.
      out += ' \r' + CSI + 'K';
    }
    this.offset = end;
    const target = this.promptWidth + cursor;
    out += this.moveBetween(end, target);
    this.offset = target;
    return out;
  }

  private toStart(): string {
    const up = Math.floor(this.offset / this.cols);
    this.offset = 0;
    return '\r' + (up > 0 ? `${CSI}${up}A` : '');
  }

  private moveBetween(from: number, to: number): string {
    if (from === to) return '';
    const rowDelta = Math.floor(to / this.cols) - Math.floor(from / this.cols);
    const col = to % this.cols;
    let out = '';
    if (rowDelta < 0) out += `${CSI}${-rowDelta}A`;
    if (rowDelta > 0) out += `${CSI}${rowDelta}B`;
    out += '\r';
    if (col > 0) out += `${CSI}${col}C`;
    this.offset = to;
    return out;
  }
}

/** Lay out completion candidates in columns, filled top to bottom, as bash lists them. */
export function formatColumns(items: readonly string[], cols: number): string[] {
  if (items.length === 0) return [];
  const width = Math.max(...items.map((s) => Array.from(s).length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item === undefined) continue;
      line += item.padEnd(width);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
