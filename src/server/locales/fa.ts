/**
 * Persian (fa): every text of the server in Persian, as one `ServerBundle`
 * (registered in ../l10n.ts): the core's Persian bundle (../../mail/locales/fa.ts)
 * plus the editor features' words (hover, completion, outline, code lenses,
 * code-action titles), each table typed against its English source so a missing
 * key is a compile error. Header names, codes and examples stay in Latin script
 * inside Unicode isolates (src/mail/bidi.ts).
 */
import { isolate as iso, ltr } from '../../mail/bidi';
import { PERSIAN, PERSIAN_FIELD_DOCS } from '../../mail/locales/fa';
import type { AuthTexts } from '../eml/authTexts';
import type { HtmlTexts } from '../eml/htmlFeatures';
import type { EmlTexts } from '../eml/texts';
import type { FixAllTexts } from '../fixAll';
import type { ServerBundle } from '../l10n';

// ---- `.eml` editor features

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

// ---- Authentication hovers, outline and code lenses

const MEANINGS_FA: Record<string, string> = {
  pass: 'بررسی موفق بود',
  fail: 'بررسی انجام شد و ناموفق بود',
  softfail: 'دامنه‌ی فرستنده می‌گوید این میزبان احتمالاً مجاز به فرستادن نیست (SPF ~all)',
  neutral: 'بررسی انجام شد ولی نتیجه‌ی آری یا نه نداشت (برای DKIM: مثلاً درهم‌سازی بدنه نخواند)',
  none: 'چیزی برای بررسی نبود (بی امضا، بی رکورد SPF، بی سیاست)',
  policy: 'بررسی از نظر فنی گذشت ولی سیاستی محلی نتیجه را نپذیرفت (مثلاً کلید ضعیف)',
  temperror: 'خطایی گذرا (معمولاً DNS) جلوی بررسی را گرفت؛ تلاش بعدی شاید موفق شود',
  permerror: 'خطایی ماندگار (رکورد یا امضای نادرست) جلوی بررسی را گرفت',
  bestguesspass: 'سیاستی منتشر نشده، ولی حدس گذشت',
};

