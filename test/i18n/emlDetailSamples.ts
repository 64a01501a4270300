/**
 * One malformed message per parser detail (src/mail/message/messages.ts
 * `ENGLISH_DETAILS`): the detail (key and arguments) the validator must report
 * for it, and the message text. Used by details.test.ts (each sample reaches
 * its key, in English and Persian) and noEnglish.test.ts (no English in the
 * Persian diagnostics). The detail is written as plain data, without the
 * `Detail` type, so the no-English test also compiles against code that has
 * no detail keys (to watch it fail there).
 */

/** A sample: the detail expected in the problems of `text`. */
export interface DetailSample {
  readonly detail: readonly [string, ...Array<string | number>];
  readonly text: string;
}

/** Header fields of a well-formed message; a sample adds its own fields after them. */
const BASE = ['From: Ali <ali@example.ir>', 'To: sara@example.ir', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Subject: Test', 'Message-ID: <1@example.ir>', 'MIME-Version: 1.0'];

/** A message with the base fields, then `fields`, a blank line and `body` (CRLF). */
export function sampleMessage(fields: readonly string[], body = 'Hello\r\n'): string {
  return [...BASE, ...fields].join('\r\n') + '\r\n\r\n' + body;
}

const s = (detail: DetailSample['detail'], ...fields: string[]): DetailSample => ({ detail, text: sampleMessage(fields) });
const base64 = (detail: DetailSample['detail'], body: string): DetailSample => ({
  detail,
  text: sampleMessage(['Content-Type: text/plain', 'Content-Transfer-Encoding: base64'], body),
});
const longWord = `=?utf-8?q?${'a'.repeat(70)}?=`;

/** Every sample; a key may have several (one per place that reports it). */
export const DETAIL_SAMPLES: readonly DetailSample[] = [
  // Address lists (RFC 5322 §3.4).
  s(['quote-unclosed'], 'Cc: "Ali <ali@example.ir>'),
  s(['control-char'], 'Cc: a\x01b@example.ir'),
  s(['address-missing'], 'Cc: Ali <@relay.example.ir:'),
  s(['local-empty-piece'], 'Cc: a..b@example.ir'),
  s(['local-char', ';'], 'Cc: ;a@example.ir'),
  s(['local-char-unquoted', 'Smith'], 'Cc: John Smith@example.ir'),
  s(['domain-absent'], 'Cc: john'),
  s(['local-empty-or-dot'], 'Cc: john.@example.ir'),
  s(['domain-control-char'], 'Cc: a@exa\x01mple.ir'),
  s(['domain-literal-unclosed'], 'Cc: a@[192.0.2.1'),
  s(['domain-char', 'x'], 'Cc: a@"x".ir'),
  s(['domain-missing'], 'Cc: a@'),
  s(['domain-trailing-dot'], 'Cc: a@example.'),
  s(['display-name-char', ';'], 'Cc: Ali ; <ali@example.ir>'),
  s(['angle-empty'], 'Cc: Ali <>'),
  s(['angle-unclosed'], 'Cc: Ali <ali@example.ir'),
  s(['angle-unclosed'], 'In-Reply-To: <a@example.ir'),
  s(['after-address', 'b'], 'Cc: a@example.ir b@example.ir'),
  s(['group-no-name'], 'Cc: : a@example.ir;'),
  s(['group-name-char', ';'], 'Cc: a;b: c@example.ir;'),
  s(['group-unclosed', 'Team'], 'Cc: Team: a@example.ir'),
  s(['group-not-allowed', 'Sender'], 'Sender: Team: a@example.ir;'),
  s(['one-mailbox-only', 'Sender'], 'Sender: a@example.ir, b@example.ir'),
  // Encoded words (RFC 2047).
  s(['encoded-word-in-quotes'], 'Cc: "=?utf-8?q?Ali?=" <ali@example.ir>'),
  s(['encoded-word-in-address'], 'Cc: =?utf-8?q?ali?=@example.ir'),
  s(['word-b-invalid'], 'Comments: =?utf-8?b?abc?='),
  s(['word-q-invalid'], 'Comments: =?utf-8?q?a=zz?='),
  s(['word-encoding-unknown', 'x'], 'Comments: =?utf-8?x?abc?='),
  s(['word-too-long', longWord.length], `Comments: ${longWord}`),
  s(['word-empty'], 'Comments: =?utf-8?b??='),
  // Dates (RFC 5322 §3.3).
  s(['value-empty'], 'Resent-Date:'),
  s(['value-empty'], 'Content-Type:'),
  s(['weekday-unknown', 'Foo'], 'Resent-Date: Foo, 1 Jan 2026 10:00:00 +0000'),
  s(['weekday-comma'], 'Resent-Date: Thu 1 Jan 2026 10:00:00 +0000'),
  s(['day-expected'], 'Resent-Date: Thu, x Jan 2026 10:00:00 +0000'),
  s(['month-expected'], 'Resent-Date: 1 Foo 2026 10:00:00 +0000'),
  s(['year-expected'], 'Resent-Date: 1 Jan x 10:00:00 +0000'),
  s(['year-too-early'], 'Resent-Date: 1 Jan 1850 10:00:00 +0000'),
  s(['time-expected'], 'Resent-Date: 1 Jan 2026 x'),
  s(['time-colon'], 'Resent-Date: 1 Jan 2026 10 00 +0000'),
  s(['minutes-expected'], 'Resent-Date: 1 Jan 2026 10:x +0000'),
  s(['seconds-expected'], 'Resent-Date: 1 Jan 2026 10:00:x +0000'),
  s(['day-out-of-range', 'Feb', 2026, 31], 'Resent-Date: 31 Feb 2026 10:00:00 +0000'),
  s(['hour-range'], 'Resent-Date: 1 Jan 2026 24:00:00 +0000'),
  s(['minute-range'], 'Resent-Date: 1 Jan 2026 10:60:00 +0000'),
  s(['second-range'], 'Resent-Date: 1 Jan 2026 10:00:61 +0000'),
  s(['zone-missing'], 'Resent-Date: 1 Jan 2026 10:00:00'),
  s(['zone-minute-range'], 'Resent-Date: 1 Jan 2026 10:00:00 +0060'),
  s(['zone-invalid', '+01'], 'Resent-Date: 1 Jan 2026 10:00:00 +01'),
  s(['after-zone', 'extra'], 'Resent-Date: 1 Jan 2026 10:00:00 +0000 extra'),
  // Message ids (RFC 5322 §3.6.4).
  s(['field-empty', 'In-Reply-To'], 'In-Reply-To:'),
  s(['id-not-enclosed'], 'Resent-Message-ID: a@example.ir'),
  s(['id-stray', ';'], 'References: <a@example.ir> ; <b@example.ir>'),
  s(['id-empty'], 'In-Reply-To: <>'),
  s(['id-no-at'], 'In-Reply-To: <abc>'),
  s(['id-left-invalid'], 'In-Reply-To: <a..b@example.ir>'),
  s(['id-right-invalid'], 'In-Reply-To: <a@>'),
  s(['id-multiple', 'Resent-Message-ID'], 'Resent-Message-ID: <a@example.ir> <b@example.ir>'),
  // Content-Type (RFC 2045 §5.1).
  s(['subtype-missing', 'text'], 'Content-Type: text'),
  s(['not-type-subtype', 'text/plain/x'], 'Content-Type: text/plain/x'),
  // Content-Disposition (RFC 2183 §2).
  s(['disposition-not-token', '=?utf-8?q?x?='], 'Content-Disposition: =?utf-8?q?x?='),
  // List-Unsubscribe (RFC 2369 §2).
  s(['list-uri-not-bracketed', 'mailto:a@example.ir'], 'List-Unsubscribe: mailto:a@example.ir'),
  s(['list-uri-empty'], 'List-Unsubscribe: <>'),
  s(['list-uri-scheme', 'a@example.ir'], 'List-Unsubscribe: <a@example.ir>'),
  s(['list-after-uri', '<mailto:b@example.ir>'], 'List-Unsubscribe: <mailto:a@example.ir> <mailto:b@example.ir>'),
  // Parameters (RFC 2045 §5.1, RFC 2231).
  s(['param-name-expected'], 'Content-Disposition: attachment; =x'),
  s(['param-no-equals', 'foo'], 'Content-Disposition: attachment; foo'),
  s(['param-no-value', 'foo'], 'Content-Disposition: attachment; foo='),
  s(['param-quote-unclosed', 'filename'], 'Content-Disposition: attachment; filename="abc'),
  s(['param-needs-quotes', 'filename', '/'], 'Content-Disposition: attachment; filename=a/b'),
  s(['param-needs-quotes', 'filename', '('], 'Content-Disposition: attachment; filename=a(b)c'),
  s(['param-needs-quotes-space', 'filename'], 'Content-Disposition: attachment; filename=a b'),
  s(['param-repeated', 'filename'], 'Content-Disposition: attachment; filename=a; filename=b'),
  s(['param-repeated', 'f*0'], 'Content-Disposition: attachment; f*0=a; f*0=b'),
  s(['param-name-invalid', 'a*x'], 'Content-Disposition: attachment; a*x=1'),
  s(['param-leading-zero', 'f*00'], 'Content-Disposition: attachment; f*00=a'),
  s(['param-section-missing', 'f', 1, 'f*2'], 'Content-Disposition: attachment; f*0=a; f*2=b'),
  s(['param-extended-prefix', 'f*'], 'Content-Disposition: attachment; f*=abc'),
  s(['param-percent', 'f*'], "Content-Disposition: attachment; f*=utf-8''a%zz"),
  // One offending character.
  s(['char-quoted', '\u00e9'], 'X-Caf\u00e9: 1'),
  s(['char-control', 1], 'X-A\x01B: 1'),
  s(['char-del'], 'X-A\x7fB: 1'),
  s(['char-quoted', '*'], 'Content-Type: multipart/mixed; boundary="a*b"'),
  s(['char-trailing-space'], 'Content-Type: multipart/mixed; boundary="ab "'),
  base64(['char-quoted', '*'], 'QUJD*RA==\r\n'),
  base64(['char-control-sentence', 1], 'QUJD\x01RA==\r\n'),
];

/**
 * Detail keys no diagnostic can carry, each with the reason; a test checks them
 * another way.
 */
export const NOT_IN_DIAGNOSTICS: Readonly<Record<string, string>> = {
  // Only src/server/eml/tokens.ts gives it, for the hover on a `=?...?=` candidate the decoder rejects.
  'word-malformed': 'hover only',
  // Only src/mail/envelope.ts gives them, for an address it refuses to transmit (test/mail/mailbox.test.ts).
  'path-line-break': 'envelope only',
  'path-nul': 'envelope only',
  'path-angle': 'envelope only',
};
