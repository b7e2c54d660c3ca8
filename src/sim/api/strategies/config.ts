// The ConfigMap registry (v1): key validation with the apiserver's texts, the
// 1 MiB size limit, and `immutable`.

import type { ConfigMap, KubeObject } from '../types';
import type { KindStrategy } from '../store';
import { sameJson } from '../store';
import type { FieldError } from '../errors';

const KEY = /^[-._a-zA-Z0-9]+$/;
const KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key_name', regex used for validation is '[-._a-zA-Z0-9]+')";
/** core.MaxSecretSize: data and binaryData together. */
const MAX_SIZE = 1024 * 1024;

/** validation.IsConfigMapKey: the messages for one key, in the apiserver's order. */
export function configMapKeyErrors(key: string): string[] {
  const msgs: string[] = [];
  if (key.length > 253) msgs.push('must be no more than 253 characters');
  if (!KEY.test(key)) msgs.push(KEY_MSG);
  if (key === '.') msgs.push("must not be '.'");
  else if (key === '..') msgs.push("must not be '..'");
  else if (key.startsWith('..')) msgs.push("must not start with '..'");
  return msgs;
}

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  const data = cm.data ?? {};
  const binary = cm.binaryData ?? {};
  for (const key of Object.keys(data).sort()) {
    for (const detail of configMapKeyErrors(key)) errs.push({ type: 'Invalid', field: `data[${key}]`, value: key, detail });
    if (key in binary) errs.push({ type: 'Invalid', field: `data[${key}]`, value: key, detail: 'duplicate of key present in binaryData' });
    total += byteLength(data[key] ?? '');
  }
  for (const key of Object.keys(binary).sort()) {
    for (const detail of configMapKeyErrors(key)) errs.push({ type: 'Invalid', field: `binaryData[${key}]`, value: key, detail });
    // binaryData travels base64-encoded; its size is the decoded bytes.
    total += Math.floor(((binary[key] ?? '').replace(/=+$/, '').length * 3) / 4);
  }
  if (total > MAX_SIZE) errs.push({ type: 'TooLong', field: '', detail: `may not be more than ${MAX_SIZE} bytes` });
  return errs;
}

function validateConfigMapUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const cm = obj as ConfigMap;
  const prev = old as ConfigMap;
  if (!prev.immutable) return [];
  const errs: FieldError[] = [];
  const detail = 'field is immutable when `immutable` is set';
  if (!cm.immutable) errs.push({ type: 'Forbidden', field: 'immutable', detail });
  if (!sameJson(cm.data ?? null, prev.data ?? null)) errs.push({ type: 'Forbidden', field: 'data', detail });
  if (!sameJson(cm.binaryData ?? null, prev.binaryData ?? null)) errs.push({ type: 'Forbidden', field: 'binaryData', detail });
  return errs;
}

export const configMapStrategy: KindStrategy = {
  validate: (obj) => validateConfigMap(obj as ConfigMap),
  validateUpdate: validateConfigMapUpdate,
};
