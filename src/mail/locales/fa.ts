/**
 * Persian (fa): every text of the pure core in Persian, as one `CoreBundle`
 * (registered in ../i18n.ts). Each table is typed against its English source
 * (a missing or extra key is a compile error; the catalogue and field docs are
 * checked for parity by tests). Header names, codes, commands, addresses and
 * examples stay in Latin script inside Unicode isolates (../bidi.ts) so they
 * are not reordered inside the right-to-left sentence; RFC numbers are kept as
 * written in the standards.
 */
import { isolate as iso, ltr } from '../bidi';
import type { AuthMessageTable } from '../auth/messages';
import type { ProblemCode } from '../codes';
import type { HtmlMessageTable } from '../html/messages';
import type { CoreBundle } from '../i18n';
import { renderDetail, type Detail, type DetailTable, type MessageTable } from '../message/messages';
import type { PreviewLabels } from '../preview/labels';
import type { CatalogTexts } from '../transcript/catalog';
import type { CliTexts } from '../cliTexts';
import type { ReplayTexts } from '../replayTexts';
import { DIALECT_NAMES } from '../transcript/lines';
import type { TranscriptLabelTable, TranscriptMessageTable } from '../transcript/messages';

const L = ltr;

// ---- Diagnostic code docs (the settings' descriptions; scripts/sync-settings.mjs writes them into package.nls.fa.json)

/** Persian `CodeInfo.doc` by code. */
export const PERSIAN_CODE_DOCS: Readonly<Record<ProblemCode, string>> = {
  'header-syntax': `یک خط سرآیند نه ${L('name: value')} است و نه ادامه‌ی تاشده (اغلب خط خالی پیش از بدنه جا افتاده است).`,
  'header-name-invalid': `نام یک فیلد خالی است یا نویسه‌ای بیرون از ASCII چاپی (${L('33-126')}) دارد.`,
  'header-space-before-colon': 'فاصله میان نام فیلد و دونقطه نحو منسوخ است.',
  'continuation-first': 'پیام با یک خط تاشده (تورفته) شروع می‌شود که چیزی را ادامه نمی‌دهد.',
  'line-too-long': `خطی بلندتر از ${L(998)} اکتت (بی ${L('CRLF')}).`,
  'line-over-78': `خط سرآیندی بلندتر از ${L(78)} نویسه‌ی پیشنهادی.`,
  'bare-cr': `یک ${L('CR')} که پس از آن ${L('LF')} نیامده است.`,
  'mixed-line-endings': `فایل پایان خط‌های ${L('CRLF')} و ${L('LF')} را درهم دارد.`,
  'nul-character': `یک اکتت ${L('NUL')} که هیچ پیامی نباید داشته باشد.`,
  'missing-from': `پیام فیلد ${L('From')} ندارد.`,
  'missing-date': `پیام فیلد ${L('Date')} ندارد.`,
  'missing-recipient': `هیچ‌کدام از ${L('To')}، ${L('Cc')}، ${L('Bcc')} نیست: پیام گیرنده‌ای ندارد.`,
  'missing-subject': `پیام فیلد ${L('Subject')} ندارد.`,
  'missing-message-id': `پیام ${L('Message-ID')} ندارد (یک SHOULD در RFC 5322).`,
  'duplicate-header': 'فیلدی که حداکثر یک بار مجاز است دوباره آمده است.',
  'sender-required': `${L('From')} بیش از یک صندوق پستی دارد و ${L('Sender')} نیست.`,
  'address-syntax': 'یک فیلد نشانی به شکل فهرست نشانی RFC 5322 تجزیه نمی‌شود.',
  'date-syntax': `${L('Date')} (یا ${L('Resent-Date')}) یک تاریخ-زمان RFC 5322 نیست.`,
  'date-weekday-mismatch': 'روز هفته با تاریخ نمی‌خواند.',
  'date-obsolete-zone': `نام منسوخ منطقه‌ی زمانی به جای اختلاف عددی ${L('+hhmm')}.`,
  'message-id-syntax': `${L('Message-ID')}، ${L('In-Reply-To')} یا ${L('References')} شناسه‌های معتبر ${L('<id-left@id-right>')} ندارد.`,
  'non-ascii-header': `متن ۸بیتی خام در سرآیند که فقط با ${L('SMTPUTF8')} مجاز است؛ واژه‌ی رمزشده به کار ببرید.`,
  'encoded-word-invalid': `یک واژه‌ی رمزشده‌ی نادرست ${L('=?charset?B|Q?text?=')}.`,
  'unknown-charset': 'مجموعه‌نویسه‌ای که نام شناخته‌شده‌ی IANA نیست.',
  'mime-version-missing': `فیلدهای ${L('Content-*')} در سطح بالا بی ${L('MIME-Version')}.`,
  'mime-version-value': `${L('MIME-Version')} به جز ${L('1.0')}.`,
  'content-type-syntax': `${L('Content-Type')} به شکل ${L('type/subtype')} و پارامترهای ${L('; name=value')} نیست.`,
  'parameter-syntax': 'پارامتر، ادامه‌ی RFC 2231 یا مقدار گسترده‌ی نادرست.',
  'boundary-missing': `نوع ${L('multipart')} بی پارامتر ${L('boundary')}.`,
  'boundary-invalid': `مرزی بلندتر از ${L(70)} نویسه یا با نویسه‌هایی بیرون از ${L('bchars')}.`,
  'boundary-not-found': `بدنه‌ی ${L('multipart')} هیچ خط جداکننده‌ای برای مرزش ندارد.`,
  'closing-boundary-missing': `بدنه‌ی ${L('multipart')} جداکننده‌ی پایانی ${L('--boundary--')} ندارد.`,
  'cte-unknown': `${L('Content-Transfer-Encoding')} یکی از ${L('7bit, 8bit, binary, quoted-printable, base64')} یا یک توکن ${L('x-')} نیست.`,
  'cte-composite': `یک موجودیت ${L('multipart')} یا ${L('message')} با رمزگذاری‌ای به جز ${L('7bit')}، ${L('8bit')} یا ${L('binary')}.`,
  'eight-bit-data': `اکتت‌های بالاتر از ${L(127)} در موجودیتی که ${L('7bit')} اعلام شده (یا پیش‌فرضش همین است).`,
  'base64-invalid': `نویسه‌ای بیرون از الفبای ${L('base64')}، لایه‌گذاری نادرست، یا داده پس از لایه.`,
  'base64-line-length': `خط ${L('base64')} بلندتر از ${L(76)} نویسه.`,
  'qp-invalid': `یک ${L('=')} که پس از آن دو رقم هگزادسیمال یا شکست نرم خط نیامده است.`,
  'qp-line-length': `خط ${L('quoted-printable')} بلندتر از ${L(76)} نویسه.`,
  'content-disposition-syntax': `${L('Content-Disposition')} خالی است، یا یک نوع ${L('inline')}/${L('attachment')} و سپس پارامترهای ${L('; name=value')} نیست.`,
  'list-unsubscribe-syntax': `${L('List-Unsubscribe')} فهرستی از ${L('<URI>')}‌های جداشده با ویرگول نیست، یا ${L('List-Unsubscribe-Post')} بی نشانی ${L('https:')} آمده است.`,
  'too-large': 'سند از حد تنظیم‌شده بزرگ‌تر است؛ فقط بخشی از آن بررسی شد.',
  'nesting-too-deep': 'بخش‌های MIME از حد تنظیم‌شده ژرف‌تر تودرتو هستند؛ بخش‌های ژرف‌تر بررسی نشدند.',
  'html-client-unsupported': `عنصر یا ویژگی HTML، یا خصیصه یا مقدار CSS، که یکی از کلاینت‌های ایمیل هدف از آن پشتیبانی نمی‌کند.`,
  'html-client-partial': 'ویژگی HTML یا CSS که یکی از کلاینت‌های ایمیل هدف فقط تا اندازه‌ای از آن پشتیبانی می‌کند.',
  'html-cid-not-found': `نشانی ${L('cid:')} که به هیچ ${L('Content-ID')} از بخش‌های پیام اشاره نمی‌کند (تصویر درون‌خطی شکسته).`,
  'html-script': `یک ${L('<script>')}، رویدادگردان ${L('on*=')} یا نشانی ${L('javascript:')}: همه‌ی کلاینت‌های ایمیل آن‌ها را حذف می‌کنند.`,
  'html-no-text-alternative': `تنها بدنه‌ی خواندنی ${L('text/html')} است و جایگزین ${L('text/plain')} ندارد.`,
  'html-image-alt-missing': `یک ${L('<img>')} بی ویژگی ${L('alt')}.`,
  'message-clipped': `بخش HTML رمزگشایی‌شده از ${L('102 KB')} بزرگ‌تر است: ${L('Gmail')} آن را پشت پیوند «مشاهده‌ی کل پیام» کوتاه می‌کند.`,
  'dkim-signature-syntax': `یک ${L('DKIM-Signature')} که فهرست برچسب‌هایش نادرست است یا برچسب لازمی (${L('v, a, b, bh, d, s, h')}) ندارد، یا ${L('h=')} آن ${L('From')} را در بر نمی‌گیرد.`,
  'dkim-body-hash-mismatch': `بدنه، پس از یکسان‌سازی طبق ${L('c=')} و بریدن در ${L('l=')}، به ${L('bh=')} نمی‌رسد: بدنه پس از امضا تغییر کرده است.`,
  'dkim-signature-invalid': `${L('b=')} با کلید عمومی گزینشگر تأیید نمی‌شود: یک فیلد امضاشده پس از امضا تغییر کرده، یا کلید نمی‌خواند.`,
  'dkim-key-unavailable': `هیچ کلید عمومی برای ${L('s=/d=')} در دست نبود، پس فقط درهم‌سازی بدنه بررسی شد.`,
  'arc-chain-invalid': `مجموعه‌های ARC ناقص‌اند یا از ${L('i=1..n')} شماره نخورده‌اند، یا ${L('cv=')} یک مُهر با زنجیره نمی‌خواند، یا امضای ARC بررسی‌شده‌ای نادرست است.`,
  'line-prefix': `خطی که نه خالی است، نه یادداشت ${L('#')} و نه ${L('C:/S:')}.`,
  'unknown-command': 'فرمان کلاینتی که فرمان SMTP یا ESMTP نیست.',
  'command-syntax': 'آرگومان‌های یک فرمان نادرست‌اند.',
  'command-too-long': `خط فرمان بلندتر از ${L(512)} اکتت با ${L('CRLF')}.`,
  'text-line-too-long': `خط ${L('DATA')} بلندتر از ${L(1000)} اکتت با ${L('CRLF')}.`,
  'out-of-sequence': 'فرمانی در جایی که RFC 5321 §4.1.4 اجازه نمی‌دهد.',
  'missing-greeting': `نخستین خط سرور خوشامد ${L(220)} نیست.`,
  'reply-code-invalid': 'خط سرور بی کد پاسخ سه‌رقمی معتبر.',
  'reply-unexpected': 'کد پاسخی که برای آن فرمان فهرست نشده است.',
  'multiline-reply': `خط‌های ادامه با کدهای متفاوت، یا پاسخی که هرگز با خط پایانی ${L('<code> <text>')} تمام نمی‌شود.`,
  'reply-without-command': 'پاسخی از سرور که هیچ فرمانی منتظرش نیست.',
  'missing-reply': 'فرمانی که هرگز پاسخ نمی‌گیرد.',
  'bare-lf': `خطی از ${L('DATA')} که کلاینت آن را با یک ${L('LF')} تنها پایان داده است (سرور ضبط‌کننده آن را با ${L('# bare LF')} نشان می‌دهد).`,
  'data-not-terminated': `محتوای ${L('DATA')} که هرگز به خط تنهای ${L('.')} نمی‌رسد.`,
  'enhanced-status-syntax': `پس از ${L('ENHANCEDSTATUSCODES')}، متن پاسخی که با ${L('class.subject.detail')} شروع نمی‌شود.`,
  'credentials-exposed': `داده‌ی ${L('AUTH PLAIN/LOGIN')} که در رونوشت خواناست.`,
  'missing-quit': 'رونوشت با نشستی باز تمام می‌شود.',
  'eight-bit-without-8bitmime': `داده‌ی ${L('DATA')} اکتت‌های بالای ${L(127)} دارد ولی ${L('MAIL FROM')} پارامتر ${L('BODY=8BITMIME')} ندارد، یا سرور ${L('8BITMIME')} را اعلام نکرده است.`,
  'smtputf8-required': `نشانی غیر ASCII در ${L('MAIL FROM')} یا ${L('RCPT TO')} بی پارامتر ${L('SMTPUTF8')}، یا سروری که ${L('SMTPUTF8')} را اعلام نکرده است.`,
};

// ---- `eml` diagnostics and the parsers' details

/** The user's own text (a token, a value), quoted and isolated: its direction is unknown. */
const q = (s: string | number): string => `«${iso(s)}»`;

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

// ---- Header field meanings, keyed by lower-case field name like `FIELD_CATALOG`

