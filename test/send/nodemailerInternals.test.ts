/**
 * The send engine uses two private members of nodemailer's SMTPConnection
 * (src/send/nodemailerInternals.ts explains why). A nodemailer update that
 * drops either must fail here, by name, not silently lose the reply limit or
 * the TLS notes of the session log.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { checkInternals, currentSocket, filterIncoming } from '../../src/send/nodemailerInternals';

test('the installed nodemailer still has the private members the engine relies on', () => {
  const conn = new SMTPConnection({ host: '127.0.0.1', port: 1 });
  assert.doesNotThrow(() => checkInternals(conn));
  assert.equal(currentSocket(conn), undefined, 'no socket before connect');
});

test('checkInternals fails loudly when a member is gone', () => {
  const conn = new SMTPConnection({ host: '127.0.0.1', port: 1 });
  const withoutOnData = Object.create(conn, { _onData: { value: undefined } }) as SMTPConnection;
  assert.throws(() => checkInternals(withoutOnData), /_onData/);
  const bare = Object.assign(Object.create(Object.getPrototypeOf(conn)), { _onData: () => undefined }) as SMTPConnection;
  assert.throws(() => checkInternals(bare), /_socket/);
});

test('filterIncoming passes a chunk to the reply parser only when accepted', () => {
  const conn = new SMTPConnection({ host: '127.0.0.1', port: 1 });
  const seen: string[] = [];
  (conn as unknown as { _onData(c: Buffer): void })._onData = (c: Buffer) => void seen.push(c.toString());
  filterIncoming(conn, (chunk) => !chunk.includes('drop'));
  const onData = (conn as unknown as { _onData(c: Buffer): void })._onData;
  onData(Buffer.from('250 ok'));
  onData(Buffer.from('drop me'));
  assert.deepEqual(seen, ['250 ok']);
});
