import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { EOLS, openEml, positionOf } from './util';

const PNG_BYTES = Buffer.alloc(14540, 7); // 14.2 KB of "binary"
const PNG_B64 = PNG_BYTES.toString('base64').match(/.{1,76}/g)!;

const MESSAGE = [
  'From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <j@example.com>',
  'To: b@example.com',
  'Subject: =?ISO-8859-1?B?SGFsbG8gV2VsdA==?=',
  'Date: Fri, 27 Nov 2026 10:00:00 +0100',
  'X-Mailer-Thing: foo',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="sep"',
  '',
  '--sep',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Gr=C3=BC=C3=9Fe aus K=C3=B6ln',
  'second line',
  '--sep',
  'Content-Type: image/png; name="pic.png"',
  'Content-Transfer-Encoding: base64',
  '',
  ...PNG_B64,
  '--sep--',
  '',
];

function value(h: lsp.Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as lsp.MarkupContent).value;
}

describe('eml hover', () => {
  let client: TestClient;
  before(async () => {
    ({ client } = await startTestClient());
  });
  after(async () => client.dispose());

  const cases: Array<{ name: string; at: string; delta?: number; expect: RegExp[]; not?: RegExp[] }> = [
    { name: 'field name: meaning and RFC link', at: 'From:', delta: 1, expect: [/\*\*From\*\*/, /\[RFC 5322 §3\.6\.2\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc5322#section-3\.6\.2\)/, /author/] },
    { name: 'MIME field name', at: 'MIME-Version', delta: 2, expect: [/RFC 2045 §4/, /1\.0/] },
    { name: 'unknown field', at: 'X-Mailer-Thing', delta: 2, expect: [/not a field the RFCs define/] },
    { name: 'encoded word (Q) decoded with charset and encoding', at: '=?UTF-8?Q?J', delta: 4, expect: [/Encoded word/, /`UTF-8`/, /`Q`/, /Jürgen Müller/] },
    { name: 'encoded word (B) in ISO-8859-1', at: '=?ISO-8859-1?B?', delta: 20, expect: [/`ISO-8859-1`/, /`B` \(base64\)/, /Hallo Welt/] },
    { name: 'date: local, UTC and weekday', at: 'Fri, 27 Nov 2026', delta: 6, expect: [/UTC/, /Friday/, /2026-11-27T09:00:00\.000Z/] },
    { name: 'delimiter line: summary of the part that follows', at: '--sep\nContent-Type: text/plain', delta: 2, expect: [/`text\/plain`/, /quoted-printable/, /Grüße aus Köln/, /second line/] },
    { name: 'Content-Type value of a binary part', at: 'image/png;', delta: 3, expect: [/`image\/png`/, /binary, 14\.2 KB/, /pic\.png/] },
    { name: 'Content-Transfer-Encoding of the text part', at: 'quoted-printable', delta: 3, expect: [/Grüße/] },
    { name: 'a base64 body line', at: PNG_B64[3], delta: 10, expect: [/binary, 14\.2 KB/] },
    { name: 'a quoted-printable body line', at: 'Gr=C3=BC', delta: 3, expect: [/Grüße aus Köln/] },
    { name: 'close delimiter: summary of the multipart', at: '--sep--', delta: 3, expect: [/`multipart\/mixed`/, /2 child parts/] },
  ];

  for (const { name, eol } of EOLS) {
    for (const c of cases) {
      test(`${c.name} (${name})`, async () => {
        const text = MESSAGE.join(eol);
        const { uri } = await openEml(client, text);
        const at = c.at.replace(/\n/g, eol);
        const hover = await client.hover(uri, positionOf(text, at, c.delta ?? 0));
        const md = value(hover);
        for (const re of c.expect) assert.match(md, re);
        await client.close(uri);
      });
    }
  }

  test('nothing on plain body text', async () => {
    const text = 'From: a@example.com\n\nJust text\n';
    const { uri } = await openEml(client, text);
    assert.equal(await client.hover(uri, positionOf(text, 'Just', 2)), null);
    await client.close(uri);
  });

  test('an invalid date says so', async () => {
    const text = 'Date: yesterday-ish\n\nx\n';
    const { uri } = await openEml(client, text);
    assert.match(value(await client.hover(uri, positionOf(text, 'yesterday', 2))), /not a valid RFC 5322 date-time/);
    await client.close(uri);
  });
});
