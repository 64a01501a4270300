/**
 * Texts of the HTML diagnostics, English and Persian; the locale bundle of the
 * call in progress (../i18n.ts) picks the table. Feature titles, client
 * names and caniemail's notes are data and stay as published (English).
 */
import { isolate as iso, ltr } from '../bidi';

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

const fa: HtmlMessageTable = {
  clientSupport(feature, unsupported, partial) {
    const parts: string[] = [];
    if (unsupported.length) parts.push(`در ${unsupported.map(ltr).join('، ')} پشتیبانی نمی‌شود`);
    for (const g of partial) parts.push(`پشتیبانی ناقص در ${g.clients.map(ltr).join('، ')}`);
    // caniemail's notes are English data: the hover lists them per client under Persian headings.
    const notes = partial.some((g) => g.notes.length) ? ` (یادداشت‌های ${ltr('caniemail.com')} در راهنمای شناور)` : '';
    // A title of several English words ("GIF image format") would be prose in a Persian sentence: name the feature by its slug then.
    const name = feature.title.split(/\s+/).length >= 3 ? feature.slug : feature.title;
    return `${ltr(name)}: ${parts.join('؛ ')}${notes}`;
  },
  cidNotFound: (cid) => `«${iso(cid)}» به هیچ ${ltr('Content-ID')} در این پیام اشاره نمی‌کند: تصویر درون‌خطی شکسته نمایش داده می‌شود (RFC 2392)`,
  scriptElement: () => `یک عنصر ${ltr('<script>')}: همه‌ی کلاینت‌های ایمیل اسکریپت‌ها را حذف می‌کنند`,
  scriptHandler: (attribute) => `رویدادگردان ${ltr(`${attribute}=`)} جاوااسکریپت است: همه‌ی کلاینت‌های ایمیل آن را حذف می‌کنند`,
  scriptUrl: () => `یک نشانی ${ltr('javascript:')}: همه‌ی کلاینت‌های ایمیل آن را حذف یا غیرفعال می‌کنند`,
  noTextAlternative: () => `تنها بدنه‌ی خواندنی ${ltr('HTML')} است: برای خواننده‌های متنی و پالایه‌های هرزنامه یک جایگزین ${ltr('text/plain')} بیفزایید (${ltr('multipart/alternative')}، RFC 2046 §5.1.4)`,
  imageAltMissing: () => `یک ${ltr('<img>')} بی ${ltr('alt')}: وقتی تصویرها مسدودند و برای صفحه‌خوان‌ها، تصویر چیزی نمی‌گوید (برای تزئینی‌ها ${ltr('alt=""')} بگذارید)`,
  clipped: (kb) => `${ltr('HTML')} پس از رمزگشایی ${ltr(kb)} کیلوبایت است: ${ltr('Gmail')} پیام‌های بزرگ‌تر از ${ltr(102)} کیلوبایت را کوتاه می‌کند و باقی را پشت پیوند «مشاهده‌ی کل پیام» پنهان می‌کند`,
  atDecoded: (line, column) => ` (${ltr('HTML')} رمزگشایی‌شده، خط ${ltr(line)}، ستون ${ltr(column)})`,
  moreInPart: (count) => ` (و ${ltr(count)} کاربرد دیگر در همین بخش)`,
  sameFeature: (title) => `${ltr(title)}: این‌جا هم به کار رفته است`,
};

let current: HtmlMessageTable = en;

/** The table of the locale bundle in force (English outside any). */
export function htmlMessages(): HtmlMessageTable {
  return current;
}

/** Replaces the active table (a locale bundle does, ../i18n.ts); returns the previous one. */
export function setHtmlMessageTable(table: HtmlMessageTable): HtmlMessageTable {
  const previous = current;
  current = table;
  return previous;
}

/** Both tables, for tests that compare them. */
export const HTML_MESSAGE_TABLES: Readonly<Record<'en' | 'fa', HtmlMessageTable>> = { en, fa };
