/**
 * Persian (fa) texts of the transcript validator and of the transcript editor
 * features: the same keys as ./messages.ts (typed against it, so a missing key
 * is a compile error). Commands, codes, addresses and keywords stay in Latin
 * script inside Unicode isolates (../bidi.ts); RFC references stay intact.
 */
import { isolate as iso, ltr } from '../bidi';
import { DIALECT_NAMES } from './lines';
import { renderDetail, type Detail } from '../message/messages';
import { PERSIAN_DETAILS } from '../message/messages.fa';
import type { TranscriptLabelTable, TranscriptMessageTable } from './messages';

/** Renders a detail key (what an argument should be, why a path is bad) in Persian. */
const d = (detail: Detail): string => renderDetail(PERSIAN_DETAILS, detail);

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
