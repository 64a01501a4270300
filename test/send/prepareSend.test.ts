/**
 * prepareSend (src/mail/envelope.ts), the one-pass form the Send path uses:
 * the same envelope and data as buildEnvelope + prepareData, for every mix of
 * line ends, and the header alone decides (a body that looks like a header
 * changes nothing).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEnvelope, prepareData, prepareSend } from '../../src/mail/envelope';

const HEADER = 'From: Alice <alice@example.com>\nTo: bob@example.com\nBcc: secret@example.com\nSubject: hi\n';
const EOLS = ['\n', '\r\n', '\r'];

/** Messages with every line end (and mixes of them), bodies with header-like lines. */
function messages(): string[] {
  const out: string[] = [];
  for (const a of EOLS) {
    for (const b of EOLS) {
      const header = HEADER.replace(/\n/g, a);
      out.push(`${header}${b}body${b}Bcc: not-a-field@example.com${b}To: nor-this@example.com${b}`);
      out.push(`${header}${a}line one${b}line two`);
      out.push(header.replace('Subject: hi', `Subject: h${b}i`));
    }
  }
  out.push('', '\r\n', '\n\n', 'To: a@example.com', 'From: a@example.com\r\n\r\n');
  return out;
}

test('prepareSend gives what buildEnvelope and prepareData give, for every line-end mix', () => {
  for (const text of messages()) {
    const overrides = { from: 'override@example.com' };
    const both = prepareSend(text, overrides);
    assert.deepEqual(both.envelope, buildEnvelope(text, overrides), JSON.stringify(text));
    assert.equal(both.data, prepareData(text), JSON.stringify(text));
    // Data leaves with CRLF only: every CRLF, CR and LF becomes CRLF (an independent oracle),
    // and the header's Bcc field goes.
    const expected = text.replace(/\r\n|\r|\n/g, '\r\n').replace('Bcc: secret@example.com\r\n', '');
    assert.equal(both.data, expected, JSON.stringify(text));
  }
});

test('prepareSend takes recipients from the header only, never from header-like body lines', () => {
  const text = 'From: a@example.com\r\nTo: b@example.com\r\n\r\nTo: c@example.com\r\nBcc: d@example.com\r\n';
  const { envelope, data } = prepareSend(text);
  assert.deepEqual(envelope, { from: 'a@example.com', to: ['b@example.com'], problems: [] });
  assert.equal(data, text, 'the body is transmitted as it is, header-like lines included');
});

test('prepareSend leaves a CRLF text as the very same string and reports a bare CR in the header', () => {
  const text = 'From: a@example.com\r\nTo: b@example.com\r\n\r\nbody\r\n';
  assert.equal(prepareSend(text).data, text);
  const bare = prepareSend('From: a@example.com\rTo: b@example.com\r\n\r\nbody\r\n');
  assert.ok(bare.envelope.problems.some((p) => /bare CR/.test(p)), JSON.stringify(bare.envelope.problems));
  // A bare CR in the body is only normalised.
  const inBody = prepareSend('From: a@example.com\r\nTo: b@example.com\r\n\r\nbo\rdy\n');
  assert.deepEqual(inBody.envelope.problems, []);
  assert.equal(inBody.data, 'From: a@example.com\r\nTo: b@example.com\r\n\r\nbo\r\ndy\r\n');
});
