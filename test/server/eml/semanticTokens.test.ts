import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { decodeTokens, EOLS, openEml, type DecodedToken } from './util';

const MESSAGE = [
  'From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.com>',
  'To: good@example.com, broken@@example..com',
  'Subject: =?ISO-8859-1?B?SGFsbG8gV2VsdA==?= and',
  ' =?UTF-8?Q?more?=',
  'X-Custom-Thing: whatever',
  'Date: Fri, 27 Nov 2026 10:00:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Body =?UTF-8?Q?not_a_header?=',
  '',
];

describe('eml semantic tokens', () => {
  let client: TestClient;
  before(async () => {
    ({ client } = await startTestClient());
  });
  after(async () => client.dispose());

  const cases: Array<{ text: string; type: string; modifiers: string[] }> = [
    { text: 'From', type: 'property', modifiers: ['defaultLibrary'] },
    { text: 'Subject', type: 'property', modifiers: ['defaultLibrary'] },
    { text: 'MIME-Version', type: 'property', modifiers: ['defaultLibrary'] },
    { text: 'Content-Transfer-Encoding', type: 'property', modifiers: ['defaultLibrary'] },
    { text: 'X-Custom-Thing', type: 'property', modifiers: [] },
    { text: '=?UTF-8?Q?J=C3=BCrgen?=', type: 'macro', modifiers: [] },
    { text: '=?ISO-8859-1?B?SGFsbG8gV2VsdA==?=', type: 'macro', modifiers: [] },
    { text: '=?UTF-8?Q?more?=', type: 'macro', modifiers: [] },
    { text: 'Fri, 27 Nov 2026 10:00:00 +0100', type: 'number', modifiers: [] },
    { text: 'text/plain', type: 'type', modifiers: [] },
    { text: 'quoted-printable', type: 'enumMember', modifiers: [] },
  ];

  for (const { name, eol } of EOLS) {
    test(`tokens of header names, encoded words, dates, types (${name})`, async () => {
      const text = MESSAGE.join(eol);
      const { uri } = await openEml(client, text);
      const tokens = decodeTokens(text, await client.semanticTokens(uri));
      const find = (t: string): DecodedToken | undefined => tokens.find((k) => k.text === t);
      for (const c of cases) {
        const token = find(c.text);
        assert.ok(token, `token for ${c.text}`);
        assert.equal(token.type, c.type, c.text);
        assert.deepEqual(token.modifiers, c.modifiers, c.text);
      }
      // Nothing in the body is a token: an encoded word there is plain text.
      const bodyLine = MESSAGE.indexOf('Body =?UTF-8?Q?not_a_header?=');
      assert.deepEqual(tokens.filter((t) => t.line === bodyLine), []);
      await client.close(uri);
    });
  }

  test('addresses are variables; one that fails to parse is variable + deprecated', async () => {
    const text = MESSAGE.join('\r\n');
    const { uri } = await openEml(client, text);
    const tokens = decodeTokens(text, await client.semanticTokens(uri));
    const deprecated = tokens.filter((t) => t.type === 'variable' && t.modifiers.includes('deprecated'));
    assert.ok(deprecated.length > 0);
    assert.ok(deprecated.every((t) => t.line === 1), 'only on the To line');
    assert.ok(deprecated.some((t) => t.text.includes('broken@@example..com') || 'broken@@example..com'.includes(t.text)));
    const good = tokens.filter((t) => t.type === 'variable' && !t.modifiers.length).map((t) => t.text);
    assert.deepEqual(good, ['j@example.com', 'good@example.com']);
    await client.close(uri);
  });

  test('a line in the header section that is not a field gets no token', async () => {
    const text = 'From: a@example.com\nthis is body text without the blank line\n';
    const { uri } = await openEml(client, text);
    const tokens = decodeTokens(text, await client.semanticTokens(uri));
    assert.deepEqual(tokens.filter((t) => t.line === 1), []);
    await client.close(uri);
  });

  test('a malformed encoded word is macro + deprecated', async () => {
    const text = 'Subject: =?UTF-8?X?abc?=\n\nx\n';
    const { uri } = await openEml(client, text);
    const tokens = decodeTokens(text, await client.semanticTokens(uri));
    const word = tokens.find((t) => t.text === '=?UTF-8?X?abc?=');
    assert.ok(word);
    assert.deepEqual([word.type, word.modifiers], ['macro', ['deprecated']]);
    await client.close(uri);
  });
});
