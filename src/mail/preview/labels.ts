/**
 * The preview's own words, in English (other languages in
 * ../locales/<language>.ts). Counts are passed in; the message's text never goes through
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
