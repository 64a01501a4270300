/**
 * Persian (fa) texts of the `eml` diagnostics: the same keys as the English
 * table in ./messages.ts (a missing or extra key is a compile error). Header
 * names, codes, addresses and examples stay in Latin script and are wrapped in
 * Unicode isolates (../bidi.ts) so they are not reordered inside the
 * right-to-left sentence. RFC numbers are kept as written in the standards.
 */
import { isolate as iso, ltr } from '../bidi';
import { renderDetail, type Detail, type DetailTable, type MessageTable } from './messages';

/** The user's own text (a token, a value), quoted and isolated: its direction is unknown. */
const q = (s: string): string => `«${iso(s)}»`;

/** Persian names of the RFC 5322 day abbreviations, for "that date is a Monday". */
const WEEKDAYS: Readonly<Record<string, string>> = {
  Mon: 'دوشنبه', Tue: 'سه‌شنبه', Wed: 'چهارشنبه', Thu: 'پنجشنبه', Fri: 'جمعه', Sat: 'شنبه', Sun: 'یکشنبه',
};

/**
 * Persian of the parsers' details (same keys as `ENGLISH_DETAILS`). Tokens the
 * user wrote are quoted with `q()`; syntax the user should write (`@`, `<>`,
 * `+hhmm`), field and parameter section names and numbers are `ltr()` runs.
 * A detail is Persian prose, so the messages embed it without an isolate.
 */
