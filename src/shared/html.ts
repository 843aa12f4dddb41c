/** Escapes text for HTML content and attribute values (server-rendered pages: share cards, the Input Paper). */
export const escapeHtml = (s: string | number) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
