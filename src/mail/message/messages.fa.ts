/**
 * Persian (fa) texts of the `eml` diagnostics: the same keys as the English
 * table in ./messages.ts (a missing or extra key is a compile error). Header
 * names, codes, addresses and examples stay in Latin script and are wrapped in
 * Unicode isolates (../bidi.ts) so they are not reordered inside the
 * right-to-left sentence. RFC numbers are kept as written in the standards.
 */
import { isolate as iso, ltr } from '../bidi';
import type { MessageTable } from './messages';

const q = (s: string): string => `«${iso(s)}»`;

export const PERSIAN_MESSAGES: MessageTable = {
  'header-syntax': (line) =>
    `این خط در بخش سرآیند نه به شکل ${ltr('Name: value')} است و نه ادامه‌ی تورفته‌ی خط قبل${line ? ` (${q(line)})` : ''}. اگر بدنه از اینجا شروع می‌شود، یک خط خالی پیش از آن کم است.`,
  'header-syntax-no-separator': () => 'بخش سرآیند اینجا تمام می‌شود، بی آن خط خالی که باید آن را از بدنه جدا کند.',
  'header-name-invalid-empty': () => 'نام فیلد پیش از دونقطه خالی است.',
  'header-name-invalid': (ch) =>
    `نام فیلد نویسه‌ی ${iso(ch)} را دارد؛ نام‌ها فقط می‌توانند از نویسه‌های چاپی ASCII (${ltr('33-126')}) به جز دونقطه ساخته شوند.`,
  'header-space-before-colon': () => 'فاصله میان نام فیلد و دونقطه‌اش نحو منسوخ است؛ آن را حذف کنید.',
  'continuation-first': () => 'بخش سرآیند با یک خط تورفته (تاشده) شروع می‌شود، اما پیش از آن فیلدی نیست که ادامه داده شود.',
  'line-too-long': (octets) =>
    `این خط ${ltr(octets)} اکتت است؛ RFC 5322 پیش از شکست خط حداکثر ${ltr(998)} اکتت را مجاز می‌داند و سرورهای ایمیل ممکن است آن را ببرند یا رد کنند.`,
  'line-over-78': (chars) =>
    `این خط سرآیند ${ltr(chars)} نویسه است؛ خط‌ها بهتر است حداکثر ${ltr(78)} نویسه باشند. آن را با شکستن پیش از یک فاصله تا کنید.`,
  'bare-cr': () => `یک بازگشت نورد (${ltr('CR')}) که پس از آن خط‌خور (${ltr('LF')}) نیامده؛ پیام فقط می‌تواند ${ltr('CR')} را به شکل ${ltr('CRLF')} داشته باشد.`,
  'mixed-line-endings': (crlf, lf) =>
    `این فایل پایان خط‌ها را درهم دارد: ${ltr(crlf)} خط ${ltr('CRLF')} و ${ltr(lf)} خط با ${ltr('LF')} تنها. یک شیوه را به کار ببرید (ایمیل روی سیم ${ltr('CRLF')} به کار می‌برد).`,
  'nul-character': () => `یک نویسه‌ی ${ltr('NUL')}؛ هیچ پیامی نباید آن را داشته باشد.`,
  'missing-from': () => `پیام فیلد ${ltr('From')} ندارد؛ هر پیام باید بگوید چه کسی آن را نوشته است.`,
  'missing-from-embedded': () =>
    `این پیام پیوست‌شده هیچ‌کدام از ${ltr('From')}، ${ltr('Subject')} و ${ltr('Date')} را ندارد؛ پیام پیوست‌شده دست‌کم یکی از آن‌ها را لازم دارد.`,
  'missing-date': () => `پیام فیلد ${ltr('Date')} ندارد؛ هر پیام باید تاریخ نوشته شدنش را داشته باشد.`,
  'missing-recipient': () => `پیام هیچ فیلد ${ltr('To')}، ${ltr('Cc')} یا ${ltr('Bcc')} ندارد، پس گیرنده‌ای را نام نمی‌برد.`,
  'missing-subject': () => `پیام فیلد ${ltr('Subject')} ندارد.`,
  'missing-message-id': () => `پیام ${ltr('Message-ID')} ندارد؛ هر پیام باید یک شناسه‌ی یکتا داشته باشد.`,
  'duplicate-header': (name) =>
    `${ltr(name)} بیش از یک بار آمده است؛ این فیلد حداکثر یک بار مجاز است. خواننده‌ها ممکن است هر یک از مقدارها را بردارند.`,
  'duplicate-header-related': (name) => `نخستین فیلد ${ltr(name)}`,
  'sender-required': (count) =>
    `${ltr('From')} ${ltr(count)} صندوق پستی را نام می‌برد، پس فیلد ${ltr('Sender')} لازم است تا کسی را که واقعاً پیام را فرستاده نام ببرد.`,
  'address-syntax': (detail) => `نشانی معتبر نیست: ${iso(detail)}.`,
  'address-empty': (name) => `${ltr(name)} خالی است؛ دست‌کم یک نشانی لازم دارد.`,
  'date-syntax': (detail) =>
    `تاریخ معتبر نیست: ${iso(detail)}. شکلی مانند ${q('Mon, 2 Jan 2006 15:04:05 +0000')} انتظار می‌رود.`,
  'date-weekday-mismatch': (written, actual) =>
    `روز هفته ${ltr(written)} نوشته شده، اما آن تاریخ ${ltr(actual)} است.`,
  'date-obsolete-zone': (zone, numeric) =>
    `منطقه‌ی زمانی ${q(zone)} منسوخ است؛ آن را به شکل اختلاف عددی بنویسید (${ltr(numeric)}).`,
  'message-id-syntax': (detail) =>
    `شناسه‌ی پیام معتبر نیست: ${iso(detail)}. شکل ${ltr('<left-part@right-part>')} انتظار می‌رود.`,
  'non-ascii-header': (name) =>
    `${name ? ltr(name) : 'این فیلد'} نویسه‌های غیر ASCII خام دارد که فقط سرورهای پشتیبان ${ltr('SMTPUTF8')} می‌پذیرند؛ به جای آن یک واژه‌ی رمزشده (${ltr('=?UTF-8?...?=')}) به کار ببرید.`,
  'encoded-word-invalid': (detail) => `واژه‌ی رمزشده‌ی نادرست: ${iso(detail)}.`,
  'unknown-charset': (charset) => `${q(charset)} نام یک مجموعه‌نویسه‌ی شناخته‌شده نیست؛ خواننده‌ها ممکن است متن درهم نشان دهند.`,
  'mime-version-missing': () =>
    `فیلدهای ${ltr('Content-*')} به کار رفته‌اند اما فیلد ${ltr('MIME-Version: 1.0')} نیست، پس خواننده‌ها ممکن است آن‌ها را نادیده بگیرند.`,
  'mime-version-value': (value) => `${ltr('MIME-Version')} برابر ${q(value)} است؛ تنها نسخه‌ی تعریف‌شده ${ltr('1.0')} است.`,
  'content-type-syntax': (detail) =>
    `${ltr('Content-Type')} به شکل ${ltr('type/subtype')} و سپس پارامترهای ${ltr('; name=value')} نیست: ${iso(detail)}. خواننده‌ها این بخش را متن ساده می‌گیرند.`,
  'parameter-syntax': (detail) => `پارامتر نادرست: ${iso(detail)}.`,
  'boundary-missing': (type) =>
    `${ltr(type)} پارامتر ${ltr('boundary')} لازم دارد که بخش‌هایش را از هم جدا کند؛ بی آن بخش‌ها پیدا نمی‌شوند.`,
  'boundary-invalid-length': (length) => `مرز (${ltr('boundary')}) ${ltr(length)} نویسه است؛ حداکثر ${ltr(70)} نویسه مجاز است.`,
  'boundary-invalid-char': (ch) =>
    `مرز نویسه‌ی ${iso(ch)} را دارد که در مرز مجاز نیست (فقط حروف، رقم‌ها، ${ltr("'()+_,-./:=?")} و فاصله‌های میانی).`,
  'boundary-invalid-empty': () => 'مرز خالی است.',
  'boundary-invalid-reused': () =>
    'این مرز را یک multipart بیرونی به کار برده است؛ multipartهای تودرتو مرزهای متفاوت لازم دارند، وگرنه این بخش‌ها از هم تشخیص داده نمی‌شوند.',
  'boundary-invalid-prefix': (outer) =>
    `این مرز با مرز ${q(outer)} یک multipart بیرونی شروع می‌شود، پس خط‌های جداکننده‌اش را می‌توان از آنِ آن multipart خواند؛ مرزی انتخاب کنید که با آن شروع نشود.`,
  'boundary-not-found': (boundary) =>
    `هیچ خط ${ltr(`--${boundary}`)} در بدنه‌ی این multipart بخشی را شروع نمی‌کند، پس هیچ بخشی ندارد.`,
  'closing-boundary-missing': (boundary) => `بدنه‌ی multipart هرگز با خط پایانی ${ltr(`--${boundary}--`)} تمام نمی‌شود.`,
  'cte-unknown': (value) =>
    `${q(value)} یک رمزگذاری انتقال نیست؛ یکی از ${ltr('7bit')}، ${ltr('8bit')}، ${ltr('binary')}، ${ltr('quoted-printable')} یا ${ltr('base64')} را به کار ببرید.`,
  'cte-composite': (type, cte) =>
    `بخش ${ltr(type)} نباید با ${ltr(cte)} رمزگذاری شود؛ فقط ${ltr('7bit')}، ${ltr('8bit')} یا ${ltr('binary')} مجاز است و بخش‌های درونی رمزگذاری خودشان را دارند.`,
  'eight-bit-data': (cte) =>
    `نویسه‌ی غیر ASCII در بخشی که رمزگذاری انتقالش ${ltr(cte)} است و فقط ASCII هفت‌بیتی را مجاز می‌داند؛ ${ltr('8bit')} اعلام کنید یا آن را با ${ltr('quoted-printable')} یا ${ltr('base64')} رمزگذاری کنید.`,
  'base64-invalid-char': (ch) => `${iso(ch)} نویسه‌ی base64 نیست.`,
  'base64-invalid-after-padding': () => `داده‌ی base64 پس از لایه‌ی ${q('=')} که پایانش را نشان می‌دهد ادامه پیدا می‌کند.`,
  'base64-invalid-length': (extra) =>
    `داده‌ی base64 با ${ltr(extra)} نویسه‌ی اضافه تمام می‌شود؛ طولش باید مضربی از ۴ نویسه باشد (با ${q('=')} پر کنید).`,
  'base64-invalid-padding': () => `لایه‌ی ${q('=')} در پایان داده‌ی base64 بیش از اندازه است.`,
  'base64-line-length': (length) => `خط base64 ${ltr(length)} نویسه است؛ حداکثر ${ltr(76)} نویسه مجاز است.`,
  'qp-invalid': (seq) =>
    `${q(seq)} یک گریز quoted-printable معتبر نیست؛ پس از ${q('=')} باید دو رقم هگزادسیمال بیاید یا خط تمام شود (شکست نرم خط). برای خود ${q('=')} بنویسید ${q('=3D')}.`,
  'qp-line-length': (length) =>
    `خط quoted-printable ${ltr(length)} نویسه است؛ حداکثر ${ltr(76)} نویسه مجاز است (شکست نرم خط ${q('=')} را به کار ببرید).`,
  'too-large': (size, limit) =>
    `این سند ${ltr(size)} نویسه دارد، بیش از حد ${ltr(limit)}؛ فقط سرآیندها و ساختارش بررسی شد.`,
  'nesting-too-deep': (limit) => `بخش‌های MIME بیش از ${ltr(limit)} سطح تودرتو هستند؛ بخش‌های پایین‌تر تجزیه و بررسی نشدند.`,
  'cap-reached': (code, cap) => `(${ltr(code)} ${ltr(cap)} بار گزارش شد؛ موارد بعدی فهرست نمی‌شوند.)`,
};
