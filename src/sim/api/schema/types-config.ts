// v1 ConfigMap.

import { bool, field, stringMap, str, struct } from './model';
import { objectMeta } from './types-meta';

export const configMap = struct('v1.ConfigMap', {
  apiVersion: str(),
  kind: str(),
  metadata: field(objectMeta, 'Name, namespace and labels of the ConfigMap.', true),
  data: field(stringMap, 'The configuration: keys (letters, digits, "-", "_" and ".") and string values. Pods use it as environment variables (env / envFrom) or as files in a configMap volume.'),
  binaryData: field(stringMap, 'Keys whose values are binary, base64-encoded. A key may not be in both data and binaryData.'),
  immutable: field(bool, 'When true, data and binaryData can no longer be changed (delete and recreate the ConfigMap instead).'),
});
