/**
 * Repairs names whose UTF-8 bytes were once read as Mac Roman or Windows-1252/Latin-1 ("M√ºnster",
 * "MÃ¼nster" → "Münster"). The text is turned back into the bytes that encoding gives it and kept only if
 * those bytes are valid UTF-8 holding at least one multi-byte character. Genuine accented text almost
 * never passes that test (in both encodings a lone accented letter is not valid UTF-8), so correct names
 * are left as they are.
 */
// Characters 0x80–0xFF of Mac Roman, in byte order.
const MAC_ROMAN =
  '\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00f3\u00f2\u00f4\u00f6\u00f5\u00fa\u00f9\u00fb\u00fc\u2020\u00b0\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u2122\u00b4\u00a8\u2260\u00c6\u00d8\u221e\u00b1\u2264\u2265\u00a5\u00b5\u2202\u2211\u220f\u03c0\u222b\u00aa\u00ba\u03a9\u00e6\u00f8\u00bf\u00a1\u00ac\u221a\u0192\u2248\u2206\u00ab\u00bb\u2026\u00a0\u00c0\u00c3\u00d5\u0152\u0153\u2013\u2014\u201c\u201d\u2018\u2019\u00f7\u25ca\u00ff\u0178\u2044\u20ac\u2039\u203a\ufb01\ufb02\u2021\u00b7\u201a\u201e\u2030\u00c2\u00ca\u00c1\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc\u00d3\u00d4\uf8ff\u00d2\u00da\u00db\u00d9\u0131\u02c6\u02dc\u00af\u02d8\u02d9\u02da\u00b8\u02dd\u02db\u02c7';
// Windows-1252 differs from Latin-1 in 0x80–0x9F; the five undefined positions map to themselves.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const macRoman = new Map<string, number>([...MAC_ROMAN].map((ch, i) => [ch, 0x80 + i]));
const cp1252 = new Map<string, number>([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));
for (let b = 0xa0; b <= 0xff; b++) cp1252.set(String.fromCharCode(b), b);

const utf8 = new TextDecoder('utf-8', { fatal: true });

function reencode(text: string, table: Map<string, number>): Uint8Array | null {
  const out = new Uint8Array(text.length);
  let n = 0;
  let high = false;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out[n++] = code;
    else {
      const b = table.get(ch);
      if (b === undefined) return null;
      out[n++] = b;
      high = true;
    }
  }
  return high ? out.subarray(0, n) : null;
}

function tryDecode(text: string, table: Map<string, number>): string | null {
  const bytes = reencode(text, table);
  if (!bytes) return null;
  try {
    const fixed = utf8.decode(bytes);
    return fixed !== text ? fixed : null;
  } catch {
    return null;
  }
}

/** The repaired text, or the text unchanged when it is not clearly mojibake. */
export function fixMojibake(text: string): string {
  // Pure ASCII cannot be mojibake.
  if (!/[\u0080-\uffff]/.test(text)) return text;
  return tryDecode(text, macRoman) ?? tryDecode(text, cp1252) ?? text;
}
