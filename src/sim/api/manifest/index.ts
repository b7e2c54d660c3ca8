// Reading manifests the way kubectl v1.32 does: see parse-manifests.ts.

export {
  parseManifests,
  parseManifestStream,
  validateManifest,
  decodeManifest,
  noObjectsMessage,
  ManifestError,
  yamlTextToJson,
  type ManifestDocument,
} from './parse-manifests';
export type { JsonValue, JsonObject } from './json-value';