/** Persian `FieldInfo.doc` by lower-case field name. */
export const PERSIAN_FIELD_DOCS: Readonly<Record<string, string>> = {
  from: 'نویسنده(های) پیام: صندوق(های) پستی که مسئول نوشتن آن هستند.',
  to: 'گیرندگان اصلی پیام.',
  cc: 'رونوشت: گیرندگان دیگری که یک نسخه از پیام را می‌گیرند.',
  bcc: 'رونوشت پنهان: گیرندگانی که نشانی‌شان به دیگران نشان داده نمی‌شود. هرگز فرستاده نمی‌شود.',
  subject: 'رشته‌ای کوتاه که موضوع پیام را نشان می‌دهد.',
  date: 'تاریخ آغاز: زمانی که نویسنده پیام را کامل و آماده‌ی فرستادن اعلام کرد.',
  'message-id': `شناسه‌ی یکتای جهانی این نسخه از پیام، ${ltr('<id-left@id-right>')}.`,
  'reply-to': `جایی که نویسنده پیشنهاد می‌کند پاسخ‌ها به آن فرستاده شوند، به جای ${ltr('From')}.`,
  sender: `صندوق پستی عاملی که واقعاً پیام را فرستاده، وقتی با نویسنده فرق دارد (وقتی ${ltr('From')} چند صندوق پستی دارد لازم است).`,
  'in-reply-to': `${ltr('Message-ID')} پیام(هایی) که این پیام به آن‌ها پاسخ می‌دهد.`,
  references: `${ltr('Message-ID')}های رشته‌گفتگویی که این پیام به آن تعلق دارد، از قدیمی‌ترین.`,
  comments: 'توضیحات آزاد درباره‌ی بدنه‌ی پیام.',
  keywords: 'فهرستی از واژه‌ها و عبارت‌های مهم، جداشده با ویرگول.',
  'mime-version': `اعلام می‌کند که پیام از MIME پیروی می‌کند؛ تنها مقدار تعریف‌شده ${ltr('1.0')} است.`,
  'content-type': `نوع رسانه‌ی بدنه (${ltr('type/subtype; parameters')})، برای نمونه ${ltr('text/plain; charset=utf-8')}.`,
  'content-transfer-encoding': `بدنه برای انتقال چگونه رمزگذاری شده: ${ltr('7bit')}، ${ltr('8bit')}، ${ltr('binary')}، ${ltr('quoted-printable')} یا ${ltr('base64')}.`,
  'content-disposition': `این بخش چگونه نمایش داده شود: ${ltr('inline')} یا ${ltr('attachment')}، با پارامتر ${ltr('filename')}.`,
  'content-id': `شناسه‌ی یکتای بخش که نشانی‌های ${ltr('cid:')} به آن ارجاع می‌دهند (مثلاً تصویرهای درون HTML).`,
  'content-description': 'توصیفی خوانا برای انسان از این بخش.',
  'content-language': 'زبان(های) طبیعی محتوا، به شکل برچسب زبان.',
  'content-location': 'یک URI برای محتوا که برای حل پیوندها در سندهای MHTML به کار می‌رود.',
  received: `ردیابی: هر سرور SMTP که پیام را بازپخش می‌کند آن را می‌افزاید (${ltr('from, by, with, id, for')}؛ تاریخ).`,
  'return-path': `ردیابی: فرستنده‌ی پاکت (${ltr('MAIL FROM')}) که هنگام تحویل نهایی افزوده می‌شود؛ پیام‌های برگشتی به اینجا می‌روند.`,
  'delivered-to': 'نشانی‌ای که پیام به آن تحویل شد (سرور تحویل‌دهنده آن را می‌افزاید).',
  'authentication-results': 'نتیجه‌ی بررسی‌های SPF، DKIM و DMARC که سرور گیرنده می‌افزاید.',
  'received-spf': 'نتیجه‌ی بررسی SPF میزبان فرستنده.',
  'arc-seal': 'زنجیره‌ی دریافت احرازشده (ARC): مهر روی سرآیندهای ARC یک گام.',
  'arc-message-signature': 'زنجیره‌ی دریافت احرازشده (ARC): امضایی شبیه DKIM از پیام در یک گام.',
  'arc-authentication-results': 'زنجیره‌ی دریافت احرازشده (ARC): نتیجه‌های احراز هویت دیده‌شده در یک گام.',
  'dkim-signature': `امضای DKIM روی سرآیندهای انتخاب‌شده و بدنه (${ltr('d=')} دامنه، ${ltr('s=')} انتخابگر).`,
  'resent-date': 'زمانی که پیام دوباره فرستاده شد (دوباره به شبکه‌ی انتقال سپرده شد).',
  'resent-from': 'کسی که پیام را دوباره فرستاد.',
  'resent-sender': `عاملی که پیام را از سوی ${ltr('Resent-From')} دوباره فرستاد.`,
  'resent-to': 'گیرندگان پیام دوباره‌فرستاده.',
  'resent-cc': 'گیرندگان دیگر پیام دوباره‌فرستاده.',
  'resent-bcc': 'گیرندگان پنهان پیام دوباره‌فرستاده.',
  'resent-message-id': 'شناسه‌ی یکتای دوباره‌فرستادن.',
  'list-id': 'فهرست پستی‌ای را که پیام از آن فرستاده شده مشخص می‌کند.',
  'list-unsubscribe': `چگونه از فهرست بیرون بیایید (نشانی‌های ${ltr('mailto:')} یا ${ltr('https:')} درون براکت زاویه‌ای).`,
  'list-unsubscribe-post': `لغو عضویت با یک کلیک: ${ltr('List-Unsubscribe=One-Click')}.`,
  'list-subscribe': 'چگونه عضو فهرست شوید.',
  'list-post': 'چگونه به فهرست پیام بفرستید.',
  'list-help': 'کجا درباره‌ی فهرست راهنمایی بگیرید.',
  'list-owner': 'چگونه با مالک فهرست تماس بگیرید.',
  'list-archive': 'بایگانی فهرست کجاست.',
  'auto-submitted': `پیام‌های خودکار را نشان‌گذاری می‌کند (${ltr('auto-generated')}، ${ltr('auto-replied')}) تا پاسخ‌دهنده‌های خودکار در حلقه نیفتند.`,
  'disposition-notification-to': 'رسید خواندن (اعلان وضعیت پیام) را به این نشانی درخواست می‌کند.',
  importance: `فرستنده پیام را چقدر مهم می‌داند: ${ltr('low')}، ${ltr('normal')} یا ${ltr('high')}.`,
  sensitivity: `${ltr('Personal')}، ${ltr('Private')} یا ${ltr('Company-Confidential')}.`,
  organization: `سازمان فرستنده (از ${ltr('Usenet')} آمده و در ایمیل فراوان به کار می‌رود).`,
  precedence: `اولویت غیراستاندارد (${ltr('bulk')}، ${ltr('list')}، ${ltr('junk')})؛ پاسخ‌دهنده‌های خودکار با آن ساکت می‌مانند.`,
};

// ---- Transcript validator and transcript editor features

