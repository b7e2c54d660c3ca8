// Builds describe text the way kubectl's PrefixWriter does: each write is
// indented by its level (2 spaces per level) and may contain tabs and
// newlines; the whole text is laid out once at the end with describe's
// tabwriter settings, so alignment follows the column-block rules.

import { DESCRIBE, tabwrite } from '../../../text/tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class DescribeWriter {
  private readonly parts: string[] = [];

  /** Write `text` (tabs separate cells, `\n` ends lines) indented by `level`. */
  write(level: number, text: string): void {
    this.parts.push('  '.repeat(level) + text);
  }

  /** Write `text` and end the line, without indentation. */
  line(text: string): void {
    this.parts.push(text + '\n');
  }

  /** The laid-out text. */
  toString(): string {
    return tabwrite(this.parts.join(''), DESCRIBE);
  }
}
