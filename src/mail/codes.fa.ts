/**
 * Persian (fa) one-line docs of the diagnostic codes of ./codes.ts, keyed by
 * code (typed `Record<ProblemCode, string>`: a code without a Persian doc is a
 * compile error). `scripts/sync-settings.mjs` writes them into
 * package.nls.fa.json for the `smtpEml.diagnostics.<code>` settings. The codes
 * themselves never change with the language.
 */
import { ltr } from './bidi';
import type { ProblemCode } from './codes';

const L = ltr;

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
  'boundary-missing': `نوع multipart بی پارامتر ${L('boundary')}.`,
  'boundary-invalid': `مرزی بلندتر از ${L(70)} نویسه یا با نویسه‌هایی بیرون از ${L('bchars')}.`,
  'boundary-not-found': 'بدنه‌ی multipart هیچ خط جداکننده‌ای برای مرزش ندارد.',
  'closing-boundary-missing': `بدنه‌ی multipart جداکننده‌ی پایانی ${L('--boundary--')} ندارد.`,
  'cte-unknown': `${L('Content-Transfer-Encoding')} یکی از ${L('7bit, 8bit, binary, quoted-printable, base64')} یا یک توکن ${L('x-')} نیست.`,
  'cte-composite': `یک موجودیت multipart یا message با رمزگذاری‌ای به جز ${L('7bit')}، ${L('8bit')} یا ${L('binary')}.`,
  'eight-bit-data': `اکتت‌های بالاتر از ${L(127)} در موجودیتی که ${L('7bit')} اعلام شده (یا پیش‌فرضش همین است).`,
  'base64-invalid': 'نویسه‌ای بیرون از الفبای base64، لایه‌گذاری نادرست، یا داده پس از لایه.',
  'base64-line-length': `خط base64 بلندتر از ${L(76)} نویسه.`,
  'qp-invalid': `یک ${L('=')} که پس از آن دو رقم هگزادسیمال یا شکست نرم خط نیامده است.`,
  'qp-line-length': `خط quoted-printable بلندتر از ${L(76)} نویسه.`,
  'too-large': 'سند از حد تنظیم‌شده بزرگ‌تر است؛ فقط بخشی از آن بررسی شد.',
  'nesting-too-deep': 'بخش‌های MIME از حد تنظیم‌شده ژرف‌تر تودرتو هستند؛ بخش‌های ژرف‌تر بررسی نشدند.',
  'html-client-unsupported': `عنصر یا ویژگی HTML، یا خصیصه یا مقدار CSS، که یکی از کلاینت‌های ایمیل هدف از آن پشتیبانی نمی‌کند.`,
  'html-client-partial': 'ویژگی HTML یا CSS که یکی از کلاینت‌های ایمیل هدف فقط تا اندازه‌ای از آن پشتیبانی می‌کند.',
  'html-cid-not-found': `نشانی ${L('cid:')} که به هیچ ${L('Content-ID')} از بخش‌های پیام اشاره نمی‌کند (تصویر درون‌خطی شکسته).`,
  'html-script': `یک ${L('<script>')}، رویدادگردان ${L('on*=')} یا نشانی ${L('javascript:')}: همه‌ی کلاینت‌های ایمیل آن‌ها را حذف می‌کنند.`,
  'html-no-text-alternative': `تنها بدنه‌ی خواندنی ${L('text/html')} است و جایگزین ${L('text/plain')} ندارد.`,
  'html-image-alt-missing': `یک ${L('<img>')} بی ویژگی ${L('alt')}.`,
  'message-clipped': `بخش HTML رمزگشایی‌شده از ${L('102 KB')} بزرگ‌تر است: Gmail آن را پشت «${L('View entire message')}» کوتاه می‌کند.`,
  'line-prefix': `خطی که نه خالی است، نه یادداشت ${L('#')} و نه ${L('C:/S:')}.`,
  'unknown-command': 'فرمان کلاینتی که فرمان SMTP یا ESMTP نیست.',
  'command-syntax': 'آرگومان‌های یک فرمان نادرست‌اند.',
  'command-too-long': `خط فرمان بلندتر از ${L(512)} اکتت با ${L('CRLF')}.`,
  'text-line-too-long': `خط ${L('DATA')} بلندتر از ${L(1000)} اکتت با ${L('CRLF')}.`,
  'out-of-sequence': 'فرمانی در جایی که RFC 5321 §4.1.4 اجازه نمی‌دهد.',
  'missing-greeting': `نخستین خط سرور خوشامد ${L(220)} نیست.`,
  'reply-code-invalid': 'خط سرور بی کد پاسخ سه‌رقمی معتبر.',
  'reply-unexpected': 'کد پاسخی که برای آن فرمان فهرست نشده است.',
  'multiline-reply': `خط‌های ادامه با کدهای متفاوت، یا پاسخی که هرگز با ${L('code SP text')} تمام نمی‌شود.`,
  'reply-without-command': 'پاسخی از سرور که هیچ فرمانی منتظرش نیست.',
  'missing-reply': 'فرمانی که هرگز پاسخ نمی‌گیرد.',
  'data-not-terminated': `محتوای ${L('DATA')} که هرگز به خط تنهای ${L('.')} نمی‌رسد.`,
  'enhanced-status-syntax': `پس از ${L('ENHANCEDSTATUSCODES')}، متن پاسخی که با ${L('class.subject.detail')} شروع نمی‌شود.`,
  'credentials-exposed': `داده‌ی ${L('AUTH PLAIN/LOGIN')} که در رونوشت خواناست.`,
  'missing-quit': 'رونوشت با نشستی باز تمام می‌شود.',
};
