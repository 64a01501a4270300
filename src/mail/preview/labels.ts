/**
 * The preview's own words, in English and Persian (the product's two
 * languages). Counts are passed in; the message's text never goes through
 * these tables.
 */
import { plural } from '../plural';
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
  inlineImage: string;
  documentTitle(subject: string): string;
}

export const ENGLISH_PREVIEW_LABELS: PreviewLabels = {
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
  remoteBlocked: (n) => plural('en', n, { one: `${n} remote image or style was blocked to protect your privacy.`, other: `${n} remote images or styles were blocked to protect your privacy.` }),
  trackersBlocked: (n) => plural('en', n, { one: `${n} tracking pixel blocked.`, other: `${n} tracking pixels blocked.` }),
  loadRemote: 'Load remote content',
  blockRemote: 'Block remote content',
  remoteAllowed: 'Remote content is shown for this message.',
  problems: (e, w) => `This message has ${e} ${plural('en', e, { one: 'error', other: 'errors' })} and ${w} ${plural('en', w, { one: 'warning', other: 'warnings' })}; it is shown as far as it parses.`,
  showProblems: 'Show Problems',
  inlineImage: 'Inline image',
  documentTitle: (s) => `Preview: ${s}`,
};

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
