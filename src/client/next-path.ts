const BASE = 'http://nexum.invalid';

/**
 * The same-site path a `?next=` value may send the browser to, or `fallback`. The value is read the way
 * the URL parser will read it (it drops ASCII tab, CR and LF anywhere, so "/\t/evil.example" is
 * "//evil.example"), must be a path ("/…", not "//…", "/\…" or a scheme) and must resolve to this
 * origin; what is returned is the parsed path, query and fragment.
 */
export function safeNextPath(raw: string | null | undefined, fallback = '/account'): string {
  if (!raw) return fallback;
  const value = raw.replace(/[\t\n\r]/g, '');
  // Other control characters or leading spaces have no place in a link of ours.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f]/.test(value) || !value.startsWith('/')) return fallback;
  if (value[1] === '/' || value[1] === '\\') return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
