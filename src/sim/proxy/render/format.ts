// Small formatting helpers shared by the iptables renderers.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** C ctime() without the newline, in UTC (kind nodes run with TZ unset): `Sun Nov 22 20:50:42 2026`. */
export function ctime(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`
  );
}

export function padRight(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

export function padLeft(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

/**
 * libxtables' xtables_print_num(): with `-x` the exact value in 8 columns; otherwise up to
 * 99999 as is in 5 columns, then divided by 1000 (rounding) with K, M, G, T in 4 + 1.
 * `table` false is the header form (`123K packets`), without padding.
 */
export function counterText(n: number, exact: boolean, table = true): string {
  if (exact) return table ? `${padLeft(String(n), 8)} ` : `${n} `;
  if (n <= 99999) return table ? `${padLeft(String(n), 5)} ` : `${n} `;
  let v = n;
  for (const unit of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return table ? `${padLeft(String(v), 4)}${unit} ` : `${v}${unit} `;
  }
  v = Math.floor((v + 500) / 1000);
  return table ? `${padLeft(String(v), 4)}T ` : `${v}T `;
}