/** Persian of `transcriptMessages`. */
export const PERSIAN_TRANSCRIPT_MESSAGES: TranscriptMessageTable = {
  linePrefix: () => `این خط نه ${ltr('C: ')} (کلاینت) است، نه ${ltr('S: ')} (سرور)، نه خالی و نه یادداشت ${ltr('#')}.`,
  pseudoLine: (side) => `${ltr(`${side}: <...>`)} شبه‌خطی از مثال‌های RFC است، نه متن پروتکل؛ آن را به شکل یادداشت ${ltr('#')} بنویسید.`,

  unknownCommand: (verb) => `${ltr(verb)} فرمان SMTP یا ESMTP نیست.`,
  emptyCommand: () => 'یک خط خالی از کلاینت، جایی که فرمان انتظار می‌رود (بیرون از بدنه‌ی DATA).',

  missingArgument: (verb, what) => `${ltr(verb)} به ${d(what)} نیاز دارد.`,
  noArguments: (verb) => `${ltr(verb)} آرگومان نمی‌گیرد.`,
  verbSeparator: (verb) => `پس از فرمان ${ltr(verb)} باید دقیقاً یک فاصله بیاید.`,
  pathPrefix: (verb, keyword) => `پس از ${ltr(verb)} باید ${ltr(`${keyword}<address>`)} بیاید (RFC 5321 §4.1.1).`,
  spaceAfterColon: (keyword) => `پس از ${ltr(keyword)} فاصله مجاز نیست: بنویسید ${ltr(`${keyword}<address>`)} (RFC 5321 §4.1.2).`,
  pathNotBracketed: () => `نشانی باید درون براکت زاویه‌ای باشد: ${ltr('<user@example.com>')}.`,
  pathUnclosed: () => `${ltr('<')} مسیر هرگز با ${ltr('>')} بسته نمی‌شود.`,
  nullPathNotAllowed: () => `مسیر تهی ${ltr('<>')} فقط در ${ltr('MAIL FROM')} مجاز است؛ ${ltr('RCPT TO')} یک گیرنده لازم دارد.`,
  mailboxSyntax: (detail) => `صندوق پستی نامعتبر: ${d(detail)}.`,
  parameterSyntax: (param) => `${ltr(param)} پارامتر ESMTP معتبری نیست (${ltr('keyword[=value]')}).`,
  parameterValue: (keyword, expected) => `${ltr(keyword)} باید ${d(expected)} باشد.`,
  parameterDuplicate: (keyword) => `پارامتر ${ltr(keyword)} دو بار آمده است.`,
  parameterNotAdvertised: (keyword, extension, rfc) =>
    `${ltr(keyword)} به کار رفته اما سرور ${ltr(extension)} را در پاسخ EHLO خود اعلام نکرده است (${ltr(rfc)}).`,
  domainSyntax: (verb) => `${ltr(verb)} یک نام دامنه یا نشانی لفظی مانند ${ltr('[192.0.2.1]')} لازم دارد.`,
  authMechanism: () => `نام سازوکار SASL از ۱ تا ۲۰ حرف بزرگ، رقم، ${ltr('-')} یا ${ltr('_')} است.`,
  authInitialResponse: () => `پاسخ آغازین باید ${ltr('base64')} باشد (یا ${ltr('=')} برای پاسخ خالی).`,
  authResponse: () => `پاسخ ${ltr('SASL')} باید ${ltr('base64')} باشد، یا ${ltr('*')} برای لغو.`,
  bdatSize: () => `${ltr('BDAT')} اندازه‌ی تکه را به اکتت لازم دارد و پس از آن می‌تواند ${ltr('LAST')} بیاید.`,
  bdatMismatch: (declared, actual) => `${ltr('BDAT')} ${ltr(declared)} اکتت اعلام می‌کند اما خط‌های تکه‌ی پس از آن ${ltr(actual)} اکتت دارند.`,

  commandTooLong: (octets) => `این خط فرمان با ${ltr('CRLF')} ${ltr(octets)} اکتت است؛ حد آن ${ltr(512)} است (RFC 5321 §4.5.3.1.4).`,
  bareLf: () =>
    `کلاینت این خط پیام را با یک ${ltr('LF')} تنها پایان داده، نه ${ltr('CRLF')} (RFC 5321 §2.3.8)؛ سرورها در پایان چنین خطی هم‌رأی نیستند و «قاچاق SMTP» پیام دومی را همین‌گونه پنهان می‌کند.`,
  textLineTooLong: (octets) => `این خط پیام با ${ltr('CRLF')} ${ltr(octets)} اکتت است؛ SMTP تا ${ltr(1000)} را مجاز می‌داند (RFC 5321 §4.5.3.1.6).`,

  beforeHello: (verb) => `${ltr(verb)} پیش از ${ltr('HELO/EHLO')}: کلاینت باید نخست به سرور سلام کند (RFC 5321 §4.1.4).`,
  authNeedsEhlo: () => `${ltr('AUTH')} یک افزونه‌ی ESMTP است: به ${ltr('EHLO')} نیاز دارد، نه ${ltr('HELO')} (RFC 4954 §4).`,
  nestedMail: () => `${ltr('MAIL')} در حالی که تراکنشی باز است: نخست آن را تمام کنید (${ltr('DATA')}) یا لغو کنید (${ltr('RSET')}) (RFC 5321 §4.1.4).`,
  rcptBeforeMail: () => `${ltr('RCPT')} بی یک ${ltr('MAIL')} پذیرفته‌شده: تراکنش را نخست با ${ltr('MAIL FROM')} شروع کنید (RFC 5321 §4.1.4).`,
  dataBeforeRcpt: (verb) => `${ltr(verb)} بی یک ${ltr('RCPT')} پذیرفته‌شده: تراکنش گیرنده‌ای ندارد (RFC 5321 §4.1.4).`,
  afterQuit: () => `فرمانی پس از ${ltr('QUIT')}: نشست بسته شده است.`,
  afterStarttls: (verb) =>
    `${ltr(verb)} درست پس از ${ltr('STARTTLS')}: کلاینت باید روی نشست TLS تازه دوباره ${ltr('EHLO')} بفرستد (RFC 3207 §4.2).`,
  starttlsTwice: () => `${ltr('STARTTLS')} درون یک نشست TLS.`,
  authTwice: () => `${ltr('AUTH')} پس از یک ${ltr('AUTH')} موفق: سرور باید آن را با ${ltr(503)} رد کند (RFC 4954 §4).`,
  authInTransaction: () => `${ltr('AUTH')} در میان یک تراکنش ایمیل مجاز نیست (RFC 4954 §4).`,
  afterGroupEnder: (verb, previous) =>
    `${ltr(verb)} پس از ${ltr(previous)} به صورت لوله‌ای (${ltr('pipelined')}) فرستاده شده، در حالی که ${ltr(previous)} باید آخرین فرمان گروه باشد (RFC 2920 §3.1).`,
  afterClosingReply: (code) => `فرمانی پس از آن‌که سرور نشست را با ${ltr(code)} بست.`,

  missingGreeting: () => `نشست با خوشامد ${ltr(220)} سرور شروع نمی‌شود.`,
  missingGreetingFragment: () =>
    `رونوشت با فرمان کلاینت شروع می‌شود، نه با خوشامد ${ltr(220)} سرور؛ آن را پاره‌ای از نشست می‌خوانیم (بررسی ترتیب از نخستین ${ltr('HELO/EHLO')} شروع می‌شود).`,
  greetingCode: (code) => `نخستین پاسخ سرور باید خوشامد ${ltr(220)} (یا رد ${ltr(554)}) باشد، نه ${ltr(code)}.`,

  replyCodeInvalid: () => 'خط سرور باید با یک کد پاسخ سه‌رقمی شروع شود: رقم اول ۲ تا ۵، رقم دوم ۰ تا ۵ (RFC 5321 §4.2).',
  replySeparator: () => 'پس از کد پاسخ یک فاصله (خط آخر) یا یک خط تیره (خط‌های بیشتری می‌آید) می‌آید (RFC 5321 §4.2.1).',
  replyUnexpected: (code, after, expected) =>
    `${ltr(code)} پاسخی نیست که RFC 5321 §4.3.2 برای ${after === '.' ? 'پایان پیام' : ltr(after)} فهرست کرده باشد (انتظار: ${ltr(expected.join(', '))}).`,

  multilineCodeDiffers: (first, here) =>
    `این خط ادامه کد ${ltr(here)} دارد، اما پاسخ با ${ltr(first)} شروع شد؛ همه‌ی خط‌های یک پاسخ یک کد دارند (RFC 5321 §4.2.1).`,
  multilineNotEnded: (code) =>
    `این پاسخ هرگز تمام نمی‌شود: خط آخر باید ${ltr(`${code} text`)} باشد (پس از کد فاصله، نه خط تیره) (RFC 5321 §4.2.1).`,

  replyWithoutCommand: () => 'پاسخی از سرور که هیچ فرمان کلاینتی منتظرش نیست.',
  replyWithoutCommandNoPipelining: () =>
    `پاسخی از سرور که فرمانی منتظرش نیست: کلاینت چند فرمان را بی انتظار فرستاده، اما سرور ${ltr('PIPELINING')} را اعلام نکرده بود (RFC 2920).`,
  missingReply: (verb) => `${verb === '.' ? 'پایان پیام' : ltr(verb)} هرگز پاسخی نمی‌گیرد.`,
  missingReplyNoPipelining: (verb) =>
    `${verb === '.' ? 'پایان پیام' : ltr(verb)} پیش از فرمان بعدی پاسخی نمی‌گیرد: بی اعلام ${ltr('PIPELINING')} کلاینت باید منتظر هر پاسخ بماند (RFC 2920).`,
  missing354: () => `${ltr('DATA')} پیش از خط‌های پیام پاسخ ${ltr(354)} نمی‌گیرد.`,

  dataNotTerminated: () => `بدنه‌ی این پیام هرگز تمام نمی‌شود: خطی لازم است که فقط ${ltr('.')} داشته باشد (RFC 5321 §4.1.1.4).`,

  enhancedMissing: () =>
    `سرور ${ltr('ENHANCEDSTATUSCODES')} را اعلام کرده، پس متن این پاسخ باید با کدی به شکل ${ltr('class.subject.detail')} مانند ${ltr('2.0.0')} شروع شود (RFC 2034 §4).`,
  enhancedSyntax: () => `کد وضعیت پیشرفته به شکل ${ltr('class.subject.detail')} است: کلاس ۲، ۴ یا ۵ و سپس عددهای ۱ تا ۳ رقمی (RFC 3463 §2).`,
  enhancedClassMismatch: (enhanced, code) =>
    `کلاس کد پیشرفته‌ی ${ltr(enhanced)} با کد پاسخ ${ltr(code)} فرق دارد (RFC 3463 §2).`,

  credentialsPlain: () => `داده‌ی ${ltr('AUTH PLAIN')} فقط ${ltr('base64')} است: هر کس این رونوشت را بخواند می‌تواند نام کاربری و گذرواژه را رمزگشایی کند. آن را پنهان کنید.`,
  credentialsUserOnly: () => `گذرواژه پوشانده شده، اما نام کاربری در این داده‌ی ${ltr('AUTH')} (${ltr('base64')}) خواناست. آن را پنهان کنید.`,
  credentialsLogin: (what) => `این پاسخ ${ltr('AUTH LOGIN')} همان ${d(what)} است که فقط با ${ltr('base64')} رمزگذاری شده. آن را پنهان کنید.`,
  credentialsToken: (mechanism) => `این پاسخ ${ltr(mechanism)} یک توکن حامل (${ltr('bearer token')}) دارد که در رونوشت خواناست. آن را پنهان کنید.`,
  credentialsClearPlain: () => `این داده‌ی ${ltr('AUTH PLAIN')} نام کاربری و گذرواژه را به شکل متن ساده نشان می‌دهد (همان‌طور که ${ltr('swaks --auth-plaintext')} چاپ می‌کند). آن را پنهان کنید.`,
  credentialsClearUser: () => `گذرواژه پوشانده شده، اما این داده‌ی ${ltr('AUTH')} نام کاربری را به شکل متن ساده نشان می‌دهد. آن را پنهان کنید.`,
  credentialsClearLogin: (what) => `این پاسخ ${ltr('AUTH LOGIN')} همان ${d(what)} به شکل متن ساده است (همان‌طور که ${ltr('swaks --auth-plaintext')} چاپ می‌کند). آن را پنهان کنید.`,

  missingQuit: () => `رونوشت در حالی تمام می‌شود که نشست هنوز باز است (نه ${ltr('QUIT')} و نه ${ltr(221)}).`,
  problemsLeftOut: (total, max, byCode) => `(${ltr(total)} مشکل دیگر گزارش نشد: هر کد در هر سند حداکثر ${ltr(max)} بار گزارش می‌شود؛ ${ltr(byCode)}.)`,
  eightBitUndeclared: () => `این خط پیام اکتت‌های بالای ${ltr(127)} دارد، ولی ${ltr('MAIL FROM')} پارامتر ${ltr('BODY=8BITMIME')} را اعلام نکرده است (RFC 6152 §3): بخش را دوباره رمزگذاری کنید (${ltr('quoted-printable')} یا ${ltr('base64')}) یا آن را اعلام کنید.`,
  eightBitNotOffered: () => `این خط پیام اکتت‌های بالای ${ltr(127)} دارد، ولی سرور ${ltr('8BITMIME')} را اعلام نکرده است (RFC 6152 §3): بخش باید دوباره رمزگذاری می‌شد (${ltr('quoted-printable')} یا ${ltr('base64')}).`,
  utf8AddressUndeclared: (verb) => `نشانی غیر ASCII در ${ltr(verb)} به پارامتر ${ltr('SMTPUTF8')} در ${ltr('MAIL FROM')} نیاز دارد (RFC 6531 §3.4).`,
  utf8AddressNotOffered: (verb) => `نشانی غیر ASCII در ${ltr(verb)}، ولی سرور ${ltr('SMTPUTF8')} را اعلام نکرده است (RFC 6531 §3.4): این نشانی را نمی‌پذیرد.`,

  outcomeDelivered: (accepted, total, reply) =>
    accepted === total
      ? `به ${ltr(accepted)} گیرنده تحویل شد: ${iso(reply)}`
      : `به ${ltr(accepted)} از ${ltr(total)} گیرنده تحویل شد: ${iso(reply)}`,
  outcomeRejectedAt: (stage, reply) => `${stage === '.' ? 'در پایان داده‌ها' : `در مرحله‌ی ${ltr(stage)}`} رد شد: ${iso(reply)}`,
  outcomeNoRecipients: (total) => `هیچ گیرنده‌ای پذیرفته نشد (${ltr(total)} رد شد)`,
  outcomeReset: () => `با ${ltr('RSET')} لغو شد`,
  outcomeUnfinished: () => 'تراکنش هرگز تمام نشد',
  outcomeNoReply: () => 'پیام فرستاده شد، پاسخ نهایی در رونوشت نیست',
  outcomeRecipient: (address, reply) => `${ltr('PRDR')}: پاسخ ${iso(address)} ${iso(reply)} بود`,

  convertAction: (dialect) => `تبدیل این ${ltr(DIALECT_NAMES[dialect])} به رونوشت ${ltr('C:/S:')}`,
  redactAction: () => 'پنهان کردن اعتبارنامه‌ها',
  annotateAction: () => `تبدیل این خط به یادداشت ${ltr('#')}`,
  replaceAction: (replacement) => (replacement === '' ? 'حذف آن' : `جایگزینی با ${iso(replacement)}`),
  redactAllAction: () => 'پنهان کردن همه‌ی اعتبارنامه‌های این رونوشت',
  declare8BitMimeAction: () => `اعلام ${ltr('BODY=8BITMIME')} در ${ltr('MAIL FROM')}`,
  elidedData: () => 'بدنه‌ی پیام در گزارش ثبت نشده است',

  sendSenderRefused: (reply) => `سرور فرستنده را رد کرد: ${iso(reply)}`,
  sendSenderFailed: (why) => `فرستنده رد شد: ${iso(why)}`,
  sendTooBig: (size, limit) =>
    `اندازه‌ی پیام ${ltr(size)} اکتت است، بیش از ${ltr(limit)} اکتتی که سرور می‌پذیرد (${ltr('SIZE')} در پاسخ ${ltr('EHLO')}، RFC 1870)؛ پیام فرستاده نشد.`,
  sendRecipientRefused: (address, reply) => `سرور گیرنده‌ی ${iso(address)} را رد کرد: ${iso(reply)}`,
  sendEveryRecipientRefused: (list) => `سرور همه‌ی گیرندگان را رد کرد: ${iso(list)}`,
  sendDataRefused: (reply) => `سرور داده‌ی پیام را نپذیرفت: ${iso(reply)}`,
  sendMessageRefused: (reply) => `سرور پیام را رد کرد: ${iso(reply)}`,
  sendLoginRefused: (reply) => `سرور ورود را رد کرد: ${iso(reply)}`,
  sendLoginFailed: (why) => `ورود ناموفق بود: ${iso(why)}`,
  sendNoStartTls: (reply) => `سرور از ${ltr('STARTTLS')} پشتیبانی نمی‌کند، در حالی که نمایه آن را الزامی کرده است: ${iso(reply)}`,
  sendEnvelopeRefused: (why) => `پاکت پیام پیش از فرستادن رد شد: ${iso(why)}`,
  sendCertificateRefused: (reason) =>
    `گواهی ${ltr('TLS')} سرور پذیرفته نشد: ${iso(reason)}. اگر سرور را می‌شناسید، گواهی را با فایل ${ltr('CA')} نمایه معتبر بدانید یا بررسی گواهی را برای این نمایه خاموش کنید (${ltr('rejectUnauthorized: false')} / ${ltr('--insecure')}).`,
  sendTlsFailed: (server, why) => `برقراری ${ltr('TLS')} با ${ltr(server)} ناموفق بود: ${iso(why)}`,
  sendConnectionRefusedByServer: (reply) => `سرور اتصال را رد کرد: ${iso(reply)}`,
  sendNoGreeting: (server, ms) => `سرور ${ltr(server)} در ${ltr(ms)} میلی‌ثانیه خوشامد خود را نفرستاد.`,
  sendConnectTimeout: (server, ms) => `اتصال به ${ltr(server)} در ${ltr(ms)} میلی‌ثانیه برقرار نشد.`,
  sendStoppedAnswering: (server, ms, stage) => `سرور ${ltr(server)} در مرحله‌ی ${stageName(stage)} دیگر پاسخ نداد (هیچ پاسخی در ${ltr(ms)} میلی‌ثانیه).`,
  sendConnectionRefused: (server) => `اتصال به ${ltr(server)} ممکن نشد: اتصال رد شد.`,
  sendHostNotFound: (host, why) => `سرور ${ltr(host)} پیدا نشد: ${iso(why)}`,
  sendClosed: (stage, lastReply) => `سرور در مرحله‌ی ${stageName(stage)} اتصال را بست${lastReply ? ` (آخرین پاسخ: ${iso(lastReply)})` : ''}.`,
  sendUnexpectedReply: (stage, reply) => `پاسخ پیش‌بینی‌نشده از سرور در مرحله‌ی ${stageName(stage)}: ${iso(reply)}`,
  sendCancelled: () => 'لغو شد',
  sendCancelledAfterData: () => 'پس از فرستادن کامل پیام لغو شد: شاید تحویل شده باشد؛ پیش از فرستادن دوباره بررسی کنید.',
  sendMaybeDelivered: (message) => `${message} کل پیام فرستاده شده بود و پاسخی به آن نیامد: شاید تحویل شده باشد؛ پیش از فرستادن دوباره بررسی کنید.`,
  sendStageDeadline: (server, stage, ms) => `سرور ${ltr(server)} مرحله‌ی ${stageName(stage)} را در ${ltr(ms)} میلی‌ثانیه (مهلت هر مرحله) تمام نکرد؛ نشست پایان یافت.`,
  sendReplyTooBig: (server, what, stage) => `سرور ${ltr(server)} در مرحله‌ی ${stageName(stage)} ${iso(what)} فرستاد (RFC 5321 §4.5.3.1.5 هر خط را ${ltr(512)} اکتت مجاز می‌داند)؛ نشست پایان یافت.`,
  sendReplyOverflow: (unit, limit) => `پاسخی بیش از ${ltr(limit)} ${unit === 'bytes' ? 'بایت' : 'خط'}`,
  sendNotEncrypted: () => `اتصال رمزگذاری نشده است، در حالی که نمایه ${ltr('TLS')} را الزامی کرده است.`,
  sendNoOAuth2Token: () => `توکن دسترسی ${ltr('OAuth2')} نیست: نمایه فرمانی برای گرفتن توکن ندارد.`,
  oauth2LoginFailed: (why) => `ورود ${ltr('OAuth2')} ناموفق بود: ${iso(why)}`,
  oauth2NotOffered: (reply) => `سرور ورود ${ltr('XOAUTH2')} (${ltr('OAuth2')}) را نمی‌پذیرد: ${iso(reply)}`,
  oauth2TokenRefused: (reply, fetched) =>
    `سرور توکن دسترسی ${ltr('OAuth2')} را رد کرد: ${iso(reply)}. به احتمال زیاد توکن منقضی شده، یا برای حساب دیگری یا بی دامنه‌ی دسترسی نامه صادر شده است (${ltr('Gmail: https://mail.google.com/')}؛ ${ltr('Microsoft 365: SMTP.Send')}).${fetched > 1 ? ` فرمان توکن ${ltr(fetched)} بار اجرا شد؛ توکن تازه هم رد شد.` : ''} بررسی کنید که فرمان توکن یک توکن دسترسی معتبر برای این کاربر چاپ کند.`,
  oauth2Refused: (reply) => `سرور ورود ${ltr('OAuth2')} را رد کرد: ${iso(reply)}`,
  sendCaFileUnreadable: (file, why) => `فایل ${ltr('CA')} ${iso(file)} خوانده نشد: ${iso(why)}`,
  sendEhloNameInvalid: (name) =>
    `نام ${ltr('EHLO')} ${iso(JSON.stringify(name))} به کار نمی‌آید: یک نام دامنه (مانند ${ltr('client.example.com')}) یا یک نشانی لفظی (مانند ${ltr('[192.0.2.1]')}) بدهید.`,
  sendCleartextAuth: () =>
    `امنیت ${ltr('"none"')} همراه نام کاربری، گذرواژه را رمزنگاری‌نشده می‌فرستد (${ltr('AUTH')} بی ${ltr('TLS')}). ${ltr('STARTTLS')} یا ${ltr('TLS')} را به کار ببرید، یا آن را برای این نمایه آشکارا مجاز کنید (${ltr('allowCleartextAuth: true')}؛ در خط فرمان ${ltr('--allow-cleartext-auth')}).`,
  sendNoPassword: () => 'برای ورود گذرواژه‌ای داده نشده است.',
  sendNeedsSmtputf8: (address) =>
    `سرور ${ltr('SMTPUTF8')} (RFC 6531) را ارائه نمی‌کند، پس نشانی ${iso(address)} (که ${ltr('ASCII')} نیست) فرستادنی نیست؛ یک نشانی ${ltr('ASCII')} به کار ببرید (دامنه به شکل ${ltr('xn--')}).`,
  sendInternalError: (message) => `خطای درونی: ${iso(message)}`,
  scriptWaitTooLong: (written) => `انتظار دست‌بالا یک ساعت مجاز است، نه ${ltr(written)}.`,
  envelopeHeaderUncertain: (line, shown, why) =>
    `سرآیند را نمی‌توان با اطمینان خواند: خط ${ltr(line)} (${iso(shown)}) ${why}. آن خط را درست کنید (یا خط خالی آغاز بدنه را بیفزایید)؛ پیام به همین شکل فرستاده نمی‌شود.`,
  envelopeNotAField: () =>
    `یک فیلد سرآیند نیست (فیلد به شکل ${ltr('Name: value')} است و نامش فاصله ندارد)، پس سرآیند همان‌جا تمام می‌شود و هر خط پس از آن، حتی یک فیلد ${ltr('Bcc')}، بدنه خوانده می‌شود`,
  envelopeFieldNameUnclear: () => `نام فیلدش خالی است یا نویسه‌ای بیرون از ${ltr('ASCII')} چاپ‌پذیر دارد، پس خواننده‌ها شاید بر سر این‌که کدام فیلد است هم‌نظر نباشند`,
  envelopeFoldContinuesNothing: () => 'تورفته است اما ادامه‌ی هیچ فیلدی نیست',
  envelopeBareCr: () => `سرآیند یک ${ltr('CR')} تنها دارد (بازگشت نورد بی خط‌خور): می‌تواند یک فیلد را دو تکه کند. آن را حذف کنید یا پایان خطی درست بگذارید.`,
  envelopeNoSender: () => `فرستنده‌ای نیست: پیام صندوق پستی ${ltr('From')} یا ${ltr('Sender')} ندارد؛ یک فیلد ${ltr('From')} بیفزایید یا فرستنده‌ی پاکت را بدهید.`,
  envelopeSenderUnusable: (address, why) => `فرستنده‌ی ${iso(address)} به کار نمی‌آید: ${why}.`,
  envelopeRecipientUnusable: (address, why) => `گیرنده‌ی ${iso(address)} به کار نمی‌آید: ${why}.`,
  envelopeNoRecipientListEmpty: () => 'گیرنده‌ای نیست: فهرست گیرندگان خالی است',
  envelopeNoRecipientField: (resent, fields) =>
    `گیرنده‌ای نیست: ${resent ? `تازه‌ترین بلوک ${ltr('Resent')} هیچ ${ltr(fields)} ندارد` : `پیام هیچ ${ltr(fields)} ندارد`}`,
  envelopeNoRecipientReadable: (fields) => `گیرنده‌ای نیست: فیلدهای ${ltr(fields)} هیچ نشانی خواندنی‌ای ندارند`,
  envelopeNoUsableRecipient: () => 'گیرنده‌ای نیست: هیچ‌یک از نشانی‌ها به کار نمی‌آید.',
  envelopeBlindFieldLeft: () => `سرآیند داده‌ای که فرستاده می‌شود هنوز یک فیلد ${ltr('Bcc')} یا خطی که فیلد نیست دارد؛ پیام فرستاده نمی‌شود.`,
};

