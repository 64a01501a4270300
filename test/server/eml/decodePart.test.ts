import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { DECODE_PART_REQUEST, type DecodedPart } from '../../../src/protocol';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { EOLS, openEml, positionOf } from './util';

const CORPUS = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'eml');

const BINARY = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff));

const MESSAGE = [
  'From: a@example.com',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="sep"',
  '',
  '--sep',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Gr=C3=BC=C3=9Fe, soft =',
  'break',
  '--sep',
  'Content-Type: text/html; charset=iso-8859-1',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('<p>K\xf6ln</p>', 'latin1').toString('base64'),
  '--sep',
  'Content-Type: application/octet-stream; name="blob.bin"',
  'Content-Transfer-Encoding: base64',
  '',
  ...BINARY.toString('base64').match(/.{1,76}/g)!,
  '--sep',
  'Content-Type: message/rfc822',
  '',
  'From: inner@example.com',
  '',
  'inner body',
  '--sep--',
  '',
];

describe('smtpEml/decodePart', () => {
  let client: TestClient;
  before(async () => {
    ({ client } = await startTestClient());
  });
  after(async () => client.dispose());

  const decode = (uri: string, text: string, at: string, delta = 0): Promise<DecodedPart | null> =>
    client.request<DecodedPart | null>(DECODE_PART_REQUEST, { uri, position: positionOf(text, at, delta) });

  for (const { name, eol } of EOLS) {
    test(`text, html (charset), binary and embedded parts (${name})`, async () => {
      const text = MESSAGE.join(eol);
      const { uri } = await openEml(client, text);
      const plain = await decode(uri, text, 'Gr=C3', 2);
      assert.deepEqual(plain && { ...plain }, {
        contentType: 'text/plain',
        path: '1',
        encoding: 'quoted-printable',
        charset: 'utf-8',
        size: Buffer.byteLength(`Grüße, soft break`),
        text: 'Grüße, soft break',
      });
      const html = await decode(uri, text, 'Content-Type: text/html', 3);
      assert.equal(html?.contentType, 'text/html');
      assert.equal(html?.text, '<p>Köln</p>');
      assert.equal(html?.base64, undefined);
      assert.equal(html?.path, '2');
      // On the delimiter line: the part it opens.
      const blob = await decode(uri, text, `--sep${eol}Content-Type: application/octet-stream`, 2);
      assert.equal(blob?.filename, 'blob.bin');
      assert.equal(blob?.path, '3');
      assert.equal(blob?.text, undefined);
      assert.equal(blob?.size, BINARY.length);
      assert.deepEqual(Buffer.from(blob!.base64!, 'base64'), BINARY);
      const embedded = await decode(uri, text, 'inner body', 1);
      assert.equal(embedded?.contentType, 'text/plain', 'inside the attached message: its body');
      assert.equal(embedded?.text, 'inner body');
      assert.equal(embedded?.path, '4.1', 'the body of a single-part attached message has a number of its own (IMAP 4.1)');
      const innerHeader = await decode(uri, text, 'From: inner', 1);
      assert.equal(innerHeader?.contentType, 'message/rfc822', "on the attached message's header: the whole attached message");
      assert.equal(innerHeader?.path, '4');
      const wrapper = await decode(uri, text, 'Content-Type: message/rfc822', 1);
      assert.equal(wrapper?.contentType, 'message/rfc822');
      assert.equal(wrapper?.path, '4');
      assert.match(wrapper?.text ?? '', /^From: inner@example\.com\r?\n\r?\ninner body$/);
      await client.close(uri);
    });
  }

  test('null for a multipart, an unknown document, and bad parameters', async () => {
    const text = MESSAGE.join('\n');
    const { uri } = await openEml(client, text);
    assert.equal(await decode(uri, text, 'multipart/mixed', 2), null);
    assert.equal(await client.request('smtpEml/decodePart', { uri: 'file:///not-open.eml', position: { line: 0, character: 0 } }), null);
    assert.equal(await client.request('smtpEml/decodePart', { uri }), null);
    assert.equal(await client.request('smtpEml/decodePart', 42), null);
    await client.close(uri);
  });

  test('attachments of a real message decode to the same bytes as mailparser', async () => {
    const raw = readFileSync(join(CORPUS, 'mailparser', 'nodemailer.eml'));
    const text = raw.toString('utf8');
    const reference = await simpleParser(raw);
    const { uri } = await openEml(client, text);
    for (const [needle, filename] of [
      ['Content-Type: image/png', 'image.png'],
      ['Content-Type: image/gif', 'nyan cat ✔.gif'],
      ['Content-Type: text/plain; name=notes.txt', 'notes.txt'],
    ]) {
      const ours = await decode(uri, text, needle, 2);
      assert.ok(ours, needle);
      assert.equal(ours.filename, filename);
      const theirs = reference.attachments.find((a) => a.filename === filename);
      assert.ok(theirs, `mailparser finds ${filename}`);
      const bytes = ours.base64 !== undefined ? Buffer.from(ours.base64, 'base64') : Buffer.from(ours.text!, 'utf8');
      assert.deepEqual(bytes, theirs.content, filename);
    }
    await client.close(uri);
  });
});
