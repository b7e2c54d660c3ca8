// The resource types the simulated apiserver serves, as its discovery documents
// describe them. kubectl resolves names (`svc`, `deploy`, `endpointslices`) and
// error texts (`deployments.apps "x" not found`) from this table only.

export interface ResourceInfo {
  kind: string;
  /** plural resource name, as in URLs and error messages */
  plural: string;
  singular: string;
  shortNames: string[];
  /** '' for the core group */
  group: string;
  version: string;
  namespaced: boolean;
  /** members of the `all` category, in the server's category order */
  allOrder?: number;
}

export const RESOURCES: readonly ResourceInfo[] = [
  { kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], group: '', version: 'v1', namespaced: true },
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], group: '', version: 'v1', namespaced: true },
  { kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], group: '', version: 'v1', namespaced: true },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], group: '', version: 'v1', namespaced: false },
  { kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], group: '', version: 'v1', namespaced: false },
  { kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], group: '', version: 'v1', namespaced: true, allOrder: 0 },
  { kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], group: '', version: 'v1', namespaced: true, allOrder: 2 },
  { kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], group: 'apps', version: 'v1', namespaced: true, allOrder: 3 },
  { kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], group: 'apps', version: 'v1', namespaced: true, allOrder: 4 },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], group: 'apps', version: 'v1', namespaced: true, allOrder: 5 },
  { kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', shortNames: [], group: 'discovery.k8s.io', version: 'v1', namespaced: true },
];

const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** `deployments.apps`, `services`: how the apiserver names a resource in errors. */
export function qualifiedPlural(r: ResourceInfo): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** `deployment.apps`, `service`: the prefix kubectl prints before `/name`. */
export function qualifiedKind(r: ResourceInfo): string {
  const k = r.kind.toLowerCase();
  return r.group ? `${k}.${r.group}` : k;
}

/**
 * Resolve what a user typed (`svc`, `Services`, `deploy.apps`, `deployments.v1.apps`)
 * to a resource, the way kubectl's RESTMapper does: plural, singular, short name or
 * kind, case-insensitively, optionally qualified by group or version.group.
 */
export function resolveResource(typed: string): ResourceInfo | undefined {
  const lower = typed.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const qualifier = dot < 0 ? undefined : lower.slice(dot + 1);
  for (const r of RESOURCES) {
    const names = [r.plural, r.singular, r.kind.toLowerCase(), ...r.shortNames];
    if (!names.includes(name)) continue;
    if (qualifier === undefined) return r;
    if (qualifier === r.group || qualifier === `${r.version}.${r.group}` || (r.group === '' && qualifier === r.version)) return r;
  }
  return undefined;
}

/** Which (apiVersion, kind) pairs the server accepts in manifests. */
export function resourceForManifest(apiVersion: string, kind: string): ResourceInfo | undefined {
  const r = byKind.get(kind);
  if (!r || apiVersionOf(r) !== apiVersion) return undefined;
  return r;
}

/** `kubectl get all`: the members of the server's `all` category that we serve, in its order. */
export function allCategory(): ResourceInfo[] {
  return RESOURCES.filter((r) => r.allOrder !== undefined).sort((a, b) => (a.allOrder ?? 0) - (b.allOrder ?? 0));
}
