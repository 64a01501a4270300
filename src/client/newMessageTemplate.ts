/**
 * The header of a new message as a snippet (VS Code snippet syntax), free of
 * `vscode` so node:test can check it. Every field a sender needs is filled in
 * so the message is valid as it stands (RFC 5322 §3.6: Date and From required,
 * Message-ID recommended; RFC 2045 §4 MIME-Version); the placeholders hold valid
 * example values and the first one is the recipient.
 */
import { formatRfc5322Date } from '../mail/message/dates';
import { freshMessageId } from '../server/eml/generate';

/** Escapes text for a snippet (`$`, `}` and `\` are syntax there). */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** The domain of an address, when it has a usable one. */
function domainOf(address: string | undefined): string | undefined {
  const at = address?.lastIndexOf('@') ?? -1;
  return address && at > 0 ? address.slice(at + 1).replace(/[>\s].*$/, '') || undefined : undefined;
}

/**
 * The snippet of a new message: From is `from` (the selected server's address)
 * when known, else a placeholder; the cursor starts on To, then Subject, then the body.
 */
export function newMessageSnippet(options: { from?: string; now?: Date; eol?: string } = {}): string {
  const eol = options.eol ?? '\n';
  const from = options.from?.trim();
  const lines = [
    from ? `From: ${escapeSnippet(from)}` : 'From: ${3:you@example.org}',
    'To: ${1:recipient@example.org}',
    'Subject: ${2:Subject}',
    `Date: ${formatRfc5322Date(options.now ?? new Date())}`,
    `Message-ID: ${escapeSnippet(freshMessageId(domainOf(from) ?? 'example.org'))}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    '$0',
    '',
  ];
  return lines.join(eol);
}
