// kubectl get: resolve the request, read from the API store, print tables,
// names, YAML/JSON or a JSONPath template; not-found names are reported after
// the output, as kubectl aggregates errors.

import type { KubeObject } from '../../../sim/api/types';
import { notFound } from '../../../sim/api/errors';
import { qualifiedPlural, type ResourceInfo } from '../../../sim/api/kinds';
import { parseSelectorString, SelectorParseError } from '../../../sim/api/selectors';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, errorText } from '../errors';
import { parseResourceArgs } from '../resources';
import { getTableOutput, printNames, type KindList } from '../printers';
import { parseOutputFormat, printObjects } from '../output';
import { objectsFromFiles } from './files';
import { oneKindOnly, watchGet } from './get-watch';

export const getFlags: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'stringSlice' },
  { name: 'no-headers', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'sort-by', type: 'string' },
  { name: 'chunk-size', type: 'int' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'template', type: 'string' },
];

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

/** `--field-selector metadata.name=x,status.phase!=Running` for the fields kubectl users filter on. */
function fieldFilter(expr: string): (o: KubeObject) => boolean {
  if (!expr) return () => true;
  const reqs = expr.split(',').map((part) => {
    const m = /^([A-Za-z.]+)(==|!=|=)(.*)$/.exec(part.trim());
    if (!m) throw new KubectlError(`error: invalid selector: '${expr}'; can't understand '${part}'`);
    return { path: m[1].split('.'), neg: m[2] === '!=', value: m[3] };
  });
  return (o) =>
    reqs.every((r) => {
      let v: unknown = o;
      for (const p of r.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
      const s = v === undefined || v === null ? '' : String(v);
      return r.neg ? s !== r.value : s === r.value;
    });
}

export async function runGet(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const format = parseOutputFormat(f.str('output'));
  let selector;
  try {
    selector = f.str('selector') ? parseSelectorString(f.str('selector')) : undefined;
  } catch (e) {
    if (e instanceof SelectorParseError) throw new KubectlError(`error: ${e.message}`);
    throw e;
  }
  const allNs = f.bool('all-namespaces');
  const byField = fieldFilter(f.str('field-selector'));
  const errors: string[] = [];
  const lists: KindList[] = [];
  let multipleKinds = false;
  let singleNamed = false;

  if (f.list('filename').length) {
    const objs = objectsFromFiles(env, f.list('filename'), f.bool('recursive'));
    const byKind = new Map<string, KubeObject[]>();
    for (const o of objs) {
      const info = env.store.info(o.kind);
      const ns = info.namespaced ? o.metadata.namespace || env.namespace : undefined;
      const live = env.store.get(o.kind, ns, o.metadata.name!);
      if (!live) {
        errors.push(errorText(notFound(qualifiedPlural(info), o.metadata.name!)));
        continue;
      }
      byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), live]);
    }
    for (const [kind, items] of byKind) lists.push({ kind, items });
    multipleKinds = byKind.size > 1;
    singleNamed = objs.length === 1;
  } else {
    if (f.args.length === 0) throw new KubectlError(NO_TYPE);
    const req = parseResourceArgs(f.args);
    multipleKinds = req.multipleKinds;
    const namedCount = [...req.names.values()].reduce((n, l) => n + l.length, 0);
    singleNamed = req.types.length === 1 && namedCount === 1;
    req.types.forEach((r: ResourceInfo, i) => {
      const names = req.names.get(i);
      const ns = r.namespaced ? (allNs && !names ? undefined : env.namespace) : undefined;
      if (names) {
        const items: KubeObject[] = [];
        for (const n of names) {
          const o = env.store.get(r.kind, ns, n);
          if (o) items.push(o);
          else if (!f.bool('ignore-not-found')) errors.push(errorText(notFound(qualifiedPlural(r), n)));
        }
        lists.push({ kind: r.kind, items });
      } else {
        const items = env.store.list(r.kind, { namespace: ns, labelSelector: selector }).filter(byField);
        lists.push({ kind: r.kind, items });
      }
    });
  }
  if (f.str('sort-by')) {
    const path = f.str('sort-by').replace(/^\{?\.?/, '').replace(/\}$/, '').split('.');
    const key = (o: KubeObject) => {
      let v: unknown = o;
      for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
      return v;
    };
    for (const l of lists) {
      l.items = [...l.items].sort((a, b) => {
        const x = key(a);
        const y = key(b);
        if (typeof x === 'number' && typeof y === 'number') return x - y;
        return String(x ?? '') < String(y ?? '') ? -1 : String(x ?? '') > String(y ?? '') ? 1 : 0;
      });
    }
  }

  const all = lists.flatMap((l) => l.items);
  if (f.bool('watch') || f.bool('watch-only')) {
    for (const e of errors) env.err(`${e}\n`);
    if (errors.length) return 1;
    oneKindOnly(lists.length);
    const req = f.args.length ? parseResourceArgs(f.args) : undefined;
    const named = req?.names.get(0);
    return watchGet(env, lists[0].items, {
      kind: lists[0].kind,
      namespace: allNs ? undefined : env.namespace,
      name: named?.length === 1 ? named[0] : undefined,
      selector,
      format,
      showKind: multipleKinds || f.bool('show-kind'),
      allNamespaces: allNs,
      showLabels: f.bool('show-labels'),
      labelColumns: f.list('label-columns'),
      noHeaders: f.bool('no-headers'),
      watchOnly: f.bool('watch-only'),
    });
  }
  if (format.kind === 'table') {
    const res = getTableOutput(
      lists,
      {
        wide: format.wide,
        allNamespaces: allNs,
        withKind: multipleKinds || f.bool('show-kind'),
        showLabels: f.bool('show-labels'),
        labelColumns: f.list('label-columns'),
        noHeaders: f.bool('no-headers'),
        namespace: env.namespace,
        hadErrors: errors.length > 0,
      },
      env.now(),
    );
    env.out(res.stdout);
    env.err(res.stderr);
  } else if (format.kind === 'name') {
    env.out(printNames(all));
  } else {
    const single = singleNamed && all.length === 1;
    if (all.length > 0 || !singleNamed) env.out(printObjects(format, single ? all[0] : undefined, all, { allowMissingKeys: f.bool('allow-missing-template-keys', true) }));
  }
  for (const e of errors) env.err(`${e}\n`);
  return errors.length ? 1 : 0;
}
