/**
 * The quick fix for `eight-bit-without-8bitmime` when the server offered 8BITMIME
 * but MAIL FROM did not declare it (RFC 6152 §3): ` BODY=8BITMIME` is added at
 * the end of the MAIL FROM line, and the re-validated transcript no longer has
 * the problem. When the server did not offer 8BITMIME, declaring it would be
 * wrong, so no such fix is offered. LF and CRLF.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { applyEdits } from './util';

const session = (offered: boolean, eol: string): string =>
  [
    'S: 220 mx.example.org ESMTP',
    'C: EHLO client.example.com',
    ...(offered ? ['S: 250-mx.example.org', 'S: 250 8BITMIME'] : ['S: 250 mx.example.org']),
    'C: MAIL FROM:<a@example.org>',
    'S: 250 2.1.0 Ok',
    'C: RCPT TO:<b@example.org>',
    'S: 250 2.1.5 Ok',
    'C: DATA',
    'S: 354 go ahead',
    'C: From: a@example.org',
    'C: To: b@example.org',
    'C: Subject: café',
    'C: Date: Mon, 1 Jan 2024 00:00:00 +0000',
    'C: Message-ID: <1@example.org>',
    'C:',
    'C: Grüße',
    'C: .',
    'S: 250 2.0.0 queued',
    'C: QUIT',
    'S: 221 bye',
    '',
  ].join(eol);

for (const eol of ['\r\n', '\n']) {
  describe(`declare BODY=8BITMIME (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
    let client: TestClient;
    before(async () => {
      ({ client } = await startTestClient());
    });
    after(async () => {
      await client.dispose();
    });

    test('offered but undeclared: the fix adds BODY=8BITMIME to MAIL FROM and the problem goes', async () => {
      const u = `file:///declare-${eol.length}.smtp`;
      const text = session(true, eol);
      const diagnostics = await client.open(u, 'smtp-transcript', text);
      const eight = diagnostics.filter((d) => d.code === 'eight-bit-without-8bitmime');
      assert.equal(eight.length, 1, JSON.stringify(diagnostics.map((d) => d.code)));
      const fix = (await client.codeActions(u, eight[0]!.range, eight)).find((a) => a.title === 'Declare BODY=8BITMIME in MAIL FROM');
      assert.ok(fix?.edit?.changes, 'the fix is offered');
      const fixed = applyEdits(text, fix!.edit!.changes![u]!);
      assert.ok(fixed.includes(`C: MAIL FROM:<a@example.org> BODY=8BITMIME${eol}`), fixed);
      const after = await client.change(u, [{ text: fixed }]);
      // The protocol problem is gone (the message's own 8-bit checks are another matter).
      assert.deepEqual(after.filter((d) => d.code === 'eight-bit-without-8bitmime'), []);
    });

    test('not offered: no fix that would declare what the server does not support', async () => {
      const u = `file:///not-offered-${eol.length}.smtp`;
      const diagnostics = await client.open(u, 'smtp-transcript', session(false, eol));
      const eight = diagnostics.filter((d) => d.code === 'eight-bit-without-8bitmime');
      assert.equal(eight.length, 1);
      const actions = await client.codeActions(u, eight[0]!.range, eight);
      assert.equal(actions.find((a) => a.title === 'Declare BODY=8BITMIME in MAIL FROM'), undefined);
    });
  });
}
