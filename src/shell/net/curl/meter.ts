// curl's progress meter (lib/progress.c of 7.88): two header lines, then one
// `\r`-prefixed status line when the transfer starts, one per second while it
// runs, and a last one when it ends. curl shows it on stderr unless -s is given
// or the body goes to the terminal. Real updates follow the wall clock's
// seconds; here they fall on whole seconds of the transfer.

export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

const KB = 1024;
const MB = 1024 * KB;

/** A size or speed in 5 characters (max5data). */
export function max5(n: number): string {
  n = Math.floor(n);
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * KB) return `${String(Math.floor(n / KB)).padStart(4)}k`;
  if (n < 100 * MB) return `${String(Math.floor(n / MB)).padStart(2)}.${Math.floor((n % MB) / (MB / 10))}M`;
  if (n < 10000 * MB) return `${String(Math.floor(n / MB)).padStart(4)}M`;
  return `${String(Math.floor(n / (1024 * MB))).padStart(4)}G`;
}

/** A duration as `H:MM:SS` in 8 characters, `--:--:--` for zero or unknown. */
export function time8(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '--:--:--';
  const s = Math.floor(seconds);
  if (s <= 0) return '--:--:--';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h <= 99) return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const d = Math.floor(h / 24);
  return d <= 999 ? `${String(d).padStart(3)}d ${String(h % 24).padStart(2, '0')}h` : `${String(d).padStart(7)}d`;
}

export interface MeterState {
  /** ms since the transfer started */
  elapsedMs: number;
  downloaded: number;
  /** undefined until the response's Content-Length is known */
  downloadSize?: number;
  uploaded: number;
  uploadSize: number;
}

function pct(part: number, whole: number): number {
  return whole > 0 ? Math.floor((part * 100) / whole) : 0;
}

/** One status line, with its leading carriage return. */
export function meterLine(s: MeterState): string {
  const secs = s.elapsedMs / 1000;
  const dlSpeed = secs > 0 ? s.downloaded / secs : 0;
  const ulSpeed = secs > 0 ? s.uploaded / secs : 0;
  const totalExpected = (s.downloadSize ?? 0) + s.uploadSize;
  const totalDone = s.downloaded + s.uploaded;
  const speed = dlSpeed + ulSpeed;
  let total: number | undefined;
  let left: number | undefined;
  if (totalExpected > 0 && speed > 0) {
    total = totalExpected / speed;
    left = Math.max(0, total - secs);
  }
  const known = s.downloadSize !== undefined;
  const dlPct = known ? pct(s.downloaded, s.downloadSize!) : 0;
  const ulPct = pct(s.uploaded, s.uploadSize);
  const totalPct = pct(totalDone, totalExpected);
  return (
    `\r${String(totalPct).padStart(3)} ${max5(totalExpected)}  ${String(dlPct).padStart(3)} ${max5(s.downloaded)}  ` +
    `${String(ulPct).padStart(3)} ${max5(s.uploaded)}  ${max5(dlSpeed)}  ${max5(ulSpeed)} ` +
    `${time8(total)} ${time8(secs)} ${time8(left)} ${max5(speed)}`
  );
}
