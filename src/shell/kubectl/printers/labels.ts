// Label and selector strings shared by get and describe.

import type { LabelSelector, Labels } from '../../../sim/api/types';

/**
 * labels.FormatLabels: `k=v` pairs joined with `,`, or `<none>`. Go sorts the
 * joined `k=v` strings, not the keys, so `app.kubernetes.io/name=x` comes
 * before `app=y` ('.' < '=').
 */
export function formatLabels(labels: Labels | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  if (pairs.length === 0) return '<none>';
  return pairs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(',');
}

/**
 * A LabelSelector converted to a selector and printed (labels.Selector.String()):
 * every requirement sorted by key, set values sorted, `` for an empty selector.
 * Deployments use this form in `get -o wide`; ReplicaSets use formatLabelSelector.
 */
export function selectorString(sel: LabelSelector | undefined): string {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const r of sel.matchExpressions ?? []) {
    const values = [...new Set(r.values ?? [])].sort();
    const text =
      r.operator === 'In'
        ? `${r.key} in (${values.join(',')})`
        : r.operator === 'NotIn'
          ? `${r.key} notin (${values.join(',')})`
          : r.operator === 'Exists'
            ? r.key
            : `!${r.key}`;
    reqs.push({ key: r.key, text });
  }
  // Go's sort.Sort is not stable, but keys of one selector are distinct in practice.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/**
 * metav1.FormatLabelSelector: the selector string (requirements sorted by key,
 * matchLabels and matchExpressions mixed), or `<none>` when it is empty.
 */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  return selectorString(sel) || '<none>';
}