export const PERSIAN_DETAILS: DetailTable = {
  'quote-unclosed': () => `متن درون گیومه‌ی ${ltr('"')} هرگز بسته نمی‌شود`,
  'control-char': () => 'یک نویسه‌ی کنترلی در آن هست',
  'address-missing': () => 'نشانی خالی است',
  'local-empty-piece': () => `بخش پیش از ${ltr('@')} میان دو نقطه تکه‌ای خالی دارد`,
  'local-char': (token) => `${q(token)} پیش از ${ltr('@')} مجاز نیست`,
  'local-char-unquoted': (token) => `${q(token)} پیش از ${ltr('@')} مجاز نیست (گیومه یا ویرگولی جا افتاده است؟)`,
  'domain-absent': () => `بخش ${ltr('@domain')} ندارد`,
  'local-empty-or-dot': () => `بخش پیش از ${ltr('@')} خالی است یا با نقطه تمام می‌شود`,
  'domain-control-char': () => 'دامنه یک نویسه‌ی کنترلی دارد',
  'domain-literal-unclosed': () => `دامنه‌ی لفظی هرگز با ${ltr(']')} بسته نمی‌شود`,
  'domain-char': (token) => `${q(token)} در دامنه مجاز نیست`,
  'domain-missing': () => `دامنه‌ی پس از ${ltr('@')} نیامده است`,
  'domain-trailing-dot': () => 'دامنه با نقطه تمام می‌شود',
  'display-name-char': (token) => `${q(token)} در نام نمایشی مجاز نیست (نام را درون گیومه‌ی ${ltr('"')} بگذارید)`,
  'angle-empty': () => `درون ${ltr('<>')} چیزی نیست`,
  'angle-unclosed': () => `${ltr('<')} هرگز با ${ltr('>')} بسته نمی‌شود`,
  'after-address': (token) => `پس از نشانی ${q(token)} آمده است (ویرگولی جا افتاده است؟)`,
  'group-no-name': () => `گروه پیش از ${ltr(':')} نامی ندارد`,
  'group-name-char': (token) => `${q(token)} در نام گروه مجاز نیست`,
  'group-unclosed': (name) => `گروه ${q(name)} با ${ltr(';')} بسته نمی‌شود`,
  'group-not-allowed': (field) => `${ltr(field)} نمی‌تواند گروه داشته باشد`,
  'one-mailbox-only': (field) => `${ltr(field)} باید دقیقاً یک صندوق پستی داشته باشد`,
  'encoded-word-in-quotes': () =>
    `RFC 2047 واژه‌ی رمزشده را درون گیومه‌ی ${ltr('"')} ممنوع می‌کند: خواننده‌های سخت‌گیر آن را خام نشان می‌دهند، هرچند بسیاری باز هم رمزگشایی‌اش می‌کنند؛ گیومه‌ها را بردارید`,
  'encoded-word-in-address': () => 'واژه‌ی رمزشده در نشانی مجاز نیست',
  'word-b-invalid': () => `متن ${ltr('B')} آن ${ltr('base64')} معتبر نیست`,
  'word-q-invalid': () => `متن ${ltr('Q')} آن نویسه یا گریز ${ltr('=')} نامجاز دارد`,
  'word-encoding-unknown': (letter) => `${q(letter)} رمزگذاری نیست؛ ${ltr('B')} یا ${ltr('Q')} را به کار ببرید`,
  'word-too-long': (length) => `${ltr(length)} نویسه است؛ حداکثر ${ltr(75)} نویسه مجاز است`,
  'word-empty': () => `متن رمزشده میان ${ltr('?B?')} یا ${ltr('?Q?')} و ${ltr('?=')} خالی است؛ دست‌کم یک نویسه لازم است`,
  'word-malformed': () => 'شکل درستی از یک واژه‌ی رمزشده نیست',
  'value-empty': () => 'مقدار خالی است',
  'weekday-unknown': (token) => `${q(token)} روز هفته نیست (${ltr('Mon, Tue, ...')})`,
  'weekday-comma': () => `پس از روز هفته باید ویرگول (${ltr(',')}) بیاید`,
  'day-expected': () => `روز ماه (${ltr('1-31')}) انتظار می‌رود`,
  'month-expected': () => `نام ماه (${ltr('Jan, Feb, ...')}) انتظار می‌رود`,
  'year-expected': () => 'سال انتظار می‌رود',
  'year-too-early': () => `سال باید ${ltr(1900)} یا پس از آن باشد`,
  'time-expected': () => `زمان به شکل ${ltr('hh:mm:ss')} انتظار می‌رود`,
  'time-colon': () => `میان ساعت و دقیقه ${ltr(':')} انتظار می‌رود`,
  'minutes-expected': () => 'دقیقه‌ی دورقمی انتظار می‌رود',
  'seconds-expected': () => 'ثانیه‌ی دورقمی انتظار می‌رود',
  'day-out-of-range': (month, year, day) => `${ltr(`${month} ${year}`)} روز ${ltr(day)} ندارد`,
  'hour-range': () => `ساعت باید در بازه‌ی ${ltr('00-23')} باشد`,
  'minute-range': () => `دقیقه باید در بازه‌ی ${ltr('00-59')} باشد`,
  'second-range': () => `ثانیه باید در بازه‌ی ${ltr('00-60')} باشد`,
  'zone-missing': () => `منطقه‌ی زمانی (مانند ${ltr('+0000')}) نیامده است`,
  'zone-minute-range': () => `دقیقه‌های منطقه‌ی زمانی باید در بازه‌ی ${ltr('00-59')} باشد`,
  'zone-invalid': (zone) => `${q(zone)} منطقه‌ی زمانی نیست؛ آن را به شکل ${ltr('+hhmm')} یا ${ltr('-hhmm')} بنویسید`,
  'after-zone': (token) => `${q(token)} پس از منطقه‌ی زمانی نابجاست`,
  'field-empty': (field) => `${ltr(field)} خالی است`,
  'id-not-enclosed': () => `شناسه باید درون ${ltr('< >')} باشد`,
  'id-stray': (token) => `${q(token)} بخشی از یک شناسه‌ی پیام نیست`,
  'id-empty': () => 'شناسه خالی است',
  'id-no-at': () => `شناسه ${ltr('@')} ندارد`,
  'id-left-invalid': () => `بخش پیش از ${ltr('@')} یک واژه یا چند واژه‌ی نقطه‌دار معتبر نیست`,
  'id-right-invalid': () => `بخش پس از ${ltr('@')} دامنه‌ی معتبری نیست`,
  'id-multiple': (field) => `${ltr(field)} باید دقیقاً یک شناسه داشته باشد`,
  'subtype-missing': (type) => `${q(type)} بخش ${ltr('/subtype')} ندارد`,
  'not-type-subtype': (value) => `${q(value)} به شکل ${ltr('type/subtype')} نیست`,
  'disposition-not-token': (value) => `${q(value)} نوع نمایش نیست (${ltr('inline')}، ${ltr('attachment')} یا واژه‌ای دیگر)`,
  'list-uri-not-bracketed': (token) => `${q(token)} درون ${ltr('< >')} نیست`,
  'list-uri-empty': () => `درون ${ltr('<>')} هیچ ${ltr('URI')} نیست`,
  'list-uri-scheme': (uri) => `${q(uri)} طرحی مانند ${ltr('mailto:')} یا ${ltr('https:')} ندارد`,
  'list-after-uri': (token) => `پس از یک ${ltr('<URI>')} ${q(token)} آمده است (ویرگولی جا افتاده است؟)`,
  'param-name-expected': () => 'نام پارامتر انتظار می‌رود',
  'param-no-equals': (name) => `${q(name)} بخش ${ltr('=value')} ندارد`,
  'param-no-value': (name) => `${q(name)} مقداری ندارد`,
  'param-quote-unclosed': (name) => `مقدار درون گیومه‌ی ${q(name)} هرگز بسته نمی‌شود`,
  'param-needs-quotes': (name, ch) => `مقدار ${q(name)} نویسه‌ی ${q(ch)} را دارد و باید درون گیومه‌ی ${ltr('"')} بیاید`,
  'param-needs-quotes-space': (name) => `مقدار ${q(name)} فاصله دارد و باید درون گیومه‌ی ${ltr('"')} بیاید`,
  'param-repeated': (name) => `${q(name)} بیش از یک بار آمده است`,
  'param-name-invalid': (name) => `${q(name)} نام پارامتر معتبری نیست`,
  'param-leading-zero': (name) => `شماره‌ی بخش‌ها نباید با صفر شروع شود (${q(name)})`,
  'param-section-missing': (base, index, name) => `بخش ${ltr(`${base}*${index}`)} پیش از ${q(name)} نیامده است`,
  'param-extended-prefix': (name) => `مقدار گسترش‌یافته‌ی ${q(name)} باید با ${ltr("charset'language'")} شروع شود`,
  'param-percent': (name) => `پس از ${ltr('%')} در مقدار ${q(name)} باید دو رقم هگزادسیمال بیاید`,
  'char-quoted': (ch) => `نویسه‌ی ${q(ch)}`,
  'char-control': (code) => `نویسه‌ی کنترلی ${ltr(code)}`,
  'char-control-sentence': (code) => `نویسه‌ی کنترلی ${ltr(code)}`,
  'char-del': () => `نویسه‌ی ${ltr('DEL')}`,
  'char-trailing-space': () => 'فاصله‌ای در پایان',
  'smtp-address-empty': () => 'نشانی خالی است',
  'smtp-quote-unclosed': () => `بخش محلیِ درون گیومه‌ی ${ltr('"')} بسته نمی‌شود`,
  'smtp-quoted-control': () => 'یک نویسه‌ی کنترلی در بخش محلیِ درون گیومه هست',
  'smtp-local-char': (token) => `${q(token)} در بخش محلی (پیش از ${ltr('@')}) مجاز نیست`,
  'smtp-local-empty': () => `بخش محلی خالی است یا میان دو نقطه تکه‌ای خالی دارد`,
  'smtp-domain-absent': () => `بخش ${ltr('@domain')} نیامده است`,
  'smtp-domain-char': (token) => `${q(token)} در دامنه مجاز نیست`,
  'smtp-literal-unclosed': () => `نشانی لفظی با ${ltr(']')} بسته نمی‌شود`,
  'smtp-literal-invalid': () => 'نشانی لفظی خالی است یا نویسه‌ی نامجاز دارد',
  'smtp-domain-missing': () => 'دامنه نیامده است',
  'smtp-label-invalid': () => 'یکی از برچسب‌های دامنه خالی است یا با نویسه‌ای نامجاز آغاز می‌شود',
  'smtp-label-hyphen': () => `یکی از برچسب‌های دامنه با خط تیره (${ltr('-')}) تمام می‌شود`,
  'smtp-space': () => 'بیرون از گیومه فاصله دارد',
  'smtp-control': () => 'یک نویسه‌ی کنترلی در آن هست',
  'smtp-path-too-long': () => `از ${ltr('254')} اکتت بلندتر است (RFC 5321 §4.5.3.1.3)`,
  'path-line-break': () => 'شکست خط در آن هست',
  'path-nul': () => `نویسه‌ی ${ltr('NUL')} در آن هست`,
  'path-angle': () => `${ltr('<')} یا ${ltr('>')} در آن هست (نشانی را بی‌آن‌ها بنویسید)`,
  'expect-domain-or-queue': () => 'یک نام دامنه یا نام صف',
  'expect-user-or-mailbox': () => 'یک نام کاربری یا صندوق پستی',
  'expect-client-domain': () => 'نام دامنه‌ی کلاینت (یا یک نشانی لفظی)',
  'expect-size': () => 'اندازه‌ی پیام به اکتت (RFC 1870)',
  'expect-body': () => `${ltr('7BIT')}، ${ltr('8BITMIME')} یا ${ltr('BINARYMIME')} (RFC 6152، RFC 3030)`,
  'expect-ret': () => `${ltr('FULL')} یا ${ltr('HDRS')} (RFC 3461)`,
  'expect-no-value': () => 'بی مقدار داده شود (RFC 6531)',
  'expect-prdr-no-value': () => `بی مقدار داده شود (${ltr('draft-hall-prdr')})`,
  'expect-xtext-value': () => `با مقدار (${ltr('xtext')}) داده شود`,
  'expect-notify': () => `${ltr('NEVER')} یا فهرستی با ویرگول از ${ltr('SUCCESS, FAILURE, DELAY')} (RFC 3461)`,
  'expect-orcpt': () => `${ltr('addr-type;xtext')} مانند ${ltr('rfc822;user@example.com')} (RFC 3461)`,
  'credential-user': () => 'نام کاربری',
  'credential-password': () => 'گذرواژه',
};

