// URLs in the in-app browser: what the address bar makes of typed text, and
// links and form actions of a page resolved against the page's URL (the frame
// renders from srcdoc, so it cannot resolve them itself).

/** The URL typed in the address bar: `172.18.0.2:30000` means `http://172.18.0.2:30000/`, as in Chrome. */
export function addressToUrl(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return t;
  return `http://${t}`;
}

/** `ref` (a link's href, a form's action) against the page's URL; null when it is not a web URL. */
export function resolveUrl(ref: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(ref.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href;
}

/** A GET form's target: the action with its query replaced by the form's fields. */
export function withQuery(url: string, query: string): string {
  const u = new URL(url);
  u.search = query === '' ? '' : `?${query}`;
  return u.href;
}

/** The host part of a URL for messages ("172.18.0.2 refused to connect"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
