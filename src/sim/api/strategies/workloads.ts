// ReplicaSet, Deployment and DaemonSet registries (apps/v1): defaults and
// validation, including the selector rules that trip learners up (selector must
// match the template's labels; selectors are immutable in apps/v1).

import type { DaemonSet, Deployment, KubeObject, LabelSelector, ReplicaSet } from '../types';
import type { KindStrategy } from '../store';
import { validateLabels } from '../store';
import { goStringMap, goValue, type FieldError } from '../errors';
import { matchesSelector, isEmptySelector } from '../selectors';
import { defaultTemplate, validatePodSpec } from './pod';
import { sameJson } from '../store';

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

// ---------------------------------------------------------------- DaemonSet

/** The annotation apps/v1 keeps the internal spec.templateGeneration in (pods get it as `pod-template-generation`). */
export const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/** spec.templateGeneration as the v1 object carries it. */
export function templateGeneration(ds: DaemonSet): number {
  const n = Number(ds.metadata.annotations?.[TEMPLATE_GENERATION]);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function withTemplateGeneration(ds: DaemonSet, gen: number): void {
  ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [TEMPLATE_GENERATION]: String(gen) };
}

/** SetDefaults_DaemonSet (apps/v1) plus the template defaults every pod template gets. */
function applyDaemonSetDefaults(ds: DaemonSet): void {
  const spec = ds.spec;
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template);
}

/** An int-or-string as Go's %#v prints the internal intstr.IntOrString. */
function goIntOrString(v: number | string | undefined): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}

const PERCENT = /^[0-9]+%$/;

/** getIntOrPercentValue: a valid percentage's number, else the integer (strings that are not percentages count as 0). */
function intOrPercentValue(v: number | string | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && PERCENT.test(v)) return Number(v.slice(0, -1));
  return 0;
}

function validatePositiveIntOrPercent(v: number | string | undefined, field: string): FieldError[] {
  if (typeof v === 'string') {
    if (!PERCENT.test(v)) return [{ type: 'Invalid', field, value: goValue(goIntOrString(v)), detail: "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')" }];
    return [];
  }
  if ((v ?? 0) < 0) return [{ type: 'Invalid', field, value: v, detail: 'must be greater than or equal to 0' }];
  return [];
}

function notMoreThan100Percent(v: number | string | undefined, field: string): FieldError[] {
  if (typeof v === 'string' && PERCENT.test(v) && Number(v.slice(0, -1)) > 100) {
    return [{ type: 'Invalid', field, value: goValue(goIntOrString(v)), detail: 'must not be greater than 100%' }];
  }
  return [];
}

function validateDaemonSetUpdateStrategy(ds: DaemonSet): FieldError[] {
  const strategy = ds.spec.updateStrategy ?? {};
  const path = 'spec.updateStrategy';
  if (strategy.type === 'OnDelete') return [];
  if (strategy.type !== 'RollingUpdate') {
    const ru = strategy.rollingUpdate ? '(*apps.RollingUpdateDaemonSet)(0xc000a1b2c0)' : '(*apps.RollingUpdateDaemonSet)(nil)';
    return [
      {
        type: 'NotSupported',
        field: path,
        value: goValue(`apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(strategy.type ?? '')}, RollingUpdate:${ru}}`),
        supported: ['RollingUpdate', 'OnDelete'],
      },
    ];
  }
  const ru = strategy.rollingUpdate;
  if (!ru) return [{ type: 'Required', field: `${path}.rollingUpdate` }];
  const f = `${path}.rollingUpdate`;
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${f}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${f}.maxSurge`),
    ...notMoreThan100Percent(ru.maxUnavailable, `${f}.maxUnavailable`),
    ...notMoreThan100Percent(ru.maxSurge, `${f}.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push({ type: 'Invalid', field: `${f}.maxSurge`, value: goValue(goIntOrString(ru.maxSurge)), detail: 'may not be set when maxUnavailable is non-zero' });
  } else if (!hasUnavailable && !hasSurge) {
    errs.push({ type: 'Required', field: `${f}.maxUnavailable`, detail: 'cannot be 0 when maxSurge is 0' });
  }
  return errs;
}

/**
 * ValidateDaemonSetSpec, in its order. apps/v1 has no selector defaulting and
 * no explicit "Required" for it: a missing selector selects nothing, so what
 * the learner sees is that the template's labels do not match it.
 */
function validateDaemonSet(ds: DaemonSet): FieldError[] {
  const spec = ds.spec;
  if (!spec) return [{ type: 'Required', field: 'spec' }];
  const errs: FieldError[] = [];
  const labels = spec.template?.metadata?.labels;
  if (spec.selector) errs.push(...validateLabels(spec.selector.matchLabels, 'spec.selector.matchLabels'));
  const matches = !!spec.selector && matchesSelector(spec.selector, labels);
  if (!matches) {
    errs.push({ type: 'Invalid', field: 'spec.template.metadata.labels', value: goValue(goStringMap(labels)), detail: '`selector` does not match template `labels`' });
  }
  if (spec.selector && isEmptySelector(spec.selector)) {
    errs.push({ type: 'Invalid', field: 'spec.selector', value: goValue(goLabelSelector(spec.selector)), detail: 'empty selector is invalid for daemonset' });
  }
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  errs.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== 'Always') errs.push({ type: 'NotSupported', field: 'spec.template.spec.restartPolicy', value: rp ?? '', supported: ['Always'] });
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push({ type: 'Forbidden', field: 'spec.template.spec.activeDeadlineSeconds', detail: 'activeDeadlineSeconds in DaemonSet is not Supported' });
  }
  if (spec.minReadySeconds !== undefined && spec.minReadySeconds < 0) {
    errs.push({ type: 'Invalid', field: 'spec.minReadySeconds', value: spec.minReadySeconds, detail: 'must be greater than or equal to 0' });
  }
  errs.push(...validateDaemonSetUpdateStrategy(ds));
  if (spec.revisionHistoryLimit !== undefined && spec.revisionHistoryLimit < 0) {
    errs.push({ type: 'Invalid', field: 'spec.revisionHistoryLimit', value: spec.revisionHistoryLimit, detail: 'must be greater than or equal to 0' });
  }
  return errs;
}

export const daemonSetStrategy: KindStrategy = {
  tracksGeneration: true,
  prepareForCreate(obj) {
    const ds = obj as DaemonSet;
    ds.spec ??= {} as DaemonSet['spec'];
    applyDaemonSetDefaults(ds);
    withTemplateGeneration(ds, 1);
    ds.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
  },
  prepareForUpdate(obj, old) {
    const ds = obj as DaemonSet;
    const prev = old as DaemonSet;
    ds.spec ??= {} as DaemonSet['spec'];
    applyDaemonSetDefaults(ds);
    // The template generation is the server's: it moves only when the template changes.
    const gen = templateGeneration(prev);
    withTemplateGeneration(ds, sameJson(ds.spec.template, prev.spec.template) ? gen : gen + 1);
  },
  validate: (obj) => validateDaemonSet(obj as DaemonSet),
  validateUpdate: selectorImmutable,
};