/** The Persian texts. */
export const PERSIAN_AUTH_TEXTS: AuthTexts = {
  lens: { pass: 'DKIM: معتبر', 'body-changed': 'DKIM: بدنه تغییر کرده', 'signature-invalid': 'DKIM: امضا نامعتبر', 'key-unavailable': 'DKIM: کلید ناشناخته', malformed: 'DKIM: نادرست' },
  arcLens: (s, n) => `ARC: ${s === 'pass' ? 'معتبر' : s === 'fail' ? 'زنجیره شکسته' : 'کلید ناشناخته'} (${ltr(n)} مجموعه)`,
  dkimTitle: `امضای DKIM (${ltr('RFC 6376')})`,
  arcSealTitle: (i) => `${ltr('ARC-Seal')}، مجموعه‌ی ${ltr(`i=${i}`)} (${ltr('RFC 8617')})`,
  arcSignatureTitle: (i) => `${ltr('ARC-Message-Signature')}، مجموعه‌ی ${ltr(`i=${i}`)} (${ltr('RFC 8617')})`,
  resultsTitle: `نتیجه‌های احراز هویت (${ltr('RFC 8601')})`,
  result: 'نتیجه',
  statusText: {
    pass: 'معتبر: بدنه و فیلدهای امضاشده همان‌اند که امضا شدند و کلید امضا را تأیید می‌کند',
    'body-changed': 'بدنه پس از امضا تغییر کرده است',
    'signature-invalid': 'امضا نامعتبر است',
    'key-unavailable': 'کلید ناشناخته: فقط درهم‌سازی بدنه بررسی شد و می‌خواند',
    malformed: 'نادرست: امضا بررسی‌شدنی نیست',
  },
  tag: {
    a: 'الگوریتم', d: 'دامنه‌ی امضاکننده', s: 'گزینشگر', c: 'یکسان‌سازی (سرآیند/بدنه)', h: 'فیلدهای امضاشده', i: 'شناسه / نمونه',
    l: 'طول امضاشده‌ی بدنه', t: 'زمان امضا', x: 'انقضا', bh: 'درهم‌سازی بدنه', cv: 'اعتبار زنجیره', q: 'روش جست‌وجوی کلید', v: 'نسخه',
  },
  signedAt: 'زمان امضا',
  expiresAt: 'انقضا',
  expired: 'منقضی',
  inFuture: 'در آینده',
  wholeBody: 'همه‌ی بدنه',
  bodyLength: (n) => `${ltr(n)} اکتت نخست (${ltr('l=')}): متنی که پس از آن بیاید پوشش داده نمی‌شود`,
  bodyHashNow: 'درهم‌سازی کنونی بدنه',
  keyRecord: 'کلید',
  keyInfo: (type, bits, testing) => `${ltr(type)}${bits ? `، ${ltr(bits)} بیت` : ''}${testing ? `، حالت آزمایشی (${ltr('t=y')})` : ''}`,
  chain: (s, n) => `زنجیره‌ی ${ltr(n)} مجموعه: ${s === 'pass' ? 'معتبر' : s === 'fail' ? 'شکسته' : 'ساختار درست؛ کلیدی ناشناخته بود، پس همه‌ی امضاها بررسی نشدند'}`,
  cv: {
    none: `${ltr('none')}: نخستین مجموعه؛ پیش از آن زنجیره‌ای نبود`,
    pass: `${ltr('pass')}: زنجیره‌ی پیش از این مجموعه هنگام افزودنش تأیید شد`,
    fail: `${ltr('fail')}: زنجیره هنگام افزودن این مجموعه شکسته بود`,
  },
  notChecked: `بررسی نشد (فقط تازه‌ترین ${ltr('ARC-Message-Signature')} بررسی می‌شود)`,
  outlineAuth: 'احراز هویت',
  outlineArc: 'زنجیره‌ی ARC',
  outlineSet: (i) => `مجموعه‌ی ARC ${ltr(`i=${i}`)}`,
  authServ: 'بررسی‌کننده',
  meaning: (method, result) => {
    const r = result.toLowerCase();
    if (method === 'dkim' && r === 'pass') return 'یک امضای DKIM تأیید شد';
    if (method === 'spf' && r === 'pass') return 'رکورد SPF دامنه‌ی فرستنده‌ی پاکت این میزبان را مجاز می‌داند';
    if (method === 'dmarc' && r === 'pass') return `یک ${ltr('pass')} هم‌راستای SPF یا DKIM سیاست DMARC دامنه‌ی ${ltr('From')} را برآورد`;
    if (method === 'arc' && r === 'pass') return 'زنجیره‌ی ARC تأیید شد';
    return MEANINGS_FA[r] ?? `نتیجه‌ای که این افزونه نمی‌شناسد (${iso(result)})`;
  },
};

// ---- HTML support hovers and fixes

/** The Persian texts. */
export const PERSIAN_HTML_TEXTS: HtmlTexts = {
  client: 'کلاینت',
  support: 'پشتیبانی',
  notes: 'یادداشت‌ها',
  status: (s) => ({ y: '✅ پشتیبانی می‌شود', n: '❌ پشتیبانی نمی‌شود', a: '⚠️ ناقص', u: '❔ نامعلوم' })[s] ?? s,
  seeFeature: 'caniemail.com',
  testedOn: (date) => `داده‌ی کلاینت‌ها از ${ltr(date)}.`,
  fixAddAlt: `افزودن ${ltr('alt=""')} به تصویر`,
  fixWrapAlternative: `پیچیدن در ${ltr('multipart/alternative')} با یک بخش ${ltr('text/plain')} ساخته از HTML`,
  decodePart: 'رمزگشایی بخش (نمایش HTML رمزگشایی‌شده)',
};

// ---- "Fix all" action titles

/** The Persian titles. */
export const PERSIAN_FIX_ALL_TEXTS: FixAllTexts = {
  fixAllOfCode: (code, count) => `رفع همه‌ی ${count} مشکل ⁦${code}⁩`,
  fixAll: 'رفع همه‌ی مشکل‌هایی که خودکار رفع می‌شوند',
};

/** The Persian bundle of the server. */
export const PERSIAN_SERVER: ServerBundle = {
  ...PERSIAN,
  eml: PERSIAN_EML_TEXTS,
  authFeatures: PERSIAN_AUTH_TEXTS,
  htmlFeatures: PERSIAN_HTML_TEXTS,
  fixAll: PERSIAN_FIX_ALL_TEXTS,
};
