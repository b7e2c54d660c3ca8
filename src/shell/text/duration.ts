// Human durations as kubectl and the apiserver's table printer write them
// (apimachinery's duration.HumanDuration): AGE columns, `RESTARTS (… ago)`,
// event ages, `Terminating (lasts …)`.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/**
 * `ms` of elapsed time as `12m`, `3m10s`, `7h59m`, `2d1h`, `2y1d`… Compound forms
 * exist only in the 2–10 min, 3–8 h, 2–8 d and 2–8 y bands; there is no `1m`.
 * Slightly negative durations (clock skew of up to a second) print `0s`.
 */
export function humanDuration(ms: number): string {
  // Go truncates the nanosecond count towards zero.
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 2 * MINUTE) return `${seconds}s`;
  const minutes = Math.floor(seconds / MINUTE);
  if (minutes < 10) {
    const s = seconds % MINUTE;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 3 * 60) return `${minutes}m`;
  const hours = Math.floor(seconds / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 8 * 24) {
    const h = hours % 24;
    const days = Math.floor(hours / 24);
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 2 * 24 * 365) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(seconds / YEAR);
  if (hours < 8 * 24 * 365) {
    const d = Math.floor(hours / 24) % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** Parse an RFC 3339 timestamp to epoch ms; undefined when missing or unparsable. */
export function timestampMs(timestamp: string | undefined | null): number | undefined {
  if (!timestamp) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The age of an object or event: `<unknown>` when the timestamp is missing (Go's zero time). */
export function ageOf(timestamp: string | undefined | null, nowMs: number): string {
  const t = timestampMs(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(nowMs - t);
}
