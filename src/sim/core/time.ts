// Timestamps as the apiserver writes them: RFC 3339, UTC, whole seconds.

let lastSecond = NaN;
let lastText = '';

export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}

export function parseRfc3339(s: string): number {
  return Date.parse(s);
}
