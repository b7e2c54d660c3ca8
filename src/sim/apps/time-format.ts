// Timestamps as each program writes them in its logs (all in UTC: containers
// have no TZ set). Inputs are virtual milliseconds.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

function parts(ms: number) {
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    h: p2(d.getUTCHours()),
    mi: p2(d.getUTCMinutes()),
    s: p2(d.getUTCSeconds()),
    ms: d.getUTCMilliseconds(),
    wd: d.getUTCDay(),
  };
}

/** `2026-01-12 09:00:05` (gunicorn's error log, postgres without zone) */
export function isoSeconds(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${t.h}:${t.mi}:${t.s}`;
}

/** `[2026-01-12 09:00:05 +0000]`: gunicorn's error log. */
export function gunicornLogTime(ms: number): string {
  return `[${isoSeconds(ms)} +0000]`;
}

/** `12/Jan/2026:09:03:12 +0000`: Apache-style access logs (gunicorn %(t)s without brackets, nginx $time_local). */
export function commonLogTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y}:${t.h}:${t.mi}:${t.s} +0000`;
}

/** `2026-01-12 09:03:12,345`: Python logging's asctime. */
export function pythonLogTime(ms: number): string {
  return `${isoSeconds(ms)},${p3(parts(ms).ms)}`;
}

/** `2026/01/12 09:03:12`: nginx's error log and Go's log package. */
export function slashTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${t.h}:${t.mi}:${t.s}`;
}

/** `12 Jan 2026 09:00:05.123`: redis. */
export function redisLogTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.h}:${t.mi}:${t.s}.${p3(t.ms)}`;
}

/** `Mon, 12 Jan 2026 09:03:12 GMT`: the HTTP Date header. */
export function httpDate(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]}, ${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.h}:${t.mi}:${t.s} GMT`;
}
