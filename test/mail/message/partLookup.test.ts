/**
 * Part numbers and finding parts: the part Decode Part takes at an offset, and
 * the part a number names, agree on every part with a body, attached messages
 * included; the preview names parts by the same numbers; mbox and transcript
 * offsets choose the message.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodedBytes, decodedText, mediaType } from '../../../src/mail/message/body';
import type { MimePart } from '../../../src/mail/message/model';
import { parseMessage } from '../../../src/mail/message/parse';
import { partAt, partByPath, partToDecodeAt } from '../../../src/mail/message/partLookup';
import { buildPreview } from '../../../src/mail/preview/build';
import type { PreviewBlock, PreviewMessage } from '../../../src/mail/preview/model';
import { locatePart, messageAt } from '../../../src/mail/preview/source';

const EOLS = [
  { name: 'CRLF', eol: '\r\n' },
  { name: 'LF', eol: '\n' },
] as const;

/** The offset of `needle` in `text` (plus `delta`); fails when it is not there. */
function offsetOf(text: string, needle: string, delta = 0): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${JSON.stringify(needle)} is in the text`);
  return i + delta;
}

/** What Decode Part takes at `needle`: the part's number, type and decoded text; and the part its number names must be the same one. */
function decodeAt(text: string, needle: string, delta = 1): { path: string; type: string; text: string } | undefined {
  const root = parseMessage(text).root;
  const part = partToDecodeAt(root, offsetOf(text, needle, delta));
  if (!part) return undefined;
  assert.equal(partByPath(root, part.path), part, `part ${JSON.stringify(part.path)} (at ${JSON.stringify(needle)}) is found again by its number`);
  return { path: part.path, type: mediaType(part), text: decodedText(text, part) };
}

/** Every part with a body (a leaf, or an attached message), in document order. */
function partsWithBodies(root: MimePart): MimePart[] {
  const out: MimePart[] = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    if (!p.children.length) out.push(p);
    if (p.embedded) stack.push(p.embedded);
    for (let i = p.children.length - 1; i >= 0; i--) stack.push(p.children[i]);
  }
  return out;
}

for (const { name, eol } of EOLS) {
  const lines = (...l: string[]): string => l.join(eol);

  describe(`part numbers of attached messages (${name})`, () => {
    it('a single-part message inside a multipart: its body is n.1, its header opens the whole message n', () => {
      const text = lines(
        'From: outer@example.org',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'outer body',
        '--b',
        'Content-Type: message/rfc822',
        'Content-Disposition: attachment; filename="inner.eml"',
        '',
        'From: inner@example.org',
        'Subject: inner',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Gr=C3=BC=C3=9Fe aus K=C3=B6ln',
        '--b--',
        '',
      );
      assert.deepEqual(decodeAt(text, 'outer body'), { path: '1', type: 'text/plain', text: 'outer body' });
      // The body of the attached message, decoded with its own charset and transfer encoding.
      assert.deepEqual(decodeAt(text, 'Gr=C3'), { path: '2.1', type: 'text/plain', text: 'Grüße aus Köln' });
      const whole = lines('From: inner@example.org', 'Subject: inner', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', 'Gr=C3=BC=C3=9Fe aus K=C3=B6ln');
      // The attached message's header and its container's header: the whole attached message.
      assert.deepEqual(decodeAt(text, 'Subject: inner'), { path: '2', type: 'message/rfc822', text: whole });
      assert.deepEqual(decodeAt(text, 'From: inner'), { path: '2', type: 'message/rfc822', text: whole });
      assert.deepEqual(decodeAt(text, 'Content-Type: message/rfc822'), { path: '2', type: 'message/rfc822', text: whole });
      // On the delimiter line: the part it opens.
      assert.equal(decodeAt(text, `--b${eol}Content-Type: message`)?.path, '2');
      // The multipart's own header has no body to decode.
      assert.equal(decodeAt(text, 'multipart/mixed'), undefined);
      const root = parseMessage(text).root;
      assert.equal(partAt(root, offsetOf(text, 'Gr=C3')).path, '2.1');
      assert.deepEqual(partsWithBodies(root).map((p) => p.path), ['1', '2', '2.1']);
    });

    it('a multipart message inside a multipart: its parts are n.1, n.2; its header opens the whole message', () => {
      const text = lines(
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: message/rfc822',
        '',
        'Subject: inner',
        'Content-Type: multipart/alternative; boundary="c"',
        '',
        '--c',
        'Content-Type: text/plain',
        '',
        'inner plain',
        '--c',
        'Content-Type: text/html',
        '',
        '<p>inner html</p>',
        '--c--',
        '--b--',
        '',
      );
      assert.deepEqual(decodeAt(text, 'inner plain'), { path: '1.1', type: 'text/plain', text: 'inner plain' });
      assert.deepEqual(decodeAt(text, '<p>inner'), { path: '1.2', type: 'text/html', text: '<p>inner html</p>' });
      const header = decodeAt(text, 'Subject: inner');
      assert.equal(header?.path, '1');
      assert.equal(header?.type, 'message/rfc822');
      assert.match(header?.text ?? '', /^Subject: inner\r?\nContent-Type: multipart\/alternative/);
      assert.deepEqual(partsWithBodies(parseMessage(text).root).map((p) => p.path), ['1', '1.1', '1.2']);
    });

    it('a message inside an attached message: each level has its own number (n, n.1, n.1.1)', () => {
      const text = lines(
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'first',
        '--b',
        'Content-Type: message/rfc822',
        '',
        'Subject: middle',
        'Content-Type: message/rfc822',
        '',
        'Subject: innermost',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('tief drinnen ✓', 'utf8').toString('base64'),
        '--b--',
        '',
      );
      assert.deepEqual(decodeAt(text, Buffer.from('tief', 'utf8').toString('base64').slice(0, 4)), { path: '2.1.1', type: 'text/plain', text: 'tief drinnen ✓' });
      const innermost = decodeAt(text, 'Subject: innermost');
      assert.equal(innermost?.path, '2.1', 'the innermost header: the innermost message, the body of the middle one');
      assert.match(innermost?.text ?? '', /^Subject: innermost\r?\n/);
      const middle = decodeAt(text, 'Subject: middle');
      assert.equal(middle?.path, '2', 'the middle header: the middle message');
      assert.match(middle?.text ?? '', /^Subject: middle\r?\nContent-Type: message\/rfc822\r?\n\r?\nSubject: innermost/);
      assert.deepEqual(partsWithBodies(parseMessage(text).root).map((p) => p.path), ['1', '2', '2.1', '2.1.1']);
    });

    it('an attached message as the whole body: its body is 1, its header and the top header are the message', () => {
      const text = lines('From: wrapper@example.org', 'Content-Type: message/rfc822', '', 'Subject: wrapped', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable', '', 'Stra=DFe', '');
      assert.deepEqual(decodeAt(text, 'Stra'), { path: '1', type: 'text/plain', text: 'Straße' + eol });
      const wrapped = lines('Subject: wrapped', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable', '', 'Stra=DFe', '');
      assert.deepEqual(decodeAt(text, 'Subject: wrapped'), { path: '', type: 'message/rfc822', text: wrapped });
      assert.deepEqual(decodeAt(text, 'From: wrapper'), { path: '', type: 'message/rfc822', text: wrapped });
      // Wrapping a multipart: its parts are 1, 2.
      const multi = lines('Content-Type: message/rfc822', '', 'Content-Type: multipart/mixed; boundary="m"', '', '--m', '', 'one', '--m', '', 'two', '--m--', '');
      assert.deepEqual(decodeAt(multi, 'two', 0), { path: '2', type: 'text/plain', text: 'two' });
      assert.deepEqual(partsWithBodies(parseMessage(multi).root).map((p) => p.path), ['', '1', '2']);
    });

    it('a single-part message keeps the number of the whole message for its body', () => {
      const text = lines('Subject: plain', '', 'just text', '');
      assert.deepEqual(decodeAt(text, 'just'), { path: '', type: 'text/plain', text: `just text${eol}` });
      assert.deepEqual(decodeAt(text, 'Subject'), { path: '', type: 'text/plain', text: `just text${eol}` });
    });

    it("the preview's attachments and bodies carry the numbers the parts are found by", () => {
      const pdf = Buffer.from('%PDF-1.4 not really');
      const text = lines(
        'Subject: outer',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: message/rfc822',
        '',
        'Subject: just a file',
        'Content-Type: application/pdf; name="scan.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        pdf.toString('base64'),
        '--b',
        'Content-Type: message/rfc822',
        '',
        'Subject: a note',
        '',
        'note text',
        '--b--',
        '',
      );
      const root = parseMessage(text).root;
      const preview = buildPreview({ text });
      const nested = preview.message.blocks.filter((b): b is Extract<PreviewBlock, { kind: 'message' }> => b.kind === 'message').map((b) => b.message);
      assert.equal(nested.length, 2);
      const [file, note] = nested as [PreviewMessage, PreviewMessage];
      assert.deepEqual(file.attachments.map((a) => [a.name, a.path]), [['scan.pdf', '1.1']]);
      assert.deepEqual(decodedBytes(text, partByPath(root, '1.1')!), pdf, "the attached message's file, not the message");
      const noteBody = note.blocks.find((b): b is Extract<PreviewBlock, { kind: 'body' }> => b.kind === 'body')!;
      assert.equal(noteBody.alternatives[0]!.path, '2.1');
      assert.equal(decodedText(text, partByPath(root, '2.1')!), `note text`);
      assert.deepEqual(preview.message.attachments.map((a) => [a.name, a.path]), [
        ['just a file.eml', '1'],
        ['a note.eml', '2'],
      ]);
      assert.equal(mediaType(partByPath(root, '1')!), 'message/rfc822');
    });
  });

  describe(`mbox and transcript offsets choose the message (${name})`, () => {
    const attached = (subject: string, body: string): string[] => [
      `Subject: ${subject}`,
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: message/rfc822',
      '',
      `Subject: inner ${subject}`,
      '',
      body,
      '--b--',
      '',
    ];

    it('mbox: the number found at the cursor names the part of the message under the cursor', () => {
      const mbox = lines('From a@example.org Thu Dec  3 10:00:00 2026', ...attached('one', 'first inner body'), 'From b@example.org Thu Dec  3 11:00:00 2026', ...attached('two', 'second inner body'));
      const cursor = offsetOf(mbox, 'second inner', 3);
      const message = messageAt('mbox', mbox, cursor)!;
      const part = partToDecodeAt(parseMessage(message.text).root, cursor - message.offset)!;
      assert.equal(part.path, '1.1');
      const found = locatePart('mbox', mbox, cursor, part.path)!;
      assert.equal(decodedText(found.message.text, found.part), 'second inner body');
      assert.equal(mbox.slice(found.message.toDocument!(found.part.bodyOffset)).startsWith('second inner body'), true);
      const first = locatePart('mbox', mbox, offsetOf(mbox, 'Subject: inner one'), '1')!;
      assert.match(decodedText(first.message.text, first.part), /^Subject: inner one\r?\n\r?\nfirst inner body/);
      assert.equal(locatePart('mbox', mbox, cursor, '1.2'), undefined);
    });

    it("transcript: the DATA message at the offset, dot-unstuffed; the preview's numbers find its parts", () => {
      const data = (subject: string, body: string): string[] => ['C: MAIL FROM:<a@example.org>', 'S: 250 ok', 'C: RCPT TO:<b@example.org>', 'S: 250 ok', 'C: DATA', 'S: 354 go', ...attached(subject, body).map((l) => `C: ${l}`), 'C: .', 'S: 250 queued'];
      const t = lines('S: 220 mx ESMTP', 'C: EHLO me', 'S: 250 mx', ...data('one', 'first'), ...data('two', '..second, stuffed'), 'C: QUIT', 'S: 221 bye', '');
      const second = messageAt('transcript', t, offsetOf(t, 'C: Subject: two'))!;
      const nested = buildPreview(second).message.blocks.find((b): b is Extract<PreviewBlock, { kind: 'message' }> => b.kind === 'message')!.message;
      const body = nested.blocks.find((b): b is Extract<PreviewBlock, { kind: 'body' }> => b.kind === 'body')!;
      assert.equal(body.alternatives[0]!.path, '1.1');
      // The preview's Open: the message's offset and the part's number.
      const found = locatePart('transcript', t, second.offset, body.alternatives[0]!.path)!;
      assert.equal(decodedText(found.message.text, found.part), '.second, stuffed');
      assert.equal(decodedText(locatePart('transcript', t, 0, '1.1')!.message.text, locatePart('transcript', t, 0, '1.1')!.part), 'first');
      assert.equal(locatePart('transcript', 'S: 220 hi\r\nC: QUIT\r\n', 0, '1'), undefined);
    });
  });
}
