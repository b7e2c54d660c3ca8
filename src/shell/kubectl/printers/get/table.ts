// The server-side table model (what the apiserver's table convertor returns for
// `kubectl get`) and kubectl's layout of it: optional NAMESPACE column, kind
// prefix on names, -L and --show-labels columns, wide columns, headers.

import type { KubeObject } from '../../../../sim/api/types';
import { resourceForKind, qualifiedKind } from '../../../../sim/api/kinds';
import { GET_TABLE, tableCell, tabwrite } from '../../../text/tabwriter';
import { formatLabels } from '../labels';

export interface ColumnDef {
  /** As the server names it (`Port(s)`, `Nominated Node`); kubectl upper-cases it. */
  name: string;
  /** Priority 1: shown only with `-o wide`. */
  wide?: boolean;
  /** The column with format `name`, which gets the kind prefix. */
  isName?: boolean;
}

/** One kind's table convertor: its columns and the cells of one object (wide cells included). */
export interface KindTableConverter {
  columns: ColumnDef[];
  cells(obj: KubeObject, now: number): string[];
}

export interface TableOptions {
  /** `-o wide`. */
  wide?: boolean;
  /** Put a NAMESPACE column first (set by the caller for `-A` on namespaced kinds only). */
  withNamespace?: boolean;
  /** Prefix names with `kind[.group]/` (the request named more than one kind). */
  withKind?: boolean;
  /** `--show-labels`. */
  showLabels?: boolean;
  /** `-L key1,key2`: one column per key. */
  labelColumns?: string[];
  /** `--no-headers`. */
  noHeaders?: boolean;
}

/** `-L app.kubernetes.io/name` makes the column `NAME`: the upper-cased last path segment. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/** `deployment.apps`, `pod`: the prefix kubectl uses for names and for `-o name`. */
export function kindPrefix(kind: string): string {
  const info = resourceForKind(kind);
  return info ? qualifiedKind(info) : kind.toLowerCase();
}

/**
 * The text one kind's table contributes, before tab layout: header and rows with
 * cells separated by tabs. Empty when there are no rows (kubectl prints no header then).
 */
export function tableText(converter: KindTableConverter, kind: string, objects: KubeObject[], opts: TableOptions, now: number): string {
  if (objects.length === 0) return '';
  const shown = converter.columns.map((c) => !c.wide || !!opts.wide);
  const lines: string[] = [];
  if (!opts.noHeaders) {
    const header: string[] = [];
    if (opts.withNamespace) header.push('NAMESPACE');
    converter.columns.forEach((c, i) => shown[i] && header.push(c.name.toUpperCase()));
    for (const key of opts.labelColumns ?? []) header.push(labelHeader(key));
    if (opts.showLabels) header.push('LABELS');
    lines.push(header.join('\t'));
  }
  const nameIndex = opts.withKind ? converter.columns.findIndex((c) => c.isName) : -1;
  const prefix = kindPrefix(kind);
  for (const obj of objects) {
    const cells = converter.cells(obj, now);
    if (nameIndex >= 0) cells[nameIndex] = `${prefix}/${cells[nameIndex]}`;
    const row: string[] = [];
    if (opts.withNamespace) row.push(obj.metadata.namespace ?? '');
    cells.forEach((cell, i) => shown[i] && row.push(cell));
    const labels = obj.metadata.labels ?? {};
    for (const key of opts.labelColumns ?? []) row.push(labels[key] ?? '');
    if (opts.showLabels) row.push(formatLabels(labels));
    lines.push(row.map(tableCell).join('\t'));
  }
  return lines.join('\n') + '\n';
}

/** One kind's table laid out with kubectl's get tabwriter settings. */
export function layoutTable(text: string): string {
  return tabwrite(text, GET_TABLE);
}