/** Persian names of the stages of a send (src/send/types.ts `SendStage`); the command stays in Latin. */
const SEND_STAGES: Record<string, string> = {
  connecting: 'اتصال',
  tls: `رمزگذاری (${ltr('TLS')})`,
  auth: `ورود (${ltr('AUTH')})`,
  sender: `فرستنده (${ltr('MAIL FROM')})`,
  recipients: `گیرندگان (${ltr('RCPT TO')})`,
  data: `داده (${ltr('DATA')})`,
  quit: `پایان (${ltr('QUIT')})`,
};

function stageName(stage: string): string {
  return SEND_STAGES[stage] ?? ltr(stage);
}

/** Persian of `transcriptLabels`. */
export const PERSIAN_TRANSCRIPT_LABELS: TranscriptLabelTable = {
  syntax: 'نحو',
  replies: 'پاسخ‌هایی که ممکن است بگیرد',
  alwaysReplies: `و پس از هر فرمان، ${ltr('421, 500-504, 554')}`,
  inReplyTo: (verb) => (verb === '.' ? 'در پاسخ به پایان پیام.' : `در پاسخ به ${ltr(verb)}.`),
  greeting: 'خوشامد: نخستین پاسخ نشست.',
  unknownCode: 'کدی نیست که RFC 5321 تعریف کرده باشد؛ آن را از روی رقم‌هایش بخوانید.',
  enhanced: (code) => `کد وضعیت پیشرفته‌ی ${ltr(code)} (RFC 3463)`,
  enhancedClass: 'کلاس',
  enhancedSubject: 'موضوع',
  enhancedDetail: 'جزئیات',
  extension: (keyword, rfc) => `کلیدواژه‌ی EHLO ${ltr(keyword)} (${ltr(rfc)})`,
  unknownExtension: 'کلیدواژه‌ی افزونه‌ای که این ویرایشگر توضیحش را ندارد (خصوصی یا تازه‌تر از فهرستش).',
  connection: 'اتصال',
  tls: 'TLS',
  transaction: (from) => `تراکنش از ${iso(from)}`,
  nullSender: `${ltr('<>')} (فرستنده‌ی تهی)`,
  unknownSender: '(پیش از این رونوشت)',
  sender: (addr) => `از ${iso(addr)}`,
  recipient: (addr) => `به ${iso(addr)}`,
  accepted: (code) => `${ltr(code)} پذیرفته شد`,
  refused: (code) => `${ltr(code)} رد شد`,
  noReply: 'بی پاسخ',
  message: 'پیام',
  octets: (n, lines) => `${ltr(n)} اکتت، ${ltr(lines)} خط`,
  elided: 'بدنه ثبت نشده',
  finalReply: 'پاسخ نهایی',
  extensions: (n) => `${ltr(n)} افزونه`,
  clientLine: 'خط کلاینت',
  serverLine: 'خط سرور',
  snippetFrom: 'MAIL FROM:<address>',
  snippetTo: 'RCPT TO:<address>',
};

// ---- SMTP reference data of ../transcript/catalog.ts