const d = (detail: Detail): string => renderDetail(PERSIAN_DETAILS, detail);

export const PERSIAN_MESSAGES: MessageTable = {
  'header-syntax': (line) =>
    `این خط در بخش سرآیند نه به شکل ${ltr('Name: value')} است و نه ادامه‌ی تورفته‌ی خط قبل${line ? ` (${q(line)})` : ''}. اگر بدنه از اینجا شروع می‌شود، یک خط خالی پیش از آن کم است.`,
  'header-syntax-no-separator': () => 'بخش سرآیند اینجا تمام می‌شود، بی آن خط خالی که باید آن را از بدنه جدا کند.',
  'header-name-invalid-empty': () => 'نام فیلد پیش از دونقطه خالی است.',
  'header-name-invalid': (ch) =>
    `نام فیلد ${d(ch)} را دارد؛ نام‌ها فقط می‌توانند از نویسه‌های چاپی ASCII (${ltr('33-126')}) به جز دونقطه ساخته شوند.`,
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
  'address-syntax': (detail) => `نشانی معتبر نیست: ${d(detail)}.`,
  'address-empty': (name) => `${ltr(name)} خالی است؛ دست‌کم یک نشانی لازم دارد.`,
  'date-syntax': (detail) =>
    `تاریخ معتبر نیست: ${d(detail)}. شکلی مانند «${ltr('Mon, 2 Jan 2006 15:04:05 +0000')}» انتظار می‌رود.`,
  'date-weekday-mismatch': (written, actual) =>
    `روز هفته ${ltr(written)} نوشته شده، اما آن تاریخ ${WEEKDAYS[actual] ?? ''} (${ltr(actual)}) است.`,
  'date-obsolete-zone': (zone, numeric) =>
    `منطقه‌ی زمانی ${q(zone)} منسوخ است؛ آن را به شکل اختلاف عددی بنویسید (${ltr(numeric)}).`,
  'message-id-syntax': (detail) =>
    `شناسه‌ی پیام معتبر نیست: ${d(detail)}. شکل ${ltr('<left-part@right-part>')} انتظار می‌رود.`,
  'non-ascii-header': (name) =>
    `${name ? ltr(name) : 'این فیلد'} نویسه‌های غیر ASCII خام دارد که فقط سرورهای پشتیبان ${ltr('SMTPUTF8')} می‌پذیرند؛ به جای آن یک واژه‌ی رمزشده (${ltr('=?UTF-8?...?=')}) به کار ببرید.`,
  'encoded-word-invalid': (detail) => `واژه‌ی رمزشده‌ی نادرست: ${d(detail)}.`,
  'unknown-charset': (charset) => `${q(charset)} نام یک مجموعه‌نویسه‌ی شناخته‌شده نیست؛ خواننده‌ها ممکن است متن درهم نشان دهند.`,
  'mime-version-missing': () =>
    `فیلدهای ${ltr('Content-*')} به کار رفته‌اند اما فیلد ${ltr('MIME-Version: 1.0')} نیست، پس خواننده‌ها ممکن است آن‌ها را نادیده بگیرند.`,
  'mime-version-value': (value) => `${ltr('MIME-Version')} برابر ${q(value)} است؛ تنها نسخه‌ی تعریف‌شده ${ltr('1.0')} است.`,
  'content-type-syntax': (detail) =>
    `${ltr('Content-Type')} به شکل ${ltr('type/subtype')} و سپس پارامترهای ${ltr('; name=value')} نیست: ${d(detail)}. خواننده‌ها این بخش را متن ساده می‌گیرند.`,
  'parameter-syntax': (detail) => `پارامتر نادرست: ${d(detail)}.`,
  'boundary-missing': (type) =>
    `${ltr(type)} پارامتر ${ltr('boundary')} لازم دارد که بخش‌هایش را از هم جدا کند؛ بی آن بخش‌ها پیدا نمی‌شوند.`,
  'boundary-invalid-length': (length) => `مرز (${ltr('boundary')}) ${ltr(length)} نویسه است؛ حداکثر ${ltr(70)} نویسه مجاز است.`,
  'boundary-invalid-char': (ch) =>
    `مرز ${d(ch)} را دارد که در مرز مجاز نیست (فقط حروف، رقم‌ها، ${ltr("'()+_,-./:=?")} و فاصله‌های میانی).`,
  'boundary-invalid-empty': () => 'مرز خالی است.',
  'boundary-invalid-reused': () =>
    `این مرز را یک ${ltr('multipart')} بیرونی به کار برده است؛ ${ltr('multipart')}‌های تودرتو مرزهای متفاوت لازم دارند، وگرنه این بخش‌ها از هم تشخیص داده نمی‌شوند.`,
  'boundary-invalid-prefix': (outer) =>
    `این مرز با مرز ${q(outer)} یک ${ltr('multipart')} بیرونی شروع می‌شود، پس خط‌های جداکننده‌اش را می‌توان از آنِ آن ${ltr('multipart')} خواند؛ مرزی انتخاب کنید که با آن شروع نشود.`,
  'boundary-not-found': (boundary) =>
    `هیچ خط ${ltr(`--${boundary}`)} در بدنه‌ی این ${ltr('multipart')} بخشی را شروع نمی‌کند، پس هیچ بخشی ندارد.`,
  'closing-boundary-missing': (boundary) => `بدنه‌ی ${ltr('multipart')} هرگز با خط پایانی ${ltr(`--${boundary}--`)} تمام نمی‌شود.`,
  'cte-unknown': (value) =>
    `${q(value)} یک رمزگذاری انتقال نیست؛ یکی از ${ltr('7bit')}، ${ltr('8bit')}، ${ltr('binary')}، ${ltr('quoted-printable')} یا ${ltr('base64')} را به کار ببرید.`,
  'cte-unknown-empty': () =>
    `${ltr('Content-Transfer-Encoding')} خالی است؛ ${ltr('7bit')}، ${ltr('8bit')}، ${ltr('binary')}، ${ltr('quoted-printable')} یا ${ltr('base64')} بنویسید (خواننده‌ها ${ltr('7bit')} حدس می‌زنند و ممکن است متن رمزشده را خام نشان دهند).`,
  'content-disposition-syntax': (detail) =>
    `${ltr('Content-Disposition')} یک ${ltr('inline')} یا ${ltr('attachment')} (یا واژه‌ای دیگر) و سپس پارامترهای ${ltr('; name=value')} نیست: ${d(detail)}. خواننده‌ها ممکن است بخش را درون متن نشان دهند یا نام پرونده‌اش را گم کنند.`,
  'content-disposition-empty': () =>
    `${ltr('Content-Disposition')} خالی است؛ ${ltr('inline')} یا ${ltr('attachment')} بنویسید، یا فیلد را بردارید.`,
  'list-unsubscribe-syntax': (detail) =>
    `${ltr('List-Unsubscribe')} باید فهرستی از ${ltr('<URI>')}‌های جداشده با ویرگول باشد: ${d(detail)}. برنامه‌های نامه ممکن است دکمه‌ی لغو اشتراک نشان ندهند.`,
  'list-unsubscribe-post-no-https': () =>
    `${ltr('List-Unsubscribe-Post')} لغو اشتراک با یک کلیک را می‌خواهد، اما ${ltr('List-Unsubscribe')} هیچ نشانی ${ltr('<https:...>')} برای فرستادن ${ltr('POST')} ندارد (RFC 8058 §3.1).`,
  'list-unsubscribe-post-alone': () =>
    `${ltr('List-Unsubscribe-Post')} لغو اشتراک با یک کلیک را می‌خواهد، اما پیام فیلد ${ltr('List-Unsubscribe')} با نشانی ${ltr('<https:...>')} ندارد (RFC 8058 §3.1).`,
  'list-unsubscribe-post-value': (value) =>
    `${ltr('List-Unsubscribe-Post')} باید دقیقاً ${ltr('List-Unsubscribe=One-Click')} باشد، نه ${q(value)} (RFC 8058 §3.1).`,
  'cte-composite': (type, cte) =>
    `بخش ${ltr(type)} نباید با ${ltr(cte)} رمزگذاری شود؛ فقط ${ltr('7bit')}، ${ltr('8bit')} یا ${ltr('binary')} مجاز است و بخش‌های درونی رمزگذاری خودشان را دارند.`,
  'eight-bit-data': (cte) =>
    `نویسه‌ی غیر ASCII در بخشی که رمزگذاری انتقالش ${ltr(cte)} است و فقط ASCII هفت‌بیتی را مجاز می‌داند؛ ${ltr('8bit')} اعلام کنید یا آن را با ${ltr('quoted-printable')} یا ${ltr('base64')} رمزگذاری کنید.`,
  'base64-invalid-char': (ch) => `${d(ch)} در الفبای ${ltr('base64')} نیست.`,
  'base64-invalid-after-padding': () => `داده‌ی ${ltr('base64')} پس از لایه‌ی ${q('=')} که پایانش را نشان می‌دهد ادامه پیدا می‌کند.`,
  'base64-invalid-length': (extra) =>
    `داده‌ی ${ltr('base64')} با ${ltr(extra)} نویسه‌ی اضافه تمام می‌شود؛ طولش باید مضربی از ۴ نویسه باشد (با ${q('=')} پر کنید).`,
  'base64-invalid-padding': () => `لایه‌ی ${q('=')} در پایان داده‌ی ${ltr('base64')} بیش از اندازه است.`,
  'base64-line-length': (length) => `خط ${ltr('base64')} ${ltr(length)} نویسه است؛ حداکثر ${ltr(76)} نویسه مجاز است.`,
  'qp-invalid': (seq) =>
    `${q(seq)} یک گریز ${ltr('quoted-printable')} معتبر نیست؛ پس از ${q('=')} باید دو رقم هگزادسیمال بیاید یا خط تمام شود (شکست نرم خط). برای خود ${q('=')} بنویسید ${q('=3D')}.`,
  'qp-line-length': (length) =>
    `خط ${ltr('quoted-printable')} ${ltr(length)} نویسه است؛ حداکثر ${ltr(76)} نویسه مجاز است (شکست نرم خط ${q('=')} را به کار ببرید).`,
  'too-large': (size, limit) =>
    `این سند ${ltr(size)} نویسه دارد، بیش از حد ${ltr(limit)}؛ فقط سرآیندها و ساختارش بررسی شد.`,
  'nesting-too-deep': (limit) => `بخش‌های MIME بیش از ${ltr(limit)} سطح تودرتو هستند؛ بخش‌های پایین‌تر تجزیه و بررسی نشدند.`,
  'cap-reached': (code, cap) => `(${ltr(code)} ${ltr(cap)} بار گزارش شد؛ موارد بعدی فهرست نمی‌شوند.)`,
};
