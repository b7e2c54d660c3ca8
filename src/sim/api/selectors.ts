// Label selectors: the set-based form (ReplicaSets, Deployments) and the plain
// equality map (Services), plus the `-l` string syntax kubectl sends.

import type { LabelSelector, Labels } from './types';

export function labelSelectorFromMap(m: Labels): LabelSelector {
  return { matchLabels: m };
}

export function matchesSelector(sel: LabelSelector, labels: Labels | undefined): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const req of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key);
    switch (req.operator) {
      case 'In':
        if (!has || !(req.values ?? []).includes(l[req.key])) return false;
        break;
      case 'NotIn':
        if (has && (req.values ?? []).includes(l[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** A selector that selects nothing at all (no requirements) is "everything" for lists, "nothing" for controllers. */
export function isEmptySelector(sel: LabelSelector | undefined): boolean {
  return !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}

/**
 * The selector as its string form, as `kubectl get rs -o wide` shows it and as
 * metav1.FormatLabelSelector writes it: `app=vote,version in (v1,v2),tier`.
 */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '<none>';
  const parts: string[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {}).sort()) parts.push(`${k}=${sel.matchLabels![k]}`);
  for (const r of sel.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort();
    switch (r.operator) {
      case 'In':
        parts.push(`${r.key} in (${values.join(',')})`);
        break;
      case 'NotIn':
        parts.push(`${r.key} notin (${values.join(',')})`);
        break;
      case 'Exists':
        parts.push(r.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${r.key}`);
        break;
    }
  }
  const s = parts.join(',');
  return s === '' ? '<none>' : s;
}

export class SelectorParseError extends Error {}

/**
 * Parse kubectl's `-l` syntax: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`,
 * comma-separated.
 */
export function parseSelectorString(s: string): LabelSelector {
  const sel: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  const src = s.trim();
  if (src === '') return {};
  let i = 0;
  const skipWs = () => {
    while (i < src.length && src[i] === ' ') i++;
  };
  const readKey = () => {
    skipWs();
    const start = i;
    while (i < src.length && /[A-Za-z0-9_.\-/]/.test(src[i])) i++;
    return src.slice(start, i);
  };
  while (i < src.length) {
    skipWs();
    let negate = false;
    if (src[i] === '!') {
      negate = true;
      i++;
    }
    const key = readKey();
    if (!key) throw new SelectorParseError(`unable to parse requirement: found '${src[i] ?? ''}', expected: identifier`);
    skipWs();
    if (negate) {
      sel.matchExpressions!.push({ key, operator: 'DoesNotExist' });
    } else if (src.startsWith('==', i) || src.startsWith('!=', i) || src[i] === '=') {
      const op = src.startsWith('==', i) ? '==' : src.startsWith('!=', i) ? '!=' : '=';
      i += op.length;
      skipWs();
      const start = i;
      while (i < src.length && src[i] !== ',') i++;
      const value = src.slice(start, i).trim();
      if (op === '!=') sel.matchExpressions!.push({ key, operator: 'NotIn', values: [value] });
      else sel.matchLabels![key] = value;
    } else if (/^(in|notin)\s*\(/.test(src.slice(i))) {
      const op = src.startsWith('notin', i) ? 'NotIn' : 'In';
      i = src.indexOf('(', i) + 1;
      const end = src.indexOf(')', i);
      if (end < 0) throw new SelectorParseError(`unable to parse requirement: found '', expected: ')'`);
      const values = src.slice(i, end).split(',').map((v) => v.trim()).filter((v) => v !== '');
      i = end + 1;
      sel.matchExpressions!.push({ key, operator: op, values });
    } else {
      sel.matchExpressions!.push({ key, operator: 'Exists' });
    }
    skipWs();
    if (i < src.length) {
      if (src[i] !== ',') throw new SelectorParseError(`unable to parse requirement: found '${src[i]}', expected: ',', '!=', '==', '=', 'in', 'notin'`);
      i++;
    }
  }
  return sel;
}
