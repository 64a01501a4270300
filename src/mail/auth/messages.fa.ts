/**
 * Persian (fa) texts of the authentication diagnostics: the same keys as
 * ./messages.ts (a missing key is a compile error). Tags, field names and
 * setting names stay Latin, in left-to-right isolates (../bidi.ts).
 */
import { isolate, ltr } from '../bidi';
import type { AuthMessageTable } from './messages';

const q = (s: string | number): string => `«${isolate(s)}»`;

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