/** Persian catalogue texts. */
export const PERSIAN_CATALOG: CatalogTexts = {
  commands: {
    EHLO: 'یک نشست SMTP گسترش‌یافته را باز می‌کند: کلاینت خود را معرفی می‌کند و سرور افزونه‌هایی را که پشتیبانی می‌کند، هر کدام در یک خط پاسخ، فهرست می‌کند. هر تراکنشی را هم از نو آغاز می‌کند.',
    HELO: 'یک نشست SMTP ساده (بی افزونه) را باز می‌کند: کلاینت خود را معرفی می‌کند. هر تراکنشی را هم از نو آغاز می‌کند.',
    MAIL: `یک تراکنش ایمیل را آغاز می‌کند و فرستنده‌ی پاکت را می‌دهد (پیام‌های برگشتی به آنجا می‌روند). ${L('<>')} فرستنده‌ی تهیِ پیام‌های برگشتی است.`,
    RCPT: 'یک گیرنده‌ی پاکت به تراکنش می‌افزاید؛ برای هر گیرنده تکرارش کنید.',
    DATA: `درخواست فرستادن پیام: پس از ${L(354)} کلاینت خط‌های پیام را (با ${L('dot-stuffing')}) می‌فرستد و با خطی که فقط ${L('.')} دارد تمام می‌کند؛ سپس سرور پیام را می‌پذیرد (${L(250)}) یا رد می‌کند.`,
    BDAT: `تکه‌ی بعدی پیام را دقیقاً به اندازه‌ی ${L('<size>')} اکتت و بی ${L('dot-stuffing')} می‌فرستد؛ ${L('LAST')} تکه‌ی پایانی را نشان می‌دهد.`,
    RSET: 'تراکنش ایمیل جاری را لغو می‌کند؛ نشست باز می‌ماند.',
    VRFY: `می‌پرسد که آیا یک کاربر یا صندوق پستی وجود دارد (اغلب غیرفعال است: ${L(252)}).`,
    EXPN: 'از سرور می‌خواهد یک فهرست پستی را باز کند (اغلب غیرفعال است).',
    HELP: 'متن راهنما می‌خواهد.',
    NOOP: `کاری نمی‌کند؛ سرور ${L(250)} پاسخ می‌دهد. اتصال را زنده نگه می‌دارد.`,
    QUIT: `نشست را تمام می‌کند: سرور ${L(221)} پاسخ می‌دهد و اتصال را می‌بندد.`,
    STARTTLS: `اتصال را به TLS ارتقا می‌دهد. پس از ${L(220)} دست‌دهی TLS می‌آید و کلاینت باید با ${L('EHLO')} از نو شروع کند.`,
    AUTH: `با یک سازوکار SASL احراز هویت می‌کند (${L('PLAIN, LOGIN, CRAM-MD5, XOAUTH2...')}). ${L(334)} پاسخ بعدی کلاینت را می‌خواهد؛ ${L(235)} یعنی موفقیت.`,
    ETRN: 'از سرور می‌خواهد تحویل ایمیل‌های صف‌شده برای یک دامنه را آغاز کند.',
    TURN: 'منسوخ: نقش کلاینت و سرور را جابه‌جا می‌کند.',
    ATRN: `${L('TURN')} احرازشده برای بازپخش ایمیل بنا به درخواست.`,
    LHLO: `${L('EHLO')}ِ پروتکل LMTP.`,
    XCLIENT: `${L('Postfix')}: یک پراکسی ویژگی‌های کلاینت واقعی را می‌فرستد.`,
    XFORWARD: `${L('Postfix')}: یک فیلتر ویژگی‌های کلاینت اصلی را پیش می‌فرستد.`,
    SEND: 'منسوخ (RFC 821): تحویل به پایانه.',
    SOML: 'منسوخ (RFC 821): فرستادن یا ایمیل.',
    SAML: 'منسوخ (RFC 821): فرستادن و ایمیل.',
  },
  replyCodes: {
    211: 'وضعیت سیستم، یا پاسخ راهنمای سیستم.',
    214: 'پیام راهنما.',
    220: `سرویس آماده است (خوشامد؛ همچنین اجازه‌ی آغاز برای ${L('STARTTLS')}).`,
    221: `سرویس کانال انتقال را می‌بندد (پاسخ به ${L('QUIT')}).`,
    235: 'احراز هویت موفق بود (RFC 4954).',
    250: 'کار درخواستی ایمیل انجام شد.',
    251: 'کاربر محلی نیست؛ پیام بازفرستاده می‌شود.',
    252: `نمی‌توان کاربر را با ${L('VRFY')} بررسی کرد، اما پیام پذیرفته و برای تحویلش تلاش می‌شود.`,
    253: `${L('ETRN')}: ارسال پیام‌های در انتظار برای این گره آغاز شد (RFC 1985).`,
    334: `چالش سرور: پاسخ SASL بعدی را بفرستید (RFC 4954)؛ متن ${L('base64')} است.`,
    354: `ورود پیام را آغاز کنید؛ با ${L('<CRLF>.<CRLF>')} تمام کنید.`,
    421: 'سرویس در دسترس نیست، کانال انتقال بسته می‌شود.',
    432: 'گذار گذرواژه لازم است (RFC 4954).',
    450: 'صندوق پستی در دسترس نیست (مشغول یا موقتاً مسدود)؛ بعداً دوباره تلاش کنید.',
    451: 'خطای محلی در پردازش؛ کار لغو شد، بعداً دوباره تلاش کنید.',
    452: 'فضای ذخیره‌سازی سیستم کافی نیست (یا گیرندگان بیش از حدند)؛ بعداً دوباره تلاش کنید.',
    454: 'شکست موقت احراز هویت، یا TLS اکنون در دسترس نیست.',
    455: 'سرور نمی‌تواند پارامترها را بپذیرد.',
    458: `${L('ETRN')}: نمی‌توان پیام‌های این گره را در صف گذاشت.`,
    459: `${L('ETRN')}: این گره مجاز نیست.`,
    500: 'خطای نحوی، فرمان شناخته نشد (یا خط فرمان بیش از حد بلند است).',
    501: 'خطای نحوی در پارامترها یا آرگومان‌ها.',
    502: 'فرمان پیاده‌سازی نشده است.',
    503: 'ترتیب نادرست فرمان‌ها.',
    504: 'پارامتر فرمان پیاده‌سازی نشده است.',
    521: 'میزبان ایمیل نمی‌پذیرد (RFC 7504).',
    523: 'اندازه‌ی پیام از حد ثابت گیرنده بیشتر است (کاربرد RFC 1870).',
    530: 'احراز هویت لازم است (RFC 4954).',
    534: 'سازوکار احراز هویت بیش از حد ضعیف است (RFC 4954).',
    535: 'اعتبارنامه‌ی احراز هویت نامعتبر است (RFC 4954).',
    538: 'سازوکار احراز هویت درخواستی رمزنگاری لازم دارد (RFC 4954).',
    550: 'صندوق پستی در دسترس نیست (پیدا نشد، دسترسی نیست یا بنا به سیاست رد شد)؛ دائمی.',
    551: `کاربر محلی نیست؛ مسیر پیش‌رو (${L('forward-path')}) داده‌شده را امتحان کنید.`,
    552: 'کار درخواستی لغو شد: از سهمیه‌ی ذخیره‌سازی فراتر رفت (پیام بیش از حد بزرگ است).',
    553: 'نام صندوق پستی مجاز نیست (نحو نشانی نادرست است).',
    554: 'تراکنش شکست خورد (یا، به عنوان خوشامد، اینجا سرویس SMTP نیست).',
    555: `پارامترهای ${L('MAIL FROM/RCPT TO')} شناخته نشدند یا پیاده‌سازی نشده‌اند.`,
    556: 'دامنه ایمیل نمی‌پذیرد (RFC 7504).',
  },
  firstDigit: {
    '2': `${L('2yz')} پایان مثبت: کار انجام شد؛ می‌توان درخواست تازه‌ای آغاز کرد.`,
    '3': `${L('3yz')} میانی مثبت: تا اینجا پذیرفته شد، سرور منتظر ادامه است (بدنه‌ی ${L('DATA')}، پاسخ SASL بعدی).`,
    '4': `${L('4yz')} پایان منفی گذرا: این بار انجام نشد، خطا موقتی است؛ بعداً دوباره تلاش کنید.`,
    '5': `${L('5yz')} پایان منفی دائمی: انجام نشد و تکرار همان درخواست کمکی نمی‌کند.`,
  },
  secondDigit: {
    '0': `${L('x0z')} نحو: خطاهای نحوی، فرمان‌هایی که در هیچ دسته‌ای نمی‌گنجند، فرمان‌های پیاده‌سازی‌نشده یا زائد.`,
    '1': `${L('x1z')} اطلاعات: پاسخ به درخواست‌های اطلاعات (وضعیت، راهنما).`,
    '2': `${L('x2z')} اتصال‌ها: پاسخ‌هایی درباره‌ی کانال انتقال.`,
    '3': `${L('x3z')} نامشخص (RFC 4954 برای احراز هویت به کارش می‌برد).`,
    '4': `${L('x4z')} نامشخص.`,
    '5': `${L('x5z')} سیستم ایمیل: وضعیت سیستم ایمیل گیرنده برای انتقال درخواستی.`,
  },
  enhancedClass: {
    '2': 'موفقیت',
    '4': 'شکست گذرای پایدار',
    '5': 'شکست دائمی',
  },
  enhancedSubject: {
    '0': 'وضعیت دیگر یا تعریف‌نشده',
    '1': 'وضعیت نشانی‌دهی',
    '2': 'وضعیت صندوق پستی',
    '3': 'وضعیت سیستم ایمیل',
    '4': 'وضعیت شبکه و مسیریابی',
    '5': 'وضعیت پروتکل تحویل ایمیل',
    '6': 'وضعیت محتوای پیام یا رسانه',
    '7': 'وضعیت امنیت یا سیاست',
  },
  enhancedDetail: {
    '0.0': 'وضعیت تعریف‌نشده‌ی دیگر',
    '1.0': 'وضعیت دیگر نشانی',
    '1.1': 'نشانی صندوق پستی مقصد نادرست است',
    '1.2': 'نشانی سیستم مقصد نادرست است',
    '1.3': 'نحو نشانی صندوق پستی مقصد نادرست است',
    '1.4': 'نشانی صندوق پستی مقصد مبهم است',
    '1.5': 'نشانی مقصد معتبر است',
    '1.6': 'صندوق پستی مقصد جابه‌جا شده و نشانی بازفرستی ندارد',
    '1.7': 'نحو نشانی صندوق پستی فرستنده نادرست است',
    '1.8': 'نشانی سیستم فرستنده نادرست است',
    '1.10': `نشانی گیرنده ${L('null MX')} دارد (RFC 7505)`,
    '2.0': 'وضعیت دیگر یا تعریف‌نشده‌ی صندوق پستی',
    '2.1': 'صندوق پستی غیرفعال است و پیام نمی‌پذیرد',
    '2.2': 'صندوق پستی پر است',
    '2.3': 'طول پیام از حد مدیریتی بیشتر است',
    '2.4': 'مشکل در باز کردن فهرست پستی',
    '3.0': 'وضعیت دیگر یا تعریف‌نشده‌ی سیستم ایمیل',
    '3.1': 'سیستم ایمیل پر است',
    '3.2': 'سیستم پیام‌های شبکه را نمی‌پذیرد',
    '3.3': 'سیستم توان ویژگی‌های انتخاب‌شده را ندارد',
    '3.4': 'پیام برای سیستم بیش از حد بزرگ است',
    '3.5': 'سیستم نادرست پیکربندی شده است',
    '4.0': 'وضعیت دیگر یا تعریف‌نشده‌ی شبکه یا مسیریابی',
    '4.1': 'میزبان پاسخ نمی‌دهد',
    '4.2': 'اتصال بد',
    '4.3': 'شکست سرور دایرکتوری',
    '4.4': 'مسیریابی ممکن نیست',
    '4.5': 'ازدحام سیستم ایمیل',
    '4.6': 'حلقه‌ی مسیریابی پیدا شد',
    '4.7': 'زمان تحویل سپری شد',
    '5.0': 'وضعیت دیگر یا تعریف‌نشده‌ی پروتکل',
    '5.1': 'فرمان نامعتبر',
    '5.2': 'خطای نحوی',
    '5.3': 'گیرندگان بیش از حدند',
    '5.4': 'آرگومان‌های فرمان نامعتبرند',
    '5.5': 'نسخه‌ی نادرست پروتکل',
    '5.6': 'خط تبادل احراز هویت بیش از حد بلند است (RFC 4954)',
    '6.0': 'خطای دیگر یا تعریف‌نشده‌ی رسانه',
    '6.1': 'رسانه پشتیبانی نمی‌شود',
    '6.2': 'تبدیل لازم است اما ممنوع است',
    '6.3': 'تبدیل لازم است اما پشتیبانی نمی‌شود',
    '6.4': 'تبدیل با از دست رفتن داده انجام شد',
    '6.5': 'تبدیل شکست خورد',
    '7.0': 'وضعیت امنیتی دیگر یا تعریف‌نشده',
    '7.1': 'تحویل مجاز نیست، پیام رد شد',
    '7.2': 'باز کردن فهرست پستی ممنوع است',
    '7.3': 'تبدیل امنیتی لازم است اما ممکن نیست',
    '7.4': 'ویژگی‌های امنیتی پشتیبانی نمی‌شوند',
    '7.5': 'شکست رمزنگاری',
    '7.6': 'الگوریتم رمزنگاری پشتیبانی نمی‌شود',
    '7.7': 'شکست یکپارچگی پیام',
    '7.8': 'اعتبارنامه‌ی احراز هویت نامعتبر است (RFC 4954)',
    '7.9': 'سازوکار احراز هویت بیش از حد ضعیف است (RFC 4954)',
    '7.10': 'رمزنگاری لازم است (RFC 5248)',
    '7.11': 'سازوکار احراز هویت درخواستی رمزنگاری لازم دارد (RFC 4954)',
    '7.12': 'گذار گذرواژه لازم است (RFC 4954)',
  },
  extensions: {
    '8BITMIME': `سرور بدنه‌های ۸بیتی را می‌پذیرد (${L('MAIL FROM:<...> BODY=8BITMIME')}).`,
    SIZE: `اعلام اندازه‌ی پیام: پارامتر بزرگ‌ترین پیام پذیرفتنی به اکتت است؛ کلاینت می‌تواند ${L('SIZE=<n>')} را با ${L('MAIL')} بفرستد.`,
    PIPELINING: 'کلاینت می‌تواند چند فرمان را بی انتظار برای هر پاسخ بفرستد و سپس پاسخ‌ها را به ترتیب بخواند.',
    STARTTLS: `کلاینت می‌تواند اتصال را با ${L('STARTTLS')} به TLS ارتقا دهد.`,
    AUTH: 'احراز هویت SMTP؛ پارامترها سازوکارهای SASL پیشنهادی‌اند.',
    ENHANCEDSTATUSCODES: `پاسخ‌ها با یک کد وضعیت ${L('class.subject.detail')} از RFC 3463 شروع می‌شوند.`,
    DSN: `اعلان‌های وضعیت تحویل: ${L('NOTIFY/ORCPT')} روی ${L('RCPT')} و ${L('RET/ENVID')} روی ${L('MAIL')}.`,
    CHUNKING: `کلاینت می‌تواند پیام را به جای ${L('DATA')} با ${L('BDAT')} تکه‌تکه بفرستد.`,
    BINARYMIME: `سرور بدنه‌های دودویی را می‌پذیرد (${L('BODY=BINARYMIME')}، با ${L('BDAT')}).`,
    SMTPUTF8: `نشانی‌ها و سرآیندهای UTF-8 پذیرفته می‌شوند (${L('MAIL ... SMTPUTF8')}).`,
    HELP: `فرمان ${L('HELP')} در دسترس است.`,
    VRFY: `فرمان ${L('VRFY')} در دسترس است.`,
    EXPN: `فرمان ${L('EXPN')} در دسترس است.`,
    ETRN: `آغاز صف از راه دور با ${L('ETRN')}.`,
    DELIVERBY: 'تحویل تا زمان معین: کلاینت می‌تواند تحویل در یک بازه‌ی زمانی را بخواهد.',
    REQUIRETLS: 'پیام فقط باید روی TLS بازپخش شود.',
    'MT-PRIORITY': 'اولویت‌های انتقال پیام.',
    FUTURERELEASE: 'آزادسازی آینده‌ی پیام (نگه داشتن تا یک زمان).',
    'NO-SOLICITING': `کلیدواژه‌های منع درخواست (${L('no soliciting')}).`,
    XCLIENT: `${L('Postfix XCLIENT')}: یک پراکسی می‌تواند ویژگی‌های کلاینت اصلی را بفرستد.`,
    XFORWARD: `${L('Postfix XFORWARD')}: یک فیلتر می‌تواند ویژگی‌های کلاینت اصلی را پیش بفرستد.`,
    LIMITS: `محدودیت‌های سرور (${L('RCPTMAX, MAILMAX...')}) از پیش اعلام می‌شوند.`,
  },
  parameters: {
    SIZE: 'اندازه‌ی پیام را اعلام می‌کند تا سرور بتواند پیام بیش از حد بزرگ را پیش از فرستاده شدن رد کند.',
    BODY: `نوع بدنه را اعلام می‌کند: ${L('8BITMIME')} افزونه‌ی ${L('8BITMIME')} را لازم دارد، ${L('BINARYMIME')} افزونه‌ی ${L('BINARYMIME')} و ${L('BDAT')} را.`,
    SMTPUTF8: 'تراکنش نشانی‌ها یا سرآیندهای UTF-8 دارد.',
    RET: 'اینکه اعلان وضعیت تحویل کل پیام را برگرداند یا فقط سرآیندهایش را.',
    ENVID: 'شناسه‌ی پاکت که در اعلان‌های وضعیت تحویل بازتاب داده می‌شود.',
    AUTH: `هویت احرازشده‌ای که پیام را سپرده است (وقتی ناشناخته است ${L('<>')}).`,
    NOTIFY: 'چه زمانی برای این گیرنده اعلان وضعیت تحویل فرستاده شود.',
    ORCPT: 'نشانی گیرنده‌ی اصلی که در اعلان‌های وضعیت تحویل گزارش می‌شود.',
    REQUIRETLS: 'پیام فقط باید روی TLS با گواهی‌های وارسی‌شده بازپخش شود.',
    'MT-PRIORITY': 'اولویت انتقال پیام.',
    HOLDFOR: 'آزادسازی آینده: پیام را این مدت نگه دار.',
    HOLDUNTIL: 'آزادسازی آینده: پیام را تا این زمان نگه دار.',
    BY: 'تحویل تا زمان معین: در این مدت تحویل بده، وگرنه برگردان یا اعلان کن.',
  },
  sasl: {
    PLAIN: `${L('PLAIN')} (RFC 4616): شناسه‌ی مجوز، نام کاربری و گذرواژه که با NUL به هم پیوسته و ${L('base64')} شده‌اند. ${L('base64')} رمزنگاری نیست: هر کس رونوشت را داشته باشد گذرواژه را می‌خواند.`,
    LOGIN: `${L('LOGIN')} (منسوخ، ${L('draft-murchison-sasl-login')}): سرور ${L('"Username:"')} و ${L('"Password:"')} را (${L('base64')}) می‌پرسد و کلاینت هر کدام را با ${L('base64')} پاسخ می‌دهد.`,
    'CRAM-MD5': `${L('CRAM-MD5')} (RFC 2195): کلاینت به چالش با نام کاربری و یک HMAC-MD5 از آن با کلید گذرواژه پاسخ می‌دهد.`,
    'DIGEST-MD5': `${L('DIGEST-MD5')} (RFC 2831، منسوخ‌شده با RFC 6331).`,
    'SCRAM-SHA-1': `${L('SCRAM-SHA-1')} (RFC 5802): چالش-پاسخ نمک‌زده؛ گذرواژه هرگز از سیم نمی‌گذرد.`,
    'SCRAM-SHA-256': `${L('SCRAM-SHA-256')} (RFC 7677): چالش-پاسخ نمک‌زده؛ گذرواژه هرگز از سیم نمی‌گذرد.`,
    XOAUTH2: `${L('XOAUTH2')} (${L('Google')}، ${L('Microsoft')}): نام کاربری و یک توکن حامل ${L('OAuth 2.0')}، با ${L('base64')}؛ توکن خودش اعتبارنامه است.`,
    OAUTHBEARER: `${L('OAUTHBEARER')} (RFC 7628): یک توکن حامل ${L('OAuth 2.0')} در سرآیند GS2، با ${L('base64')}؛ توکن خودش اعتبارنامه است.`,
    EXTERNAL: `${L('EXTERNAL')} (RFC 4422، پیوست ${L('A')}): هویتی که بیرون از SASL برقرار شده، مثلاً با گواهی کلاینت TLS.`,
    GSSAPI: `${L('GSSAPI')} (RFC 4752): ${L('Kerberos V5')}.`,
    ANONYMOUS: `${L('ANONYMOUS')} (RFC 4505): بی اعتبارنامه، با یک رشته‌ی ردیابی اختیاری.`,
  },
};

