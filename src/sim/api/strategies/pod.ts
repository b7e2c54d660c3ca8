// The Pod registry plus the admission plugins every kubeadm/kind cluster runs:
// ServiceAccount (default account and the projected kube-api-access volume),
// DefaultTolerationSeconds, Priority. Defaults are the v1 API's.

import { cloneJson } from '../../core/clone';
import type { Container, Pod, PodSpec, PodTemplateSpec } from '../types';
import type { KindStrategy } from '../store';
import { DNS1123_LABEL_MSG } from '../store';
import type { FieldError } from '../errors';
import type { Rng } from '../../core/rng';
import { randomSuffix } from '../../core/ids';
import { PORT_RANGE_MSG } from './service';

/** `nginx`, `nginx:latest` -> Always; a pinned tag or digest -> IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Container): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image ?? '');
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
}

/** API defaults of a PodSpec (also applied to the templates of ReplicaSets and Deployments). */
export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

export function defaultTemplate(t: PodTemplateSpec | undefined): void {
  if (!t) return;
  t.metadata ??= {};
  t.metadata.creationTimestamp = null;
  if (t.spec) defaultPodSpec(t.spec);
}

/** Admission: what the apiserver adds to a pod on create, beyond the API defaults. */
function admit(pod: Pod, rng: Rng): void {
  const spec = pod.spec;
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount = spec.serviceAccountName;
  spec.enableServiceLinks ??= true;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  const tolerations = (spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key)) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  if (!(spec.volumes ?? []).some((v) => v.name.startsWith('kube-api-access-'))) {
    const name = `kube-api-access-${randomSuffix(rng)}`;
    (spec.volumes ??= []).push({
      name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    });
    for (const c of spec.containers) {
      (c.volumeMounts ??= []).push({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name, readOnly: true });
    }
  }
}

function qosClass(spec: PodSpec): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const cs = spec.containers ?? [];
  const any = cs.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length);
  if (!any) return 'BestEffort';
  const guaranteed = cs.every((c) => {
    const l = c.resources?.limits ?? {};
    const r = c.resources?.requests ?? l;
    return l.cpu && l.memory && (r.cpu ?? l.cpu) === l.cpu && (r.memory ?? l.memory) === l.memory;
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec) return [{ type: 'Required', field: path }];
  const containers = spec.containers ?? [];
  if (containers.length === 0) errs.push({ type: 'Required', field: `${path}.containers` });
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const f = `${path}.containers[${i}]`;
    if (!c.name) errs.push({ type: 'Required', field: `${f}.name` });
    else {
      if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(c.name) || c.name.length > 63) errs.push({ type: 'Invalid', field: `${f}.name`, value: c.name, detail: DNS1123_LABEL_MSG });
      if (names.has(c.name)) errs.push({ type: 'Duplicate', field: `${f}.name`, value: c.name });
      names.add(c.name);
    }
    if (!c.image || c.image.trim() === '') errs.push({ type: 'Required', field: `${f}.image` });
    (c.ports ?? []).forEach((p, j) => {
      if (!(p.containerPort >= 1 && p.containerPort <= 65535)) {
        errs.push({ type: 'Invalid', field: `${f}.ports[${j}].containerPort`, value: p.containerPort, detail: PORT_RANGE_MSG });
      }
    });
    const policy = c.imagePullPolicy;
    if (policy && !['Always', 'IfNotPresent', 'Never'].includes(policy)) {
      errs.push({ type: 'NotSupported', field: `${f}.imagePullPolicy`, value: policy, supported: ['Always', 'IfNotPresent', 'Never'] });
    }
  });
  if (spec.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    errs.push({ type: 'NotSupported', field: `${path}.restartPolicy`, value: spec.restartPolicy, supported: ['Always', 'OnFailure', 'Never'] });
  }
  if (spec.dnsPolicy && !['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'].includes(spec.dnsPolicy)) {
    errs.push({ type: 'NotSupported', field: `${path}.dnsPolicy`, value: spec.dnsPolicy, supported: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] });
  }
  if (spec.dnsPolicy === 'None' && !(spec.dnsConfig?.nameservers?.length)) {
    errs.push({ type: 'Required', field: `${path}.dnsConfig`, detail: 'must provide `dnsConfig` when `dnsPolicy` is None' });
  }
  return errs;
}

/** Which spec fields a pod update may change (the real list, in the real message's words). */
const UPDATABLE =
  '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export function podStrategy(rng: Rng): KindStrategy {
  return {
    prepareForCreate(obj) {
      const pod = obj as Pod;
      pod.spec ??= { containers: [] };
      defaultPodSpec(pod.spec);
      admit(pod, rng);
      pod.status = { phase: 'Pending', qosClass: qosClass(pod.spec) };
    },
    validate(obj) {
      return validatePodSpec((obj as Pod).spec, 'spec');
    },
    validateUpdate(obj, old) {
      const a = cloneJson((obj as Pod).spec);
      const b = cloneJson((old as Pod).spec);
      // Images may change; mask them and compare the rest.
      a.containers?.forEach((c, i) => (c.image = b.containers?.[i]?.image ?? c.image));
      delete a.activeDeadlineSeconds;
      delete b.activeDeadlineSeconds;
      if (JSON.stringify(sortKeys(a)) !== JSON.stringify(sortKeys(b))) {
        return [{ type: 'Forbidden', field: 'spec', detail: `pod updates may not change fields other than ${UPDATABLE}` }];
      }
      return [];
    },
  };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = sortKeys((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}
