/**
 * The words of a search box, as the full-text search sees them: lower case, accents removed, letters and
 * digits only (so nothing in the text can change the meaning of the tsquery). The database applies
 * nexum_unaccent on top, as it did to the documents (ß → ss, æ → ae).
 */
export function searchWords(q: string, max = 8): string[] {
  const plain = q
    .normalize('NFKD')
    // Combining marks and modifier letters (ʼ, ˈ): unaccent turns some of them into quotes.
    .replace(/[\p{M}\p{Lm}]/gu, '')
    .toLowerCase();
  const words = plain.match(/[\p{L}\p{Nd}]+/gu) ?? [];
  return [...new Set(words)].slice(0, max);
}

/** Every word must match, as a prefix, so results narrow while the user types: "green chem" → green:* & chem:*. */
export function prefixTsquery(words: readonly string[]): string {
  return words.map((w) => `${w}:*`).join(' & ');
}

/** The same words as whole words: it ranks exact matches above prefix matches. */
export function exactTsquery(words: readonly string[]): string {
  return words.join(' & ');
}

/** Text for the trigram fallback on names: the words joined by spaces, when there is enough to compare. */
export function similarityText(words: readonly string[]): string | null {
  const text = words.join(' ');
  return text.replace(/\s/g, '').length >= 3 ? text : null;
}
