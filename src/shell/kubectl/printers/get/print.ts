// `kubectl get` output for one or more kinds: one table per kind with its own
// widths, a blank line only between tables that print something, and the
// "No resources found" message on stderr when nothing was printed at all.

import type { KubeObject } from '../../../../sim/api/types';
import { resourceForKind } from '../../../../sim/api/kinds';
import { endpointsTable } from './endpoints';
import { endpointSliceTable } from './endpointslices';
import { eventTable } from './events';
import { namespaceTable, nodeTable } from './nodes';
import { podTable } from './pods';
import { serviceTable } from './services';
import { RememberingTabWriter, GET_TABLE } from '../../../text/tabwriter';
import { kindPrefix, layoutTable, tableText, type KindTableConverter, type TableOptions } from './table';
import { daemonSetTable, deploymentTable, replicaSetTable } from './workloads';
import { configMapTable } from './configmaps';

const CONVERTERS: Record<string, KindTableConverter> = {
  Pod: podTable,
  Service: serviceTable,
  Endpoints: endpointsTable,
  EndpointSlice: endpointSliceTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  DaemonSet: daemonSetTable,
  ConfigMap: configMapTable,
  Node: nodeTable,
  Namespace: namespaceTable,
  Event: eventTable,
};

/** The kinds `printGetTables` has columns for. */
export function hasTableColumns(kind: string): boolean {
  return kind in CONVERTERS;
}

/** What one requested kind returned, in the apiserver's list order. */
export interface KindList {
  kind: string;
  items: KubeObject[];
}

export interface GetTableOptions extends Omit<TableOptions, 'withNamespace'> {
  /**
   * `-A`: a NAMESPACE column on every namespaced kind's table, and on every
   * table after one (kubectl's quirk: `get pods,nodes -A` gives nodes an empty NAMESPACE column).
   */
  allNamespaces?: boolean;
}

function isNamespaced(kind: string): boolean {
  return resourceForKind(kind)?.namespaced ?? true;
}

/**
 * The stdout of `kubectl get` in table form (default or `-o wide`) for the
 * requested kinds in request order. Kinds without rows print nothing.
 * `withKind` must be set when the request named more than one kind.
 */
export function printGetTables(lists: KindList[], opts: GetTableOptions, now: number): string {
  let out = '';
  // kubectl turns the NAMESPACE column on in printer flags it shares between
  // kinds, so once a namespaced kind was printed with -A, later cluster-scoped
  // kinds get the column too (empty). `get nodes,pods -A` vs `get pods,nodes -A`.
  let withNamespace = false;
  for (const { kind, items } of lists) {
    const converter = CONVERTERS[kind];
    if (!converter) throw new Error(`no table columns for kind ${kind}`);
    withNamespace = withNamespace || (!!opts.allNamespaces && isNamespaced(kind));
    const text = layoutTable(tableText(converter, kind, items, { ...opts, withNamespace }, now));
    if (text === '') continue;
    // kubectl separates tables by a blank line, except with --no-headers.
    if (out !== '' && !opts.noHeaders) out += '\n';
    out += text;
  }
  return out;
}

export interface GetResult {
  stdout: string;
  stderr: string;
}

export interface GetCommandOptions extends GetTableOptions {
  /** The namespace the request was for (`-n`, or the context's), named in "No resources found in …". */
  namespace: string;
  /** The request already failed for some kind (an error was printed): no "No resources found" then. */
  hadErrors?: boolean;
  /** `--ignore-not-found` also silences the message. */
  ignoreNotFound?: boolean;
}

/**
 * `kubectl get` in table form: the tables on stdout, or, when nothing at all was
 * printed, `No resources found in <ns> namespace.` (namespaced kinds without -A)
 * or `No resources found` on stderr. Exit status stays 0 either way.
 */
export function getTableOutput(lists: KindList[], opts: GetCommandOptions, now: number): GetResult {
  const stdout = printGetTables(lists, opts, now);
  if (stdout !== '' || opts.hadErrors || opts.ignoreNotFound) return { stdout, stderr: '' };
  const allNamespaced = !opts.allNamespaces && lists.every((l) => isNamespaced(l.kind));
  const stderr = allNamespaced ? `No resources found in ${opts.namespace} namespace.\n` : 'No resources found\n';
  return { stdout, stderr };
}

/** `pod/x`, `deployment.apps/vote`: how kubectl names an object in `-o name` and in success lines. */
export function printName(obj: KubeObject): string {
  return `${kindPrefix(obj.kind)}/${obj.metadata.name ?? ''}`;
}

/** `-o name`: one name per line. Nothing (and no message) when empty. */
export function printNames(objects: KubeObject[]): string {
  return objects.map((o) => `${printName(o)}\n`).join('');
}

/**
 * The server-side Table of some objects of one kind, as the apiserver sends it
 * to kubectl (all columns, wide ones with priority 1, cells not yet laid out).
 * Tests serve this to the real kubectl to check our layout against its own.
 */
export function serverTable(kind: string, objects: KubeObject[], now: number): { columns: { name: string; priority: number; format?: string }[]; rows: string[][] } {
  const converter = CONVERTERS[kind];
  if (!converter) throw new Error(`no table columns for kind ${kind}`);
  return {
    columns: converter.columns.map((c) => ({ name: c.name, priority: c.wide ? 1 : 0, ...(c.isName ? { format: 'name' } : {}) })),
    rows: objects.map((o) => converter.cells(o, now)),
  };
}

/** The printer of `kubectl get --watch` for one kind: the first listing, then one call per watch event. */
export interface WatchTablePrinter {
  /**
   * Rows for `items` (the initial list, or the object of one event), laid out
   * with the widths remembered from earlier calls. The header comes with the
   * first call that has rows; an empty initial list prints nothing.
   */
  print(items: KubeObject[], now: number): string;
}

/**
 * For a watch on one named object (`kubectl get pod x -w`) kubectl prints the
 * object, then skips the first watch event (the server's synthetic ADDED of
 * the same object): the caller does that skipping.
 */
export function createWatchTablePrinter(kind: string, opts: GetTableOptions): WatchTablePrinter {
  const converter = CONVERTERS[kind];
  if (!converter) throw new Error(`no table columns for kind ${kind}`);
  const writer = new RememberingTabWriter(GET_TABLE);
  const withNamespace = !!opts.allNamespaces && isNamespaced(kind);
  let headerPrinted = !!opts.noHeaders;
  return {
    print(items, now) {
      if (items.length === 0) return '';
      const text = tableText(converter, kind, items, { ...opts, withNamespace, noHeaders: headerPrinted }, now);
      headerPrinted = true;
      return writer.flush(text);
    },
  };
}