// ---- Authentication diagnostics

/** Persian authentication messages. */
export const PERSIAN_AUTH_MESSAGES: AuthMessageTable = {
  'syntax-tag-missing': (tag) => `این امضا برچسب لازم ${ltr(`${tag}=`)} را ندارد، پس بررسی‌شدنی نیست.`,
  'syntax-tag-duplicate': (tag) => `برچسب ${ltr(`${tag}=`)} دو بار آمده است؛ امضایی با برچسب تکراری نامعتبر است (RFC 6376 §3.2).`,
  'syntax-tag-malformed': (text) => `${q(text)} برچسبی به شکل ${ltr('name=value')} نیست؛ فهرست برچسب‌های امضا نادرست است.`,
  'syntax-version': (v) => `${ltr(`v=${v}`)} نسخه‌ای از ${ltr('DKIM')} نیست که این بررسی‌کننده بشناسد؛ فقط ${ltr('v=1')} تعریف شده است.`,
  'syntax-algorithm': (a) => `${ltr(`a=${a}`)} الگوریتم امضا نیست (${ltr('rsa-sha256')}، ${ltr('ed25519-sha256')} یا ${ltr('rsa-sha1')} منسوخ).`,
  'syntax-canonicalization': (c) => `${ltr(`c=${c}`)} روش یکسان‌سازی نیست؛ ${ltr('simple')} یا ${ltr('relaxed')} را به شکل سرآیند/بدنه به کار ببرید (مثلاً ${ltr('relaxed/relaxed')}).`,
  'syntax-no-from': () => `${ltr('h=')} فیلد ${ltr('From')} را ندارد، پس امضا از نویسنده محافظت نمی‌کند: RFC 6376 §5.4 امضای ${ltr('From')} را لازم می‌داند.`,
  'syntax-number': (tag, value) => `${ltr(`${tag}=${value}`)} عددی از ثانیه‌ها یا اکتت‌ها نیست.`,
  'syntax-identity': (i, d) => `شناسه‌ی ${ltr(`i=${i}`)} در دامنه‌ی امضاکننده‌ی ${ltr(`d=${d}`)} یا زیردامنه‌هایش نیست.`,
  'syntax-expiry': () => `زمان انقضای ${ltr('x=')} دیرتر از زمان امضای ${ltr('t=')} نیست.`,
  'syntax-base64': (tag) => `مقدار ${ltr(`${tag}=`)} در ${ltr('base64')} نیست.`,
  'body-hash-mismatch': (canon, limit) =>
    `بدنه پس از امضا تغییر کرده است: با یکسان‌سازی ${ltr(canon)}${limit !== undefined ? ` و بریدن در ${ltr(`l=${limit}`)} اکتت` : ''} دیگر به ${ltr('bh=')} نمی‌رسد. تغییر بدنه را برگردانید یا پیام را دوباره امضا کنید.`,
  'body-shorter-than-l': (limit, length) =>
    `بدنه کوتاه‌تر از ${ltr(`l=${limit}`)} اکتت امضاشده است (اکنون ${ltr(length)}): بخشی از آن پس از امضا برداشته شده است.`,
  'signature-changed': (fields) =>
    `امضا تأیید نمی‌شود: یک فیلد امضاشده پس از امضا تغییر کرده است (کلید همانی است که امضا کرده). فیلدهای امضاشده: ${ltr(fields)}.`,
  'signature-changed-field': (field) => `امضا تأیید نمی‌شود: ${ltr(field)} پس از امضا تغییر کرده است (با رونوشتش در ${ltr('z=')} فرق دارد).`,
  'signature-failed': (fields) =>
    `امضا با کلید گزینشگر تأیید نمی‌شود: یک فیلد امضاشده پس از امضا تغییر کرده، یا کلید همانی نیست که امضا کرده. فیلدهای امضاشده: ${ltr(fields)}.`,
  'signature-wrong-key': (name) =>
    `این امضا با کلیدی که در ${ltr(name)} منتشر شده ساخته نشده است (کلید عوض شده یا امضا جعلی است)؛ فیلدهای امضاشده شاید دست‌نخورده باشند.`,
  'signature-key-unusable': (name, why) => `کلید ${ltr(name)} نمی‌تواند این امضا را تأیید کند: ${why}.`,
  'key-why-revoked': () => `کلید باطل شده است (${ltr('p=')} خالی)`,
  'key-why-syntax': (detail) => `رکورد کلید نادرست است (${q(detail)})`,
  'key-why-type': (type) => `نوع کلید ${ltr(type)} نه ${ltr('rsa')} است نه ${ltr('ed25519')}، یا با ${ltr('a=')} نمی‌خواند`,
  'key-why-short': (bits) => `کلید ${ltr('RSA')} ${ltr(bits)} بیت دارد؛ بررسی‌کننده‌ها باید کلیدهای کوتاه‌تر از ${ltr(1024)} بیت را نپذیرند (RFC 8301)`,
  'key-why-hash': (hash) => `${ltr('h=')} رکورد کلید ${ltr(hash)} را مجاز نمی‌داند`,
  'key-unavailable': (name, why, error) =>
    `کلید عمومی‌ای برای ${ltr(name)} نیست${
      why === 'pending' ? `، هنوز: جست‌وجوی ${ltr('DNS')} در جریان است` : why === 'not-found' ? `: ${ltr('DNS')} چنین رکوردی ندارد` : why === 'failed' ? `: جست‌وجوی ${ltr('DNS')} ناکام ماند (${q(error)})` : ` در فایل کلیدها، و جست‌وجوی ${ltr('DNS')} خاموش است`
    }. فقط درهم‌سازی بدنه بررسی شد. کلید را به فایل کلیدها (تنظیم ${ltr('smtpEml.dkim.keys')}) بیفزایید یا ${ltr('smtpEml.dkim.dnsLookups')} را روشن کنید.`,
  'arc-too-many': (n) => `پیام ${ltr(n)} مجموعه‌ی ${ltr('ARC')} دارد؛ زنجیره حداکثر ${ltr(50)} مجموعه می‌تواند داشته باشد (RFC 8617 §4.2.1).`,
  'arc-instance-gap': (expected, found) => `مجموعه‌های ${ltr('ARC')} باید بی‌فاصله از ${ltr('i=1')} تا ${ltr('i=n')} شماره بخورند؛ ${ltr(`i=${expected}`)} پیش از ${ltr(`i=${found}`)} نیامده است.`,
  'arc-instance-bad': (value) => `${ltr(`i=${value}`)} شماره‌ی نمونه‌ی ${ltr('ARC')} (${ltr('1-50')}) نیست.`,
  'arc-set-incomplete': (instance, missing) =>
    `مجموعه‌ی ${ltr('ARC')} ${ltr(`i=${instance}`)} فیلد ${ltr(missing)} ندارد: هر مجموعه یک ${ltr('ARC-Seal')}، یک ${ltr('ARC-Message-Signature')} و یک ${ltr('ARC-Authentication-Results')} است.`,
  'arc-duplicate': (instance, field) => `مجموعه‌ی ${ltr('ARC')} ${ltr(`i=${instance}`)} بیش از یک ${ltr(field)} دارد.`,
  'arc-cv-first': (cv) => `نخستین ${ltr('ARC-Seal')} (${ltr('i=1')}) باید ${ltr('cv=none')} بگوید؛ ${ltr(`cv=${cv || '(هیچ)'}`)} می‌گوید.`,
  'arc-cv-later': (instance, cv) => `${ltr(`ARC-Seal i=${instance}`)} باید ${ltr('cv=pass')} بگوید (زنجیره‌ی پیش از آن تأیید شده بود)؛ ${ltr(`cv=${cv || '(هیچ)'}`)} می‌گوید.`,
  'arc-cv-fail': (instance) => `${ltr(`ARC-Seal i=${instance}`)} می‌گوید ${ltr('cv=fail')}: زنجیره هنگام افزودن این مجموعه شکسته بود.`,
  'arc-syntax': (instance, field, why) => `${ltr(field)} مجموعه‌ی ${ltr('ARC')} ${ltr(`i=${instance}`)} نادرست است: ${why}`,
  'arc-ams-body': (instance) => `بدنه پس از افزودن تازه‌ترین مجموعه‌ی ${ltr('ARC')} (${ltr(`i=${instance}`)}) تغییر کرده است: درهم‌سازی بدنه‌ی ${ltr('ARC-Message-Signature')} آن دیگر نمی‌خواند.`,
  'arc-ams-signature': (instance) => `${ltr('ARC-Message-Signature')} تازه‌ترین مجموعه (${ltr(`i=${instance}`)}) تأیید نمی‌شود: یک فیلد امضاشده پس از افزودنش تغییر کرده است.`,
  'arc-seal-signature': (instance) => `${ltr(`ARC-Seal i=${instance}`)} تأیید نمی‌شود: یکی از فیلدهای ${ltr('ARC')} مجموعه‌های ${ltr(`1-${instance}`)} پس از مُهر تغییر کرده است.`,
};

// ---- HTML diagnostics

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

// ---- The preview's own words

/** Western digits and the decimal point written with Persian digits and the Persian decimal separator. */
export const toPersianDigits = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x6f0 + Number(d))).replace(/\./g, '٫');

export const PERSIAN_PREVIEW_LABELS: PreviewLabels = {
  fields: { from: 'از', to: 'به', cc: 'رونوشت', 'reply-to': 'پاسخ به', subject: 'موضوع', date: 'تاریخ' },
  attachments: 'پیوست‌ها',
  attachedMessage: 'پیام پیوست‌شده',
  open: 'باز کردن',
  saveAs: 'ذخیره با نام…',
  alternatives: 'نمایش به صورت',
  html: 'اچ‌تی‌ام‌ال',
  text: 'متن ساده',
  noBody: 'این پیام متنی برای نمایش ندارد.',
  noSubject: '(بدون موضوع)',
  remoteBlocked: (n) => `${toPersianDigits(String(n))} تصویر یا سبک از راه دور برای حفظ حریم خصوصی شما مسدود شد.`,
  trackersBlocked: (n) => `${toPersianDigits(String(n))} پیکسل ردیاب مسدود شد.`,
  loadRemote: 'بارگذاری محتوای راه دور',
  blockRemote: 'مسدود کردن محتوای راه دور',
  remoteAllowed: 'محتوای راه دور برای این پیام نمایش داده می‌شود.',
  problems: (e, w) => `این پیام ${toPersianDigits(String(e))} خطا و ${toPersianDigits(String(w))} هشدار دارد؛ تا جایی که خوانده شد نمایش داده می‌شود.`,
  showProblems: 'نمایش مشکلات',
  inlineImage: 'تصویر درون‌خطی',
  documentTitle: (s) => `پیش‌نمایش: ${s}`,
};

