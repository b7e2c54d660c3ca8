// The resource arguments of get / describe / delete / label / scale:
// `pods`, `pods,svc`, `all`, `pod/vote`, `deploy vote redis`.

import { allCategory, resolveResource, type ResourceInfo } from '../../sim/api/kinds';
import { KubectlError } from './errors';

export interface ResourceRequest {
  /** Kinds in request order. */
  types: ResourceInfo[];
  /** Names per type index (empty: all of that type). */
  names: Map<number, string[]>;
  /** Did the request name more than one kind (drives `kind/` prefixes)? */
  multipleKinds: boolean;
}

export function unknownType(typed: string): KubectlError {
  return new KubectlError(`error: the server doesn't have a resource type "${typed}"`);
}

function resolveTypes(list: string): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const t of list.split(',')) {
    if (t === '') continue;
    if (t.toLowerCase() === 'all') {
      out.push(...allCategory());
      continue;
    }
    const r = resolveResource(t);
    if (!r) throw unknownType(t);
    out.push(r);
  }
  return out;
}

/** Parse the positional arguments the way kubectl's resource builder does. */
export function parseResourceArgs(args: string[]): ResourceRequest {
  if (args.length === 0) return { types: [], names: new Map(), multipleKinds: false };
  if (args.some((a) => a.includes('/'))) {
    // TYPE/NAME form: every argument must have a slash.
    const types: ResourceInfo[] = [];
    const names = new Map<number, string[]>();
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) {
        throw new KubectlError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      }
      const typed = a.slice(0, slash);
      const name = a.slice(slash + 1);
      const r = resolveResource(typed);
      if (!r) throw unknownType(typed);
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      let idx = types.findIndex((t) => t.kind === r.kind);
      if (idx < 0) {
        idx = types.length;
        types.push(r);
      }
      names.set(idx, [...(names.get(idx) ?? []), name]);
    }
    return { types, names, multipleKinds: types.length > 1 };
  }
  const types = resolveTypes(args[0]);
  const names = new Map<number, string[]>();
  const rest = args.slice(1);
  if (rest.length) types.forEach((_, i) => names.set(i, rest));
  const multipleKinds = args[0].includes(',') || args[0].toLowerCase() === 'all';
  return { types, names, multipleKinds };
}
