/**
 * What the send hardening tests share: fixed credentials that must never leak,
 * the message they send, and the leak check ("Secrets").
 */
import { strict as assert } from 'node:assert';

export const USER = 'fuzz.user-Q7x';
export const PASSWORD = 'S3cr3t-Pa55-zK81!';

export const MESSAGE = [
  'From: Alice <alice@example.test>',
  'To: bob@example.test, carol@example.test',
  'Subject: fault injection',
  'Date: Fri, 27 Nov 2026 10:00:00 +0000',
  'Message-ID: <fault-1@example.test>',
  '',
  'Hello,',
  '.a line that starts with a dot',
  '..two dots',
  '.',
  'end',
  '',
].join('\r\n');

/** Every form in which a credential could leak: as is, base64 alone, and the AUTH PLAIN blob. */
export function secretForms(user = USER, password = PASSWORD): string[] {
  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
  return [user, password, b64(user), b64(password), b64(`\0${user}\0${password}`), b64(`${user}\0${user}\0${password}`)];
}

/** Asserts that no credential appears in `text` (what the user or a file could see). */
export function assertNoSecrets(where: string, text: string): void {
  for (const secret of secretForms()) {
    assert.ok(!text.includes(secret), `${where} contains a credential (${secret.slice(0, 3)}…)`);
  }
}