// ---- The command line's own words

/** Why a file cannot be read, by the system's error code; others keep the system's (English) message, isolated. */
const PERSIAN_SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'چنین پرونده یا پوشه‌ای نیست',
  EACCES: 'اجازه‌ی دسترسی نیست',
  EPERM: 'اجازه‌ی این کار نیست',
  EISDIR: 'یک پوشه است',
  ENOTDIR: 'بخشی از مسیر پوشه نیست',
  ENAMETOOLONG: 'نام پرونده بیش از اندازه بلند است',
  ELOOP: 'پیوندهای نمادین بیش از اندازه در مسیر',
  EMFILE: 'پرونده‌های باز بیش از اندازه',
  EEXIST: 'از پیش وجود دارد',
  ENOSPC: 'جایی بر دیسک نمانده است',
  EROFS: 'سامانه‌ی پرونده فقط‌خواندنی است',
  EADDRINUSE: 'نشانی در حال استفاده است',
  ECONNREFUSED: 'اتصال رد شد',
  ECONNRESET: 'طرف دیگر اتصال را ناگهان بست',
  EPIPE: 'طرف دیگر اتصال را بسته است',
  ETIMEDOUT: 'مهلت اتصال سر آمد',
  EHOSTUNREACH: 'میزبان در دسترس نیست',
  ENETUNREACH: 'شبکه در دسترس نیست',
  ENOTFOUND: 'نام میزبان پیدا نشد',
  EAI_AGAIN: `نام میزبان اکنون پیدا نشد (خطای گذرای ${L('DNS')})`,
};

/** A file name, a server reply or a system message: the user's text, its direction unknown. */
const f = (s: string | number): string => iso(s);

/** `smtp-eml`'s help and lines in Persian (keys as `ENGLISH_CLI_TEXTS`). */
export const PERSIAN_CLI_TEXTS: CliTexts = {
  usageTitle: 'کاربرد:',
  usage: {
    check: `      پیام‌های ${L('.eml')} و رونوشت‌های ${L('.smtp')} را وارسی می‌کند و برای هر مشکل
      ${L('file:line:col:')} و سپس شدت، کد و پیام (شمارش از ۱) یا ${L('JSON')} چاپ می‌کند؛ با هر خطا کد خروج ${L(1)}.
      بخش‌های ${L('HTML')} در برابر کلاینت‌های ایمیلِ ${L('LIST')} سنجیده می‌شوند: نام‌های ${L('family.platform')}
      در ${L('caniemail.com')} با ${L('*')} (پیش‌فرض ${L('apple-mail.*,gmail.*,outlook.*,yahoo.*')}؛
      مثلاً ${L('outlook.windows,gmail.*')})؛ ${L('--html-clients none')} وارسی ${L('HTML')} را کنار می‌گذارد.
      پیام‌ها با ${L('--locale fa')} فارسی‌اند (پیش‌فرض: ${L('LC_ALL')}، ${L('LC_MESSAGES')} یا ${L('LANG')}،
      مثلاً ${L('fa_IR.UTF-8')})، وگرنه انگلیسی؛ کدها در همه‌ی زبان‌ها یکی‌اند.
      هش بدنه‌ی ${L('DKIM/ARC')} همیشه وارسی می‌شود؛ امضاها با کلیدهای عمومی پرونده‌ی
      ${L('--dkim-keys FILE')} (به شکل ${L('JSON')}: ${L('{"selector._domainkey.domain": "v=DKIM1; k=rsa; p=..."}')}).
      هیچ پرس‌وجوی ${L('DNS')} انجام نمی‌شود.
      صندوق نامه (پرونده‌ای که با خط ${L('"From "')} قالب ${L('mbox')} آغاز می‌شود) جریانی خوانده
      و هر پیام جداگانه وارسی می‌شود؛ موقعیت‌ها در خود پرونده‌ی صندوق است،
      ورودی‌های ${L('JSON')} پیام را نام می‌برند و خلاصه‌ای به ${L('stderr')} می‌رود.
`,
    send: `      پیام پرونده‌ی ${L('FILE')} را با ${L('SMTP')} می‌فرستد و گزارش نشست (رونوشت ${L('.smtp')}
      با اعتبارنامه‌های پوشیده) را در ${L('stdout')} یا ${L('--log FILE')} می‌نویسد.
      پاکت: ${L('MAIL FROM')} همان ${L('Sender')} است، وگرنه نخستین ${L('From')}؛ ${L('RCPT TO')} همه‌ی نشانی‌های
      ${L('To')}، ${L('Cc')} و ${L('Bcc')} است (سرآیندهای ${L('Bcc')} از داده برداشته می‌شوند)؛ ${L('--from')} و
      ${L('--to')} جای آن‌ها را می‌گیرند. ${L('--security')} به طور پیش‌فرض ${L('starttls')} است (درگاه ${L(587)}؛ ${L('tls: 465')}؛
      ${L('none: 25')}). ${L('--insecure')} هر گواهی را می‌پذیرد؛ ${L('--ca')} به پرونده‌ی یک ${L('CA')} اعتماد می‌کند.
      گذرواژه: متغیر محیطی ${L('SMTP_PASSWORD')}، وگرنه پرسشی (بی نمایش نویسه‌ها)
      وقتی ${L('--user')} داده شده باشد؛ بی پایانه، نخستین خط ${L('stdin')}.
      ${L('--timeout')} اتصالی را که این مدت بی‌کار بماند رها می‌کند، و هر مرحله
      (${L('connect, TLS, AUTH, MAIL, RCPT, DATA, QUIT')}) را که دو برابر آن طول بکشد،
      هر قدر هم سرور بایت‌هایش را قطره‌قطره بفرستد (${L('DATA')} برای هر کیلوبایت ${L('1 ms')} بیشتر دارد)؛
      پیش‌فرض: ده دقیقه برای هر مرحله. ${L('AUTH')} با ${L('--security none')}
      رد می‌شود مگر ${L('--allow-cleartext-auth')} داده شود. سرآیندی که نتوان
      آن را با اطمینان خواند رد می‌شود (هیچ ${L('Bcc')} از آن نشت نمی‌کند).
      ${L('--oauth2-token-command CMD')} به جای آن با ${L('SASL XOAUTH2')} وارد می‌شود (${L('Gmail')}،
      ${L('Microsoft 365')}): پوسته ${L('CMD')} را اجرا می‌کند و آن یک توکن دسترسی تازه چاپ می‌کند؛
      اگر سرور توکن را نپذیرد دوباره اجرا می‌شود. توکن‌ها در گزارش پوشیده‌اند.
      کد خروج ${L(0)} وقتی سرور پیام را دست‌کم برای یک گیرنده پذیرفته باشد
      (هر گیرنده‌ی ردشده در ${L('stderr')} گزارش می‌شود)، ${L(1)} وقتی فرستاده نشده
      یا سرنوشت تحویل نامعلوم است (اتصال پس از رفتن کل پیام قطع شد:
      پیش از فرستادن دوباره وارسی کنید).
      ${L('--dkim-key')} با ${L('DKIM')} امضا می‌کند (${L('relaxed/relaxed')}؛ ${L('rsa-sha256')}، یا ${L('ed25519-sha256')}
      برای کلید ${L('Ed25519')}) بر همان بایت‌هایی که فرستاده می‌شوند؛ ${L('d=')} به طور پیش‌فرض دامنه‌ی ${L('From')} است؛
      گذرعبارت کلید رمزگذاری‌شده از ${L('DKIM_KEY_PASSPHRASE')} می‌آید.
`,
    inbox: `      یک صندوق آزمایشی محلی روی ${L('127.0.0.1')} اجرا می‌کند: هر پیامی را برای هر
      گیرنده‌ای می‌پذیرد، آن را در ${L('DIR')} (پیش‌فرض ${L('./inbox')}) به شکل ${L('<time>-<id>.eml')} همراه
      ${L('.envelope.json')} نگه می‌دارد، رونوشت هر نشست را به شکل ${L('<time>-<id>.smtp')} می‌نویسد
      و هرگز بازپخش نمی‌کند. ${L('Ctrl+C')} آن را می‌بندد.
      با ${L('--script')} همان‌گونه پاسخ می‌دهد که خط‌های ${L('S:')} اسکریپت برای فرمان‌های ${L('C:')}
      متناظر می‌گویند (بر پایه‌ی فعل و، هر جا آمده، آرگومان؛ هر قاعده یک بار در هر
      نشست؛ بقیه پاسخ عادی می‌گیرند)؛ ${L('"# wait 30s"')} درنگ می‌کند و ${L('"# close"')}
      اتصال را می‌بندد. اسکریپتی که مشکل دارد رد می‌شود (کد خروج ${L(1)}).
`,
    render: `      پیام را همان‌گونه که گیرنده می‌بیند می‌نویسد: یک صفحه‌ی ${L('HTML')} خودبسنده و
      پاک‌سازی‌شده (سرآیندهای رمزگشایی‌شده، بدنه‌ی ${L('HTML')} وگرنه متن، تصویرهای ${L('cid:')}
      درون صفحه به شکل ${L('data:')}، فهرست پیوست‌ها، پیام‌های پیوست‌شده تودرتو؛
      هیچ اسکریپتی از پیام). تصویرها و سبک‌های راه دور کنار گذاشته می‌شوند
      مگر با ${L('--allow-remote')} (پیکسل‌های ردیاب همیشه). بی ${L('--out')} در ${L('stdout')}
      می‌نویسد. پرونده‌های ${L('.mbox')} و ${L('.smtp')}: پیام ${L('N')}ام (پیش‌فرض ${L(1)}).
`,
    replay: `      خط‌های ${L('C:')} رونوشت را برای سروری زنده می‌فرستد (${L('DATA')} همان‌گونه که نوشته شده؛ ${L('AUTH')}
      فقط با ${L('--user')}، به شکل ${L('AUTH PLAIN')}، هرگز داده‌ی پوشیده‌ی رونوشت؛
      ${L('STARTTLS')} هر جا رونوشت آن را دارد) و هر پاسخ را با خط‌های ${L('S:')} رونوشت
      می‌سنجد: با کد پاسخ (پیش‌فرض)، با دسته (رقم نخست) یا با کد و متن.
      نشست زنده را به شکل رونوشتی چاپ می‌کند که هر تفاوت در آن نشان‌گذاری شده است؛
      تفاوت‌ها به شکل ${L('FILE:LINE')} به ${L('stderr')} هم می‌روند.
      کد خروج ${L(0)} وقتی همه یکسان‌اند، ${L(1)} وقتی یکی فرق دارد، ${L(2)} وقتی اجرا نشد.
`,
    split: `      هر پیام یک ${L('mbox')} را در ${L('DIR/0001.eml')}، ... می‌نویسد (نقل‌قول ${L('mboxrd')} برداشته می‌شود).
`,
    join: `      پیام‌های ${L('.eml')} را در صندوق ${L('mboxrd')} می‌نویسد؛ ${L('join')} پس از ${L('split')} همان بایت‌ها را می‌دهد.
`,
  },
  usageOf: (synopsis) => `کاربرد: ${L(synopsis)}`,
  usageDetails: {
    split: `  هر پیام صندوق را در ${L('DIR/0001.eml')}، ${L('DIR/0002.eml')}، ... می‌نویسد و نقل‌قول ${L('mboxrd')}
  را برمی‌دارد (از آغاز خط‌های ${L('">From "')} یک ${L('">"')} کم می‌شود). هر پرونده با خط جداکننده‌ی
  ${L('"From "')} خودش آغاز می‌شود، پس ${L('join')} همان صندوق را بایت به بایت پس می‌دهد؛
  ${L('--strip-envelope')} آن خط را نمی‌نویسد. پرونده‌های موجود هرگز بازنویسی نمی‌شوند.
`,
    join: `  پیام‌ها (هر ${L('FILE')}، و پرونده‌های ${L('.eml')} هر ${L('DIR')} به ترتیب نام) را در صندوقی
  ${L('mboxrd')} می‌نویسد: خط‌های ${L('"From "')} بدنه‌ها نقل‌قول می‌شوند، و پیامی که خط جداکننده
  ندارد یکی از ${L('Return-Path')} یا ${L('From')} و ${L('Date')} خودش می‌گیرد.
  ${L('FILE.mbox')} را بازنویسی نمی‌کند مگر با ${L('--force')}.
`,
  },
  usageLimits: `  هر فرمان فقط پرونده‌های عادی تا ${L('200 MB')} را می‌خواند (${L('--max-size MB')} آن را
  تغییر می‌دهد) و نویسه‌های کنترلی پرونده‌ها یا سرورها را گریزداده نشان می‌دهد (${L('\\x1b')}).
`,
  seeHelp: `برای راهنما ${L('smtp-eml --help')} را اجرا کنید.`,
  unknownCommand: (command) => `فرمان ناشناخته: ${q(command)}`,
  argumentError: (code, message) => {
    // parseArgs names the option or argument in single quotes: 'Unknown option '--bogus'. …'.
    const named = /'([^']*)'/.exec(message)?.[1];
    if (named === undefined) return f(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `گزینه‌ی ناشناخته: ${q(named)}`;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `مقدار گزینه‌ی ${q(named)} نادرست است یا نیامده است`;
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `آرگومان نابه‌جا: ${q(named)}؛ این فرمان آرگومان جایگاهی نمی‌گیرد`;
    return f(message);
  },
  cannotRead: (file, reason) => `خواندن ${f(file)} ممکن نیست: ${reason}`,
  systemReason: (code, message) => PERSIAN_SYSTEM_REASONS[code] ?? f(message),
  isDirectory: (file) => `${f(file)} یک پوشه است`,
  isFifo: (file) => `${f(file)} یک لوله‌ی نام‌دار (${L('FIFO')}) است، نه پرونده‌ی عادی؛ نخست ورودی را در پرونده‌ای ذخیره کنید`,
  isDevice: (file) => `${f(file)} یک دستگاه است، نه پرونده‌ی عادی؛ نخست ورودی را در پرونده‌ای ذخیره کنید`,
  isSocket: (file) => `${f(file)} یک سوکت است، نه پرونده‌ی عادی؛ نخست ورودی را در پرونده‌ای ذخیره کنید`,
  notRegularFile: (file) => `${f(file)} پرونده‌ی عادی نیست`,
  tooLarge: (file, megabytes) => `${f(file)} از سقف ${L(`${megabytes} MB`)} بزرگ‌تر است (${L('--max-size MB')} آن را بالا می‌برد)`,
  formatInvalid: (value) => `${L('--format')} باید ${L('text')} یا ${L('json')} باشد، نه ${q(value)}`,
  checkNeedsFile: `${L('check')} دست‌کم یک ${L('FILE')} لازم دارد`,
  mailboxSummary: (file, messages, withErrors) => `${f(file)}: ${L(messages)} پیام، ${L(withErrors)} پیام با خطا`,
  maxSizeInvalid: (value) => `${L('--max-size')} باید عددی از ${L(1)} تا ${L(512)} مگابایت باشد، نه ${q(value)}`,
  portInvalid: (option, value, lowest) => `${L(option)} باید شماره‌ی درگاهی از ${L(`${lowest}-65535`)} باشد، نه ${q(value)}`,
  needsOneFile: (command) => `${L(command)} دقیقاً یک ${L('FILE')} لازم دارد`,
  needsHost: (command) => `${L(command)} به ${L('--host')} نیاز دارد`,
  matchInvalid: (value) => `${L('--match')} باید ${L('code')}، ${L('class')} یا ${L('text')} باشد، نه ${q(value)}`,
  messageNumberInvalid: (value) => `${L('--message')} باید عددی از ${L(1)} به بالا باشد، نه ${q(value)}`,
  tokenCommandNeedsUser: `${L('--oauth2-token-command')} به ${L('--user')} نیاز دارد (حسابی که توکن برای آن است)`,
  tokenCommandEmpty: `${L('--oauth2-token-command')} نباید خالی باشد`,
  securityInvalid: (value) => `${L('--security')} باید ${L('starttls')}، ${L('tls')} یا ${L('none')} باشد، نه ${q(value)}`,
  timeoutInvalid: (max, value) => `${L('--timeout')} باید عددی از ${L(1)} تا ${L(max)} میلی‌ثانیه باشد، نه ${q(value)}`,
  passwordPrompt: (user, host, port) => `گذرواژه‌ی ${f(user)} در ${L(`${host}:${port}`)}: `,
  notSent: (reason) => `فرستاده نشد: ${f(reason)}`,
  deliveryUnknown: (reason) => `سرنوشت تحویل نامعلوم است: ${f(reason)}`,
  noPassword: `فرستاده نشد: گذرواژه‌ای نیست (${L('SMTP_PASSWORD')} را تنظیم کنید یا آن را در پرسش بنویسید)`,
  unknownError: 'خطای ناشناخته',
  cannotWriteLog: (file, reason) => `نوشتن گزارش در ${f(file)} ممکن نیست: ${f(reason)}`,
  refused: (address, reply) => `${f(address)} رد شد: ${f(reply)}`,
  sentTo: (accepted, recipients, response) => `برای ${L(accepted)} گیرنده از ${L(recipients)} گیرنده فرستاده شد: ${f(response)}`,
  scriptProblems: (file, problems) => `اسکریپت ${f(file)} ${L(problems)} مشکل دارد؛ صندوق آغاز نشد`,
  inboxListening: (port, dir, script) =>
    `صندوق ${L('smtp-eml')} روی ${L(`127.0.0.1:${port}`)} گوش می‌دهد و پیام‌ها را در ${f(dir)} نگه می‌دارد${script ? `، و همان‌گونه که ${f(script)} می‌گوید پاسخ می‌دهد` : ''} (${L('Ctrl+C')} آن را می‌بندد)`,
  inboxReceived: (file) => `دریافت شد: ${f(file)}`,
  inboxSession: (file) => `نشست: ${f(file)}`,
  inboxStopped: `صندوق ${L('smtp-eml')} بسته شد`,
  needsOut: (command, what) => `${L(command)} به ${L(`--out ${what}`)} نیاز دارد`,
  joinNeedsInput: `${L('join')} دست‌کم یک ${L('DIR')} یا ${L('FILE')} لازم دارد`,
  cannotCreate: (dir, reason) => `ساختن ${f(dir)} ممکن نیست: ${f(reason)}`,
  cannotWrite: (file, reason) => `نوشتن ${f(file)} ممکن نیست: ${f(reason)}`,
  anInput: 'یکی از ورودی‌ها',
  notMailbox: (file) => `${f(file)} صندوق نامه نیست: خط نخست آن خط جداکننده‌ی ${L('"From "')} نیست (RFC 4155)`,
  splitWouldOverwrite: (name) => `${f(name)} از پیش هست؛ ${L('split')} در پوشه‌ای خالی می‌نویسد و چیزی را بازنویسی نمی‌کند`,
  stoppedAfter: (messages, reason) => `پس از ${L(messages)} پیام متوقف شد: ${reason}`,
  wroteMessages: (messages, target) => `${L(messages)} پیام در ${f(target)} نوشته شد`,
  noEmlToJoin: `هیچ پرونده‌ی ${L('.eml')} برای ${L('join')} نیست`,
  outExists: (file) => `${f(file)} از پیش هست (برای جایگزینی ${L('--force')} را بدهید)`,
  joinFailed: (reason) => `${L('join')} ناکام ماند: ${f(reason)}`,
  noMessageN: (file, n) => `${f(file)} پیام شماره‌ی ${L(n)} ندارد`,
  noMessageNInTranscript: (file, n) => `${f(file)} پیام شماره‌ی ${L(n)} ندارد (هیچ ${L('DATA')} با بدنه‌ی ضبط‌شده نیست)`,
  replayPasswordPrompt: (user, host) => `گذرواژه‌ی ${f(user)} در ${L(host)}: `,
  replayNoPassword: `گذرواژه‌ای نیست (${L('SMTP_PASSWORD')} را تنظیم کنید یا آن را در پرسش بنویسید)`,
  replayMismatch: (command, expected, actual) => `${L(command)}: انتظار ${f(expected)} بود، ${f(actual)} آمد`,
  replayCouldNotRun: (reason) => `بازپخش اجرا نشد: ${f(reason)}`,
  replayStopped: (reason) => `بازپخش متوقف شد: ${f(reason)}`,
  replayAllMatch: 'همه‌ی پاسخ‌ها همان‌اند که در رونوشت آمده است',
  htmlClientsEmpty: `${L('--html-clients')} فهرستی از کلاینت‌ها با جداکننده‌ی ویرگول لازم دارد، مثلاً ${L('outlook.windows,gmail.*')}، یا ${L('none')}`,
  htmlClientsUnknown: (unknown, families) =>
    `${L('--html-clients')}: ${unknown.map(q).join('، ')} با هیچ کلاینتی جور نیست؛ نام‌های ${L('family.platform')} با ${L('*')} به کار ببرید (خانواده‌ها: ${L(families)})`,
  dkimKeysUnreadable: (file, reason) => `خواندن پرونده‌ی کلیدهای ${L('DKIM')}، ${f(file)}، ممکن نیست: ${f(reason)}`,
  dkimKeysEmpty: (file) => `پرونده‌ی کلیدهای ${L('DKIM')}، ${f(file)}، هیچ رکورد کلیدی ندارد (انتظار می‌رفت ${L('{"selector._domainkey.domain": "v=DKIM1; k=rsa; p=..."}')})`,
  dkimNeedsKey: `${L('--dkim-selector')} و ${L('--dkim-domain')} به ${L('--dkim-key FILE')} نیاز دارند`,
  dkimNeedsSelector: `${L('--dkim-key')} به ${L('--dkim-selector S')} نیاز دارد`,
  dkimKeyUnreadable: (file, reason) => `خواندن کلید ${L('DKIM')}، ${f(file)}، ممکن نیست: ${f(reason)}`,
  inboxCannotStart: (port, reason) => `آغاز صندوق روی ${L(`127.0.0.1:${port}`)} ممکن نشد: ${f(reason)}`,
};

