/**
 * Texts of the HTML diagnostics, one table per language (other languages in
 * ../locales/<language>.ts); a caller passes its locale bundle's table in (../i18n.ts).
 * Feature titles, client names and caniemail's notes are data and stay as
 * published (English).
 */

/** One partial-support group: clients that share caniemail's notes. */
export interface PartialGroup {
  clients: string[];
  notes: string[];
}

/** Every HTML message, by purpose. */
export interface HtmlMessageTable {
  /** A feature some target clients lack (caniemail's title and slug): `unsupported` and `partial` are client names. */
  clientSupport(feature: { title: string; slug: string }, unsupported: string[], partial: PartialGroup[]): string;
  cidNotFound(cid: string): string;
  scriptElement(): string;
  scriptHandler(attribute: string): string;
  scriptUrl(): string;
  noTextAlternative(): string;
  imageAltMissing(): string;
  clipped(kilobytes: number): string;
  /** Appended to problems of base64 parts, reported on the part's first line. */
  atDecoded(line: number, column: number): string;
  /** Appended to a client-support problem whose feature the part uses `count` more times (listed as related locations). */
  moreInPart(count: number): string;
  /** A related location: another use of the same feature. */
  sameFeature(title: string): string;
}

const en: HtmlMessageTable = {
  clientSupport(feature, unsupported, partial) {
    const parts: string[] = [];
    if (unsupported.length) parts.push(`not supported in ${unsupported.join(', ')}`);
    for (const g of partial) parts.push(`partial in ${g.clients.join(', ')}${g.notes.length ? `: ${g.notes.join(' ')}` : ''}`);
    return `${feature.title}: ${parts.join('; ')}`;
  },
  cidNotFound: (cid) => `"${cid}" names no Content-ID of this message: the inline image will be broken (RFC 2392)`,
  scriptElement: () => 'A <script> element: every email client removes scripts',
  scriptHandler: (attribute) => `The event handler ${attribute}= is JavaScript: every email client removes it`,
  scriptUrl: () => 'A javascript: URL: every email client removes or disables it',
  noTextAlternative: () => 'The only readable body is HTML: add a text/plain alternative (multipart/alternative, RFC 2046 §5.1.4) for text-only readers and spam filters',
  imageAltMissing: () => 'An <img> without alt: when images are blocked, and for screen readers, the image says nothing (use alt="" for decoration)',
  clipped: (kb) => `The HTML is ${kb} KB when decoded: Gmail clips messages over 102 KB behind "View entire message"`,
  atDecoded: (line, column) => ` (decoded HTML, line ${line}, column ${column})`,
  moreInPart: (count) => ` (and ${count} more ${count === 1 ? 'use' : 'uses'} in this part)`,
  sameFeature: (title) => `${title}: used here too`,
};

/** The English table, for translations to start from. */
export const ENGLISH_HTML_MESSAGES: HtmlMessageTable = en;
