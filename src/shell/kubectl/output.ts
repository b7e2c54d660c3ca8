// `-o` for commands that print objects: yaml, json, name, jsonpath, wide and
// custom-columns (get only), with kubectl's error texts for bad formats.

import type { KubeObject } from '../../sim/api/types';
import { toYaml, kubectlList } from '../text/yaml-emit';
import { toJson, type KeyOrder } from '../text/json-emit';
import { renderJsonPath } from '../text/jsonpath';
import { printNames } from './printers';
import { KubectlError } from './errors';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean };

const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const OBJECT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Parse `-o`. `tables` is true for commands that can print tables (get). */
export function parseOutputFormat(o: string, tables = true): OutputFormat {
  if (o === '' && tables) return { kind: 'table', wide: false };
  if (o === 'wide' && tables) return { kind: 'table', wide: true };
  if (o === 'yaml') return { kind: 'yaml' };
  if (o === 'json') return { kind: 'json' };
  if (o === 'name') return { kind: 'name' };
  const m = /^(jsonpath|jsonpath-as-json)(=(.*))?$/s.exec(o);
  if (m) {
    if (m[2] === undefined || m[3] === '') throw new KubectlError('error: template format specified but no template given');
    return { kind: 'jsonpath', template: m[3], asJson: m[1] === 'jsonpath-as-json' };
  }
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${tables ? GET_FORMATS : OBJECT_FORMATS}`);
}

/**
 * Print objects: `single` when the request named exactly one object (printed
 * bare), otherwise all of them inside a `List`.
 */
export interface PrintOptions {
  /** Key order for JSON (Go struct order for objects kubectl builds itself). */
  order?: KeyOrder;
  /** `--allow-missing-template-keys` (default true). */
  allowMissingKeys?: boolean;
  /** Objects kubectl builds itself reach JSONPath as float64 numbers (`1e+08`). */
  clientBuilt?: boolean;
}

export function printObjects(format: OutputFormat, single: KubeObject | undefined, all: KubeObject[], o: PrintOptions = {}): string {
  const order = o.order ?? 'sorted';
  const data = single ?? kubectlList(all);
  switch (format.kind) {
    case 'yaml':
      return toYaml(data);
    case 'json':
      return toJson(data, single ? order : 'sorted') + '\n';
    case 'name':
      return printNames(single ? [single] : all);
    case 'jsonpath':
      return renderJsonPath(format.template, data, { asJson: format.asJson, allowMissingKeys: o.allowMissingKeys ?? true, numbers: o.clientBuilt ? 'float64' : 'int64' });
    case 'table':
      throw new Error('tables are printed by the get printers');
  }
}