/** The replay's notes and reasons in Persian (keys as `ENGLISH_REPLAY_TEXTS`). */
export const PERSIAN_REPLAY_TEXTS: ReplayTexts = {
  against: (server) => `بازپخش ${L('smtp-eml')} در برابر ${L(server)}`,
  againstDetails: (server, implicitTls, match) =>
    `بازپخش ${L('smtp-eml')} در برابر ${L(server)} (${implicitTls ? `${L('TLS')} از آغاز اتصال` : `بی ${L('TLS')} تا ${L('STARTTLS')}`}؛ پاسخ‌ها ${match === 'code' ? 'با کد پاسخ' : match === 'class' ? 'با دسته (رقم نخست)' : 'با کد و متن'} سنجیده می‌شوند)`,
  connected: (server) => `به ${L(server)} وصل شد`,
  startTls: (protocol, cipher) => `${L('TLS')}: ${L('STARTTLS')}، ${protocol ? L(protocol) : 'پروتکل نامعلوم'}، مجموعه‌ی رمز ${cipher ? L(cipher) : 'نامعلوم'}`,
  elidedMessage: 'رونوشت فقط سرآیند این پیام را نشان می‌دهد؛ خط‌های سرآیند آن با بدنه‌ای یک‌خطی فرستاده می‌شوند',
  authSkipped: (line) => `${L('AUTH')} (خط ${L(line)} رونوشت) فرستاده نشد: اعتبارنامه‌های رونوشت پوشیده‌اند؛ برای احراز هویت نام کاربری و گذرواژه بدهید`,
  maskedNotSent: (line) => `خط ${L(line)} داده‌ی پوشیده دارد و فرستاده نمی‌شود`,
  differs: (line, expected) => `با رونوشت فرق دارد (خط ${L(line)}): انتظار ${f(expected)} بود`,
  couldNotRun: (reason) => `بازپخش اجرا نشد: ${reason}`,
  stopped: (reason) => `بازپخش متوقف شد: ${reason}`,
  resultNotRun: 'نتیجه: اجرا نشد',
  resultDifferences: (count) => `نتیجه: ${L(count)} تفاوت با رونوشت`,
  resultStoppedEarly: 'نتیجه: زود متوقف شد',
  resultAllMatch: 'نتیجه: همه‌ی پاسخ‌ها همان‌اند که در رونوشت آمده است',
  noCommand: `رونوشت هیچ فرمان ${L('C:')} برای فرستادن ندارد`,
  cannotConnect: (server, reason) => `اتصال به ${L(server)} ممکن نشد: ${reason}`,
  noConnectionWithin: (ms) => `اتصال در ${L(ms)} میلی‌ثانیه برقرار نشد`,
  noReplyWithin: (ms) => `هیچ پاسخی در ${L(ms)} میلی‌ثانیه نیامد`,
  serverClosed: 'سرور اتصال را بست',
  replyTooBig: (limit, unit) => `سرور پاسخی بیش از ${L(limit)} ${unit === 'bytes' ? 'بایت' : 'خط'} فرستاد`,
  systemReason: (code, message) => (code ? PERSIAN_SYSTEM_REASONS[code] : undefined) ?? f(message),
};

/** The Persian bundle of the core. */
export const PERSIAN: CoreBundle = {
  language: 'fa',
  aliases: ['fas', 'per'],
  dir: 'rtl',
  messages: PERSIAN_MESSAGES,
  details: PERSIAN_DETAILS,
  transcriptMessages: PERSIAN_TRANSCRIPT_MESSAGES,
  transcriptLabels: PERSIAN_TRANSCRIPT_LABELS,
  auth: PERSIAN_AUTH_MESSAGES,
  html: PERSIAN_HTML_MESSAGES,
  preview: PERSIAN_PREVIEW_LABELS,
  catalog: PERSIAN_CATALOG,
  codeDocs: PERSIAN_CODE_DOCS,
  severitySetting: (code, source, severity, doc) => `شدت \`${code}\` (${source}؛ پیش‌فرض: ${severity}). ${doc}`,
  sizeUnits: { byteShort: 'بایت', bytes: { other: 'بایت' }, kilobytes: 'کیلوبایت', megabytes: 'مگابایت' },
  digits: toPersianDigits,
  cli: PERSIAN_CLI_TEXTS,
  replay: PERSIAN_REPLAY_TEXTS,
};
