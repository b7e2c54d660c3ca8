// The API types the playground simulates, in one model with two uses:
// `kubernetesSchema` for the editor (monaco-yaml) and `decodeStrict` for the
// simulated apiserver. `goStructShape` gives kubectl's JSON field order for the
// objects it builds itself.

export { kubernetesSchema } from './json-schema';
export { decodeStrict } from './decode-strict';
export { goStructShape } from './go-field-order';
