/**
 * The preview's own words, in English and Persian (the product's two
 * languages). Counts are passed in; the message's text never goes through
 * these tables.
 */
import type { Language } from '../i18n';
import type { PreviewFieldName } from './model';

/** Every label the preview shows. */
export interface PreviewLabels {
  fields: Record<PreviewFieldName, string>;
  attachments: string;
  attachedMessage: string;
  open: string;
  saveAs: string;
  alternatives: string;
  html: string;
  text: string;
  noBody: string;
  noSubject: string;
  remoteBlocked(n: number): string;
  trackersBlocked(n: number): string;
  loadRemote: string;
  blockRemote: string;
  remoteAllowed: string;
  problems(errors: number, warnings: number): string;
  showProblems: string;
  size(bytes: number): string;
  inlineImage: string;
  documentTitle(subject: string): string;
}

const units = (bytes: number, b: string, kb: string, mb: string): string =>
  bytes < 1024 ? `${bytes} ${b}` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} ${kb}` : `${(bytes / 1024 / 1024).toFixed(1)} ${mb}`;

const ENGLISH: PreviewLabels = {
  fields: { from: 'From', to: 'To', cc: 'Cc', 'reply-to': 'Reply-To', subject: 'Subject', date: 'Date' },
  attachments: 'Attachments',
  attachedMessage: 'Attached message',
  open: 'Open',
  saveAs: 'Save As…',
  alternatives: 'Show as',
  html: 'HTML',
  text: 'Plain text',
  noBody: 'This message has no text to show.',
  noSubject: '(no subject)',
  remoteBlocked: (n) => (n === 1 ? '1 remote image or style was blocked to protect your privacy.' : `${n} remote images or styles were blocked to protect your privacy.`),
  trackersBlocked: (n) => (n === 1 ? '1 tracking pixel blocked.' : `${n} tracking pixels blocked.`),
  loadRemote: 'Load remote content',
  blockRemote: 'Block remote content',
  remoteAllowed: 'Remote content is shown for this message.',
  problems: (e, w) => `This message has ${e} ${e === 1 ? 'error' : 'errors'} and ${w} ${w === 1 ? 'warning' : 'warnings'}; it is shown as far as it parses.`,
  showProblems: 'Show Problems',
  size: (b) => units(b, 'bytes', 'KB', 'MB'),
  inlineImage: 'Inline image',
  documentTitle: (s) => `Preview: ${s}`,
};

const toPersianDigits = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x6f0 + Number(d))).replace(/\./g, '٫');

const PERSIAN: PreviewLabels = {
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
  size: (b) => toPersianDigits(units(b, 'بایت', 'کیلوبایت', 'مگابایت')),
  inlineImage: 'تصویر درون‌خطی',
  documentTitle: (s) => `پیش‌نمایش: ${s}`,
};

/** The labels of a language. */
export function previewLabels(language: Language): PreviewLabels {
  return language === 'fa' ? PERSIAN : ENGLISH;
}
