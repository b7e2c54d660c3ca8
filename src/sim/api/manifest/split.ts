// How kubectl cuts a YAML stream into documents before parsing each one
// (k8s.io/apimachinery's YAMLReader): line by line, a line that starts with
// `---` ends the current document and is dropped. Each document is parsed on its
// own, which is why go-yaml's line numbers restart at 1 after every separator.
// A separator with nothing before it (the file's first line) is kept instead.

/** A document's text, or the separator problem that stops the stream. */
export type YamlChunk = { text: string } | { badSeparator: string };

/** Go's unicode.IsSpace, at either end (strings.TrimSpace). */
const GO_SPACE_AT_ENDS = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/**
 * The documents of a YAML stream in order. Lines come back with `\n` endings
 * (a `\r\n` ending loses its `\r`, as Go's line reader drops it). A separator
 * followed by anything but a comment stops the stream, and the document being
 * collected at that point is lost.
 */
export function splitYamlDocuments(text: string): YamlChunk[] {
  const chunks: YamlChunk[] = [];
  let current = '';
  let hasCurrent = false;
  const lines = text.split('\n');
  const endsWithNewline = lines[lines.length - 1] === '';
  // A final newline does not start another line.
  if (endsWithNewline) lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const terminated = i < lines.length - 1 || endsWithNewline;
    const line = terminated && raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('---')) {
      const rest = line.slice(3).replace(GO_SPACE_AT_ENDS, '');
      if (rest.length > 0 && rest[0] !== '#') {
        chunks.push({ badSeparator: rest });
        return chunks;
      }
      if (hasCurrent) {
        chunks.push({ text: current });
        current = '';
        hasCurrent = false;
        continue;
      }
      // A separator that starts a document stays in it: go-yaml reads it as an
      // explicit document start, and it counts as line 1.
    }
    current += line + '\n';
    hasCurrent = true;
  }
  if (hasCurrent) chunks.push({ text: current });
  return chunks;
}
