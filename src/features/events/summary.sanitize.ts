import sanitizeHtml from 'sanitize-html';

/**
 * The summary article's HTML allow-list: headings, paragraphs, lists, links, bold and italic, quotes.
 * Everything else is dropped (scripts and styles with their content, event handlers, style attributes,
 * images, iframes); links keep only http(s) and mailto addresses and open without giving the target
 * page a handle on ours. The page title is the event's h1, so an h1 in the article becomes an h2.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'blockquote'],
  // rel is set by the transform below, whatever the input said.
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer' },
    }),
  },
};

export function sanitizeSummaryHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** The article as plain text (share-card descriptions, length checks). */
export function summaryText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
