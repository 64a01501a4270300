/**
 * Persian (fa) texts of the `.eml` editor features (hover, completion,
 * outline, code-action titles), typed against `EmlTexts` so a missing key is a
 * compile error. Header names, codes and examples stay in Latin script inside
 * Unicode isolates (src/mail/bidi.ts).
 */
import { isolate as iso, ltr } from '../../mail/bidi';
import { PERSIAN_FIELD_DOCS } from '../../mail/message/fieldCatalog.fa';
import type { EmlTexts } from './texts';

const CATEGORY: Readonly<Record<string, string>> = {
  trace: 'ردیابی',
  list: 'فهرست پستی',
  other: 'دیگر',
};

/** The Persian table. */
export const PERSIAN_EML_TEXTS: EmlTexts = {
  fieldDocs: PERSIAN_FIELD_DOCS,
  unknownField: (name) => `${ltr(name)} فیلدی نیست که RFCها تعریف کرده باشند (یک فیلد افزونه یا خصوصی).`,
  onceOnly: 'حداکثر یک بار می‌تواند بیاید.',
  mayRepeat: 'می‌تواند بیش از یک بار بیاید.',
  oncePerResentBlock: `در هر بلوک ${ltr('Resent')} حداکثر یک بار می‌تواند بیاید؛ یک پیام می‌تواند چند بلوک داشته باشد.`,
  category: (c) => `خانواده: ${CATEGORY[c] ?? ltr(c)}`,
  encodedWordTitle: 'واژه‌ی رمزشده (RFC 2047)',
  encodedWordCharset: 'مجموعه‌نویسه',
  encodedWordEncoding: 'رمزگذاری',
  encodedWordDecoded: 'رمزگشایی‌شده',
  encodedWordInvalid: 'این واژه‌ی رمزشده نادرست است و رمزگشایی نمی‌شود.',
  dateTitle: 'تاریخ',
  dateLocal: 'زمان محلی',
  dateUtc: 'UTC',
  dateWeekday: 'روز هفته',
  dateInvalid: 'این یک تاریخ-زمان معتبر RFC 5322 نیست.',
  partTitle: (type) => `بخش MIME ${ltr(type)}`,
  partSize: 'اندازه (رمزگشایی‌شده)',
  partEncoding: 'رمزگذاری انتقال',
  partCharset: 'مجموعه‌نویسه',
  partFilename: 'نام فایل',
  partChildren: (n) => `${ltr(n)} زیربخش`,
  partBinary: (size) => `دودویی، ${ltr(size)}`,
  partPreview: 'نخستین خط‌ها',
  outlineHeaders: 'سرآیندها',
  outlinePartsLeftOut: (n) => `(${ltr(n)} بخش دیگر فهرست نشد)`,
  outlineMessage: (n) => `پیام ${ltr(n)}`,
  completionFreshDate: 'تاریخ و زمان کنونی (RFC 5322 §3.3)',
  completionFreshMessageId: `یک شناسه‌ی یکتای تازه در دامنه‌ی ${ltr('From')}`,
  completionBoundary: 'یک مرز تصادفی تازه',
  completionMimeVersion: 'تنها نسخه‌ی MIME',
  fixAddDate: `افزودن سرآیند ${ltr('Date')} (اکنون)`,
  fixAddMessageId: `افزودن سرآیند ${ltr('Message-ID')}`,
  fixAddMimeVersion: `افزودن ${ltr('MIME-Version: 1.0')}`,
  fixEncodeWord: 'رمزگذاری سرآیند به شکل واژه‌های رمزشده‌ی RFC 2047',
  fixToQuotedPrintable: `تبدیل این بخش به ${ltr('quoted-printable')}`,
  fixAppendCloseDelimiter: (b) => `افزودن جداکننده‌ی پایانی ${ltr(`--${b}--`)}`,
  fixReplaceWith: (r) => `جایگزینی با ${iso(r)}`,
  fixAddPadding: (p) => `افزودن لایه‌ی ${ltr('base64')} ${ltr(p)}`,
  fixSetMimeVersion: `تنظیم ${ltr('MIME-Version')} روی ${ltr('1.0')}`,
  fixRemoveSpaceBeforeColon: 'حذف فاصله‌ی پیش از دونقطه',
  fixRemoveDuplicate: (name) => `حذف این فیلد ${ltr(name)} (نخستین می‌ماند)`,
  fixEscapeEquals: `نوشتن ${ltr('=3D')} به جای «=» تنها`,
  fixWrapMessageId: `گذاشتن شناسه‌ی پیام میان ${ltr('<>')}`,
  encodingName: (l) => (l === 'B' ? 'base64' : l === 'Q' ? 'quoted-printable' : 'ناشناخته'),
  emptyFieldName: '(نام خالی)',
};
