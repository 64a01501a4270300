/**
 * Persian (fa) texts of the HTML diagnostics: the same keys as ./messages.ts
 * (a missing key is a compile error). Feature titles, client names and
 * caniemail's notes are data and stay as published, in left-to-right isolates.
 */
import { isolate as iso, ltr } from '../bidi';
import type { HtmlMessageTable } from './messages';

/** Persian HTML messages. */
export const PERSIAN_HTML_MESSAGES: HtmlMessageTable = {
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
