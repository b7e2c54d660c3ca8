// ReplicaSet and Deployment registries (apps/v1): defaults and validation,
// including the selector rules that trip learners up (selector must match the
// template's labels; selectors are immutable in apps/v1).

import type { Deployment, KubeObject, LabelSelector, ReplicaSet } from '../types';
import type { KindStrategy } from '../store';
import { validateLabels } from '../store';
import { goStringMap, goValue, type FieldError } from '../errors';
import { matchesSelector, isEmptySelector } from '../selectors';
import { defaultTemplate, validatePodSpec } from './pod';

/** metav1.LabelSelector in Go's %#v form, as it appears in Invalid messages. */
export function goLabelSelector(sel: LabelSelector | undefined): string {
  const exprs = sel?.matchExpressions;
  const exprText =
    exprs && exprs.length
      ? `[]v1.LabelSelectorRequirement{${exprs
          .map((r) => `v1.LabelSelectorRequirement{Key:"${r.key}", Operator:"${r.operator}", Values:${r.values ? `[]string{${r.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'}}`)
          .join(', ')}}`
      : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel?.matchLabels)}, MatchExpressions:${exprText}}`;
}

function validateWorkload(obj: ReplicaSet | Deployment, kindWord: 'deployment' | 'replicaset'): FieldError[] {
  const errs: FieldError[] = [];
  const spec = obj.spec;
  if (!spec) return [{ type: 'Required', field: 'spec' }];
  if (spec.replicas !== undefined && spec.replicas < 0) {
    errs.push({ type: 'Invalid', field: 'spec.replicas', value: spec.replicas, detail: 'must be greater than or equal to 0' });
  }
  if (spec.minReadySeconds !== undefined && spec.minReadySeconds < 0) {
    errs.push({ type: 'Invalid', field: 'spec.minReadySeconds', value: spec.minReadySeconds, detail: 'must be greater than or equal to 0' });
  }
  if (!spec.selector) {
    errs.push({ type: 'Required', field: 'spec.selector' });
  } else if (isEmptySelector(spec.selector)) {
    errs.push({ type: 'Invalid', field: 'spec.selector', value: goValue(goLabelSelector(spec.selector)), detail: `empty selector is invalid for ${kindWord}` });
  } else {
    errs.push(...validateLabels(spec.selector.matchLabels, 'spec.selector.matchLabels'));
  }
  const labels = spec.template?.metadata?.labels;
  if (spec.selector && !isEmptySelector(spec.selector) && !matchesSelector(spec.selector, labels)) {
    errs.push({ type: 'Invalid', field: 'spec.template.metadata.labels', value: goValue(goStringMap(labels)), detail: '`selector` does not match template `labels`' });
  }
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  errs.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp && rp !== 'Always') errs.push({ type: 'NotSupported', field: 'spec.template.spec.restartPolicy', value: rp, supported: ['Always'] });
  return errs;
}

function selectorImmutable(obj: KubeObject, old: KubeObject): FieldError[] {
  const a = (obj as ReplicaSet).spec?.selector;
  const b = (old as ReplicaSet).spec?.selector;
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    return [{ type: 'Invalid', field: 'spec.selector', value: goValue(goLabelSelector(a)), detail: 'field is immutable' }];
  }
  return [];
}

export const replicaSetStrategy: KindStrategy = {
  tracksGeneration: true,
  prepareForCreate(obj) {
    const rs = obj as ReplicaSet;
    rs.spec.replicas ??= 1;
    defaultTemplate(rs.spec.template);
    rs.status = { replicas: 0 };
  },
  prepareForUpdate(obj) {
    const rs = obj as ReplicaSet;
    rs.spec.replicas ??= 1;
    defaultTemplate(rs.spec.template);
  },
  validate: (obj) => validateWorkload(obj as ReplicaSet, 'replicaset'),
  validateUpdate: selectorImmutable,
};

export const deploymentStrategy: KindStrategy = {
  tracksGeneration: true,
  prepareForCreate(obj) {
    const d = obj as Deployment;
    applyDeploymentDefaults(d);
    d.status = {};
  },
  prepareForUpdate(obj) {
    applyDeploymentDefaults(obj as Deployment);
  },
  validate: (obj) => validateWorkload(obj as Deployment, 'deployment'),
  validateUpdate: selectorImmutable,
};

function applyDeploymentDefaults(d: Deployment): void {
  const spec = d.spec;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec.template);
}
