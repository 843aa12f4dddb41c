/**
 * Upsert keys. A website matches whatever its scheme, the case of its host and a trailing slash:
 * `HTTPS://WWW.Polimi.IT/` and `http://www.polimi.it` are one key, `www.polimi.it`. The SQL function
 * nexum_website_key (migration 0004) computes the same, and its index serves the lookup.
 */
export function websiteKey(url: string | null | undefined): string | null {
  if (!url) return null;
  const s = url.replace(/^ +| +$/g, '').replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '');
  const slash = s.indexOf('/');
  const host = slash < 0 ? s : s.slice(0, slash);
  const rest = slash < 0 ? '' : s.slice(slash).replace(/\/+$/, '');
  const key = host.replace(/[A-Z]/g, (c) => c.toLowerCase()) + rest;
  return key === '' ? null : key;
}

/**
 * The keys of a row in matching order: external id, then PIC, then website; and, only for a row that has
 * none of them, its name (with its country when the row has one), so that a plain list of names can be
 * imported again without duplicating it.
 */
export interface RowKeys {
  externalId: string | null;
  pic: string | null;
  website: string | null;
  name: string | null;
}

export type KeyName = keyof RowKeys;

/** A name compared without case, accents or repeated spaces (the database compares with unaccent). */
export function nameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const k = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return k || null;
}
