/**
 * The envelope and the data to transmit under random headers (injection): whatever the editor holds, `buildEnvelope` never throws, and when
 * it says the message can be sent every address is one safe SMTP path (no CR,
 * LF, NUL, control character, angle bracket or white space outside quotes);
 * `prepareData` never throws, ends every line with CRLF, and never carries a
 * Bcc or Resent-Bcc field in the top-level header.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import * as fc from 'fast-check';
import { buildEnvelope, checkEnvelopeAddress, prepareData } from '../../src/mail/envelope';
import { parseMessage } from '../../src/mail/message/parse';
import { assertProperty, params } from './fuzzConfig';

const piece = fc.constantFrom(
  'a@example.com', '"x y"@example.com', 'b@[127.0.0.1]', 'Name <c@example.com>', 'g: d@example.com, e@example.com;', '<>', '@', ',', ';', ':', '<', '>', '"', '\\',
  '(c)', ' ', '\t', '\r', '\n', '\r\n', '\r\n ', '\0', '\u0001', '\u2028', 'é', '=?utf-8?Q?x?=', 'RCPT TO:<evil@evil.test>', 'evil@evil.test>', 'x\r\nBcc: evil@evil.test',
);
const value = fc.array(piece, { maxLength: 10 }).map((xs) => xs.join(''));
const fieldName = fc.constantFrom('From', 'Sender', 'To', 'Cc', 'Bcc', 'BCC', 'bcc ', 'Resent-From', 'Resent-To', 'Resent-Bcc', 'Resent-Sender', 'Reply-To', 'Subject', 'X-Other');
const message = fc
  .tuple(fc.array(fc.tuple(fieldName, value), { maxLength: 10 }), fc.constantFrom('\r\n', '\n', '\r'), fc.constantFrom('body\r\n', '', 'Bcc: not a header\r\n'))
  .map(([fields, eol, body]) => fields.map(([n, v]) => `${n}: ${v}`).join(eol) + eol + eol + body);
const overrides = fc.record({ from: fc.option(value, { nil: undefined }), to: fc.option(fc.array(value, { maxLength: 3 }), { nil: undefined }) }, { requiredKeys: [] });

test('buildEnvelope: sendable means every path is safe', () => {
  assertProperty(
    fc.property(message, overrides, (text, o) => {
      const env = buildEnvelope(text, o);
      assert.ok(Array.isArray(env.problems) && Array.isArray(env.to));
      if (env.problems.length) return;
      assert.ok(env.from !== undefined, 'a sendable envelope has a sender');
      for (const a of [env.from, ...env.to]) {
        if (a === '' && a === env.from) continue; // the null reverse-path <> (RFC 5321 §4.5.5)
        assert.equal(checkEnvelopeAddress(a, a === env.from ? 'sender' : 'recipient'), undefined, `unsafe path ${JSON.stringify(a)}`);
        assert.ok(!/[\r\n\0<>]/.test(a), `unsafe path ${JSON.stringify(a)}`);
      }
      // Duplicates removed, the domain compared case-insensitively (RFC 5321 §2.4).
      const key = (a: string): string => {
        const at = a.lastIndexOf('@');
        return at < 0 ? a : a.slice(0, at) + a.slice(at).toLowerCase();
      };
      assert.equal(new Set(env.to.map(key)).size, env.to.length, `duplicate recipients in ${JSON.stringify(env.to)}`);
    }),
    params(800),
  );
});

test('prepareData: CRLF only, and no Bcc or Resent-Bcc in the top-level header', () => {
  assertProperty(
    fc.property(message, (text) => {
      const data = prepareData(text);
      assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(data), 'every line ends with CRLF');
      const { root } = parseMessage(data);
      for (const h of root.headers) assert.ok(!/^(resent-)?bcc$/i.test(h.name.trim()), `a ${h.name} field would be transmitted`);
      assert.equal(prepareData(data), data, 'prepareData is idempotent');
    }),
    params(800),
  );
});
