/**
 * Names of saved session logs, free of `vscode` so node:test can check them:
 * `2026-12-03T08-15-02-123Z-sent-ui-test-server.smtp` sorts by time as text,
 * and says the outcome and the server without opening the file.
 */

/** A file name this extension gave a session log. */
export const SESSION_LOG_PATTERN = /^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-(sent|failed|cancelled)-([a-z0-9-]*?)(?:-(\d+))?\.smtp$/;

/** The server name as a file-name slug: lower-case letters, digits and single dashes. */
function slug(server: string): string {
  return (
    server
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'server'
  );
}

/** The file name of a log (`n` > 1 when a log of the same millisecond exists). */
export function sessionLogFileName(when: Date, status: 'sent' | 'failed' | 'cancelled', server: string, n?: number): string {
  const stamp = when.toISOString().replace(/:/g, '-').replace('.', '-');
  return `${stamp}-${status}-${slug(server)}${n && n > 1 ? `-${n}` : ''}.smtp`;
}

/** What a log's file name says, or undefined when this extension did not name it. */
export function describeSessionLog(name: string): { when: Date; status: 'sent' | 'failed' | 'cancelled'; server: string } | undefined {
  const m = SESSION_LOG_PATTERN.exec(name);
  if (!m) return undefined;
  const [, stamp, status, server] = m as unknown as [string, string, 'sent' | 'failed' | 'cancelled', string];
  const iso = stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
  return { when: new Date(iso), status, server };
}

/** The Subject the client sent inside DATA (first one), unfolded; undefined when there is none. */
export function subjectOfTranscript(text: string): string | undefined {
  const m = /^C: ?Subject:[ \t]*(.*)$/im.exec(text);
  if (!m) return undefined;
  const subject = m[1]!.replace(/\r$/, '').trim();
  return subject || undefined;
}
