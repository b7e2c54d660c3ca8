// Timestamps as the apiserver writes them: RFC 3339, UTC, whole seconds.

export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function parseRfc3339(s: string): number {
  return Date.parse(s);
}
