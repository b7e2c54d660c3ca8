// A tiny terminal screen for unit tests: enough of VT100 to check what the
// line editor draws (autowrap with xterm's pending-wrap rule, CR, LF, cursor
// moves, erase). Rows grow without limit, so nothing scrolls away.

export class VtScreen {
  private rows: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;

  constructor(
    readonly cols: number,
    private readonly convertEol = true,
  ) {}

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const ch = data[i];
      if (ch === '\x1b' && data[i + 1] === '[') {
        let j = i + 2;
        while (j < data.length && !/[@-~]/.test(data[j])) j++;
        this.csi(data.slice(i + 2, j), data[j]);
        i = j + 1;
        continue;
      }
      if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.row++;
        if (this.convertEol) this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\x07') {
        // bell: nothing to draw
      } else {
        this.put(ch);
      }
      i++;
    }
  }

  /** Visible text, one string per row, right-trimmed; trailing empty rows dropped. */
  lines(): string[] {
    const out = this.rows.map((r) => Array.from({ length: r.length }, (_, k) => r[k] ?? ' ').join('').trimEnd());
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  }

  text(): string {
    return this.lines().join('\n');
  }

  private line(r: number): string[] {
    while (this.rows.length <= r) this.rows.push([]);
    return this.rows[r];
  }

  private put(ch: string): void {
    if (this.pendingWrap) {
      this.row++;
      this.col = 0;
      this.pendingWrap = false;
    }
    this.line(this.row)[this.col] = ch;
    if (this.col === this.cols - 1) this.pendingWrap = true;
    else this.col++;
  }

  private csi(params: string, final: string): void {
    const n = params === '' ? 1 : Number(params.split(';')[0]);
    this.pendingWrap = false;
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        break;
      case 'B':
        this.row += n;
        this.line(this.row);
        break;
      case 'C':
        this.col = Math.min(this.cols - 1, this.col + n);
        break;
      case 'D':
        this.col = Math.max(0, this.col - n);
        break;
      case 'H':
        this.row = 0;
        this.col = 0;
        break;
      case 'K':
        this.line(this.row).length = Math.min(this.line(this.row).length, this.col);
        break;
      case 'J':
        if (params === '2' || params === '3') {
          this.rows = this.rows.map(() => []);
        } else {
          this.line(this.row).length = Math.min(this.line(this.row).length, this.col);
          this.rows.length = this.row + 1;
        }
        break;
      default:
        throw new Error(`VtScreen: unsupported CSI ${JSON.stringify(params + final)}`);
    }
  }
}
