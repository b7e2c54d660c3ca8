// The configmaps table: DATA counts the keys of data and binaryData together.

import type { ConfigMap } from '../../../../sim/api/types';
import { ageOf } from '../../../text/duration';
import type { KindTableConverter } from './table';

export const configMapTable: KindTableConverter = {
  columns: [{ name: 'Name', isName: true }, { name: 'Data' }, { name: 'Age' }],
  cells(obj, now) {
    const cm = obj as ConfigMap;
    return [cm.metadata.name ?? '', String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length), ageOf(cm.metadata.creationTimestamp, now)];
  },
};
