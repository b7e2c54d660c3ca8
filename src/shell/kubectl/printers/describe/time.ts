// Timestamps as describe prints them: Go's time.RFC1123Z layout in UTC
// (`Mon, 01 Jul 2024 10:00:00 +0000`). The simulated machine runs in UTC.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number) => String(n).padStart(2, '0');

/** A missing timestamp is Go's zero time, which prints as year 1. */
export const ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

export function rfc1123z(timestamp: string | null | undefined): string {
  if (!timestamp) return ZERO_TIME_RFC1123Z;
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return ZERO_TIME_RFC1123Z;
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, '0')} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}
