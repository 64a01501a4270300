/**
 * One table row per `eml` code: a message where it fires (code and the exact
 * text its range covers) and a near miss where it must not fire, in the style
 * of vscode-json-languageservice's isInvalid / isValid. Every row runs with
 * CRLF and with LF line ends unless it is about line ends.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { validateMessage, validateParsed, type MessageValidationOptions } from '../../../src/mail/message/validate';
import { parseMessage } from '../../../src/mail/message/parse';
import { CODES, type ProblemCode } from '../../../src/mail/codes';
import { signMessage } from '../../../src/mail/auth/sign';
import { arcSealSync, lookupOf, testKey } from '../../helpers/dkim';

const HEADERS: Array<[string, string]> = [
  ['From', 'Alice <alice@example.com>'],
  ['To', 'Bob <bob@example.org>'],
  ['Subject', 'Hello'],
  ['Date', 'Fri, 27 Nov 2026 10:00:00 +0000'],
  ['Message-ID', '<abc.123@example.com>'],
  ['MIME-Version', '1.0'],
  ['Content-Type', 'text/plain; charset=utf-8'],
];

interface Spec {
  /** Header names to leave out. */
  omit?: string[];
  /** Replace a header's value (or add it when absent). */
  set?: Record<string, string>;
  /** Extra raw header lines appended. */
  add?: string[];
  body?: string;
}

/** Builds a message with CRLF line ends from the valid base. */
function msg(spec: Spec = {}): string {
  const lines: string[] = [];
  const set = { ...spec.set };
  for (const [name, value] of HEADERS) {
    if (spec.omit?.includes(name)) continue;
    if (name in set) {
      lines.push(`${name}: ${set[name]}`);
      delete set[name];
    } else lines.push(`${name}: ${value}`);
  }
  for (const [name, value] of Object.entries(set)) lines.push(`${name}: ${value}`);
  lines.push(...(spec.add ?? []));
  return lines.join('\r\n') + '\r\n\r\n' + (spec.body ?? 'Hello Bob.\r\n');
}

/** A message whose body is `body` as an 8bit text/html part. */
const html = (body: string): string => msg({ set: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Transfer-Encoding': '8bit' }, body: `${body}\r\n` });

const multipart = (boundary: string, body: string, extra: Spec = {}): string =>
  msg({ ...extra, set: { 'Content-Type': `multipart/mixed; boundary="${boundary}"`, ...extra.set }, body });

interface Row {
  code: ProblemCode;
  invalid: string;
  /** Exact text the problem's range covers. */
  range: string;
  valid: string;
  options?: MessageValidationOptions;
  /** Only run as written (line-end rows). */
  asWritten?: boolean;
}

const b64line = 'QUJD'.repeat(19); // 76 characters
const rows: Row[] = [
  { code: 'header-syntax', invalid: msg({ add: ['Not a header line'] }), range: 'Not a header line', valid: msg({ add: ['X-Note: a header line'] }) },
  { code: 'header-name-invalid', invalid: msg({ add: ['X-B\u0001d: value'] }), range: '\u0001', valid: msg({ add: ['X-Bad: value'] }) },
  { code: 'header-name-invalid', invalid: msg({ add: [': value'] }), range: ':', valid: msg({ add: ['X: value'] }) },
  { code: 'header-space-before-colon', invalid: msg({ omit: ['Subject'], add: ['Subject  : hi'] }), range: '  ', valid: msg({ set: { Subject: 'hi' } }) },
  { code: 'continuation-first', invalid: ' folded\r\n' + msg(), range: ' folded', valid: msg({ add: ['X-Folded: a', ' folded'] }) },
  { code: 'line-too-long', invalid: msg({ body: 'a'.repeat(999) + '\r\n' }), range: 'a', valid: msg({ body: 'a'.repeat(998) + '\r\n' }) },
  // 500 two-octet characters are 1000 octets: the range starts at the character that passes 998.
  { code: 'line-too-long', invalid: msg({ set: { 'Content-Transfer-Encoding': '8bit' }, body: 'é'.repeat(500) + '\r\n' }), range: 'é', valid: msg({ set: { 'Content-Transfer-Encoding': '8bit' }, body: 'é'.repeat(499) + '\r\n' }) },
  // A four-octet character (a surrogate pair) across the 998th octet: the range takes it whole.
  { code: 'line-too-long', invalid: msg({ set: { 'Content-Transfer-Encoding': '8bit' }, body: 'a'.repeat(996) + '\u{1F600}\r\n' }), range: '\u{1F600}', valid: msg({ set: { 'Content-Transfer-Encoding': '8bit' }, body: 'a'.repeat(994) + '\u{1F600}\r\n' }) },
  { code: 'line-too-long', invalid: msg({ set: { 'Content-Transfer-Encoding': '8bit' }, body: 'a'.repeat(997) + '\u{1F600}\r\n' }), range: '\u{1F600}', valid: msg({ set: { 'Content-Transfer-Encoding': '8bit' }, body: 'a'.repeat(995) + '\u20ac\r\n' }) },
  { code: 'line-over-78', invalid: msg({ add: ['X-Long: ' + 'a'.repeat(71)] }), range: 'a', valid: msg({ add: ['X-Long: ' + 'a'.repeat(70)] }) },
  { code: 'bare-cr', invalid: msg({ body: 'a\rb\r\n' }), range: '\r', valid: msg({ body: 'a\r\nb\r\n' }), asWritten: true },
  { code: 'mixed-line-endings', invalid: msg({ body: 'one\r\ntwo\nthree\r\n' }), range: '\n', valid: msg({ body: 'one\r\ntwo\r\nthree\r\n' }), asWritten: true },
  { code: 'nul-character', invalid: msg({ body: 'a\u0000b\r\n' }), range: '\u0000', valid: msg({ body: 'a0b\r\n' }) },
  { code: 'missing-from', invalid: msg({ omit: ['From'] }), range: 'To', valid: msg() },
  { code: 'missing-date', invalid: msg({ omit: ['Date'] }), range: 'From', valid: msg() },
  { code: 'missing-recipient', invalid: msg({ omit: ['To'] }), range: 'From', valid: msg({ omit: ['To'], add: ['Bcc: bob@example.org'] }) },
  { code: 'missing-subject', invalid: msg({ omit: ['Subject'] }), range: 'From', valid: msg() },
  { code: 'missing-message-id', invalid: msg({ omit: ['Message-ID'] }), range: 'From', valid: msg() },
  { code: 'duplicate-header', invalid: msg({ add: ['subject: again'] }), range: 'subject', valid: msg({ add: ['Comments: one', 'Comments: two'] }) },
  { code: 'duplicate-header', invalid: msg({ add: ['Content-Type: text/html'] }), range: 'Content-Type', valid: msg({ add: ['Content-Description: x'] }) },
  { code: 'sender-required', invalid: msg({ set: { From: 'a@example.com, b@example.com' } }), range: 'a@example.com, b@example.com', valid: msg({ set: { From: 'a@example.com, b@example.com', Sender: 'a@example.com' } }) },
  { code: 'address-syntax', invalid: msg({ set: { To: 'Bob <bob@example.org>, carol@' } }), range: 'carol@', valid: msg({ set: { To: 'Bob <bob@example.org>, carol@example.org' } }) },
  { code: 'address-syntax', invalid: msg({ set: { To: 'Bob Smith bob@example.org' } }), range: 'Bob Smith bob@example.org', valid: msg({ set: { To: '"Bob Smith" bob@example.org'.replace(' bob', ' <bob') + '>' } }) },
  { code: 'address-syntax', invalid: msg({ set: { From: 'Team: a@example.com;' } }), range: 'Team: a@example.com;', valid: msg({ set: { To: 'Team: a@example.com;' } }) },
  { code: 'address-syntax', invalid: msg({ set: { To: '' } }), range: 'To', valid: msg({ add: ['Bcc:'] }) },
  { code: 'date-syntax', invalid: msg({ set: { Date: 'Whenever' } }), range: 'Whenever', valid: msg({ set: { Date: '27 Nov 2026 10:00 +0000' } }) },
  { code: 'date-syntax', invalid: msg({ set: { Date: 'Fri, 31 Nov 2026 10:00:00 +0000' } }), range: '31', valid: msg({ set: { Date: 'Mon, 30 Nov 2026 10:00:00 +0000' } }) },
  { code: 'date-weekday-mismatch', invalid: msg({ set: { Date: 'Sat, 27 Nov 2026 10:00:00 +0000' } }), range: 'Sat', valid: msg() },
  { code: 'date-obsolete-zone', invalid: msg({ set: { Date: 'Fri, 27 Nov 2026 10:00:00 GMT' } }), range: 'GMT', valid: msg({ set: { Date: 'Fri, 27 Nov 2026 10:00:00 +0000 (GMT)' } }) },
  { code: 'message-id-syntax', invalid: msg({ set: { 'Message-ID': '<abc>' } }), range: '<abc>', valid: msg({ set: { 'Message-ID': '<abc@[127.0.0.1]>' } }) },
  { code: 'message-id-syntax', invalid: msg({ add: ['References: <a@b> c@d'] }), range: '@d', valid: msg({ add: ['References: <a@b> <c@d>'] }) },
  // Near misses of the plain <dot-atom@dot-atom> form, which is recognised without tokens.
  { code: 'message-id-syntax', invalid: msg({ set: { 'Message-ID': '<a.@example.org>' } }), range: '<a.@example.org>', valid: msg({ set: { 'Message-ID': '<a.b@example.org>' } }) },
  { code: 'message-id-syntax', invalid: msg({ set: { 'Message-ID': '<a@example.org> <b@example.org>' } }), range: ' <a@example.org> <b@example.org>' /* the whole value, leading space included */, valid: msg({ add: ['In-Reply-To: <a@example.org>\r\n <b@example.org>'] }) },
  { code: 'message-id-syntax', invalid: msg({ set: { 'Message-ID': '<a@example.org' } }), range: '<a@example.org', valid: msg({ set: { 'Message-ID': ' <a@example.org> ' } }) },
  { code: 'non-ascii-header', invalid: msg({ set: { Subject: 'Grüße' } }), range: 'üß', valid: msg({ set: { Subject: '=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=' } }) },
  { code: 'encoded-word-invalid', invalid: msg({ set: { Subject: 'x =?UTF-8?X?abc?= y' } }), range: '=?UTF-8?X?abc?=', valid: msg({ set: { Subject: 'x =?UTF-8?Q?abc?= y' } }) },
  { code: 'encoded-word-invalid', invalid: msg({ set: { Subject: '=?UTF-8?B?abc?=' } }), range: '=?UTF-8?B?abc?=', valid: msg({ set: { Subject: '=?UTF-8?B?YWJj?=' } }) },
  { code: 'encoded-word-invalid', invalid: msg({ set: { From: '"=?UTF-8?Q?Al?=" <alice@example.com>' } }), range: '"=?UTF-8?Q?Al?="', valid: msg({ set: { From: '=?UTF-8?Q?Al?= <alice@example.com>' } }) },
  { code: 'encoded-word-invalid', invalid: msg({ set: { To: '=?UTF-8?Q?bob?=@example.org' } }), range: '=?UTF-8?Q?bob?=', valid: msg({ set: { To: '=?UTF-8?Q?Bob?= <bob@example.org>' } }) },
  { code: 'encoded-word-invalid', invalid: msg({ set: { Subject: `=?UTF-8?Q?${'a'.repeat(64)}?=` } }), range: `=?UTF-8?Q?${'a'.repeat(64)}?=`, valid: msg({ set: { Subject: `=?UTF-8?Q?${'a'.repeat(63)}?=` } }) },
  { code: 'unknown-charset', invalid: msg({ set: { 'Content-Type': 'text/plain; charset=klingon-8' } }), range: 'klingon-8', valid: msg({ set: { 'Content-Type': 'text/plain; charset=ISO-8859-15' } }) },
  { code: 'unknown-charset', invalid: msg({ set: { Subject: '=?klingon?Q?a?=' } }), range: 'klingon', valid: msg({ set: { Subject: '=?koi8-r?Q?a?=' } }) },
  { code: 'mime-version-missing', invalid: msg({ omit: ['MIME-Version'] }), range: 'Content-Type', valid: msg({ omit: ['MIME-Version', 'Content-Type'] }) },
  { code: 'mime-version-value', invalid: msg({ set: { 'MIME-Version': '2.0' } }), range: '2.0', valid: msg({ set: { 'MIME-Version': '1.0 (produced by a test)' } }) },
  { code: 'content-type-syntax', invalid: msg({ set: { 'Content-Type': 'text; charset=utf-8' } }), range: 'text', valid: msg({ set: { 'Content-Type': 'text/plain; charset=utf-8' } }) },
  { code: 'parameter-syntax', invalid: msg({ set: { 'Content-Type': 'text/plain; charset="utf-8' } }), range: '"', valid: msg({ set: { 'Content-Type': 'text/plain; charset="utf-8"' } }) },
  { code: 'parameter-syntax', invalid: msg({ add: ["Content-Disposition: attachment; filename*0=a; filename*2=b"] }), range: 'filename*2', valid: msg({ add: ["Content-Disposition: attachment; filename*0*=utf-8''a%C3%A9; filename*1=b"] }) },
  { code: 'parameter-syntax', invalid: msg({ add: ['Content-Disposition: attachment; filename=a b.txt'] }), range: 'a b.txt', valid: msg({ add: ['Content-Disposition: attachment; filename="a b.txt"'] }) },
  { code: 'boundary-missing', invalid: msg({ set: { 'Content-Type': 'multipart/mixed' } }), range: 'multipart/mixed', valid: multipart('b1', '--b1\r\n\r\nx\r\n--b1--\r\n') },
  { code: 'boundary-invalid', invalid: multipart('b'.repeat(71), `--${'b'.repeat(71)}\r\n\r\nx\r\n--${'b'.repeat(71)}--\r\n`), range: `"${'b'.repeat(71)}"`, valid: multipart('b'.repeat(70), `--${'b'.repeat(70)}\r\n\r\nx\r\n--${'b'.repeat(70)}--\r\n`) },
  { code: 'boundary-invalid', invalid: multipart('a<b', '--a<b\r\n\r\nx\r\n--a<b--\r\n'), range: '"a<b"', valid: multipart("a'()+_,-./:=?b", "--a'()+_,-./:=?b\r\n\r\nx\r\n--a'()+_,-./:=?b--\r\n") },
  { code: 'boundary-not-found', invalid: multipart('b1', 'just text\r\n--b2\r\n'), range: '"b1"', valid: multipart('b1', 'preamble\r\n--b1\r\n\r\nx\r\n--b1--\r\n') },
  { code: 'closing-boundary-missing', invalid: multipart('b1', '--b1\r\n\r\nx\r\n'), range: '"b1"', valid: multipart('b1', '--b1\r\n\r\nx\r\n--b1--  \r\nepilogue\r\n') },
  { code: 'cte-unknown', invalid: msg({ set: { 'Content-Transfer-Encoding': '8 bit' } }), range: '8 bit', valid: msg({ set: { 'Content-Transfer-Encoding': 'x-uuencode' } }) },
  { code: 'cte-composite', invalid: multipart('b1', '--b1\r\n\r\nx\r\n--b1--\r\n', { set: { 'Content-Transfer-Encoding': 'base64' } }), range: 'base64', valid: multipart('b1', '--b1\r\n\r\nx\r\n--b1--\r\n', { set: { 'Content-Transfer-Encoding': '7bit' } }) },
  { code: 'eight-bit-data', invalid: msg({ body: 'café\r\n' }), range: 'é', valid: msg({ set: { 'Content-Transfer-Encoding': '8bit' }, body: 'café\r\n' }) },
  { code: 'eight-bit-data', invalid: msg({ set: { 'Content-Transfer-Encoding': 'quoted-printable' }, body: 'café\r\n' }), range: 'é', valid: msg({ set: { 'Content-Transfer-Encoding': 'quoted-printable' }, body: 'caf=C3=A9\r\n' }) },
  { code: 'base64-invalid', invalid: msg({ set: { 'Content-Transfer-Encoding': 'base64' }, body: 'SGVs*bG8=\r\n' }), range: '*', valid: msg({ set: { 'Content-Transfer-Encoding': 'base64' }, body: 'SGVsbG8=\r\n' }) },
  { code: 'base64-invalid', invalid: msg({ set: { 'Content-Transfer-Encoding': 'base64' }, body: 'SGVsbG8=SGVs\r\n' }), range: 'S', valid: msg({ set: { 'Content-Transfer-Encoding': 'base64' }, body: 'SGVs\r\nbG8=\r\n' }) },
  { code: 'base64-invalid', invalid: msg({ set: { 'Content-Transfer-Encoding': 'base64' }, body: 'SGVsbG8\r\n' }), range: '8', valid: msg({ set: { 'Content-Transfer-Encoding': 'base64' }, body: 'SGVsbA==\r\n' }) },
  { code: 'base64-invalid', invalid: msg({ set: { 'Content-Transfer-Encoding': 'base64' }, body: 'SGVsbA===\r\n' }), range: '===', valid: msg({ set: { 'Content-Transfer-Encoding': 'base64' }, body: 'SGVsbA==\r\n' }) },
  { code: 'base64-line-length', invalid: msg({ set: { 'Content-Transfer-Encoding': 'base64' }, body: b64line + 'QUJD\r\n' }), range: 'QUJD', valid: msg({ set: { 'Content-Transfer-Encoding': 'base64' }, body: b64line + '\r\nQUJD\r\n' }) },
  { code: 'qp-invalid', invalid: msg({ set: { 'Content-Transfer-Encoding': 'quoted-printable' }, body: 'a=ZZb\r\n' }), range: '=', valid: msg({ set: { 'Content-Transfer-Encoding': 'quoted-printable' }, body: 'a=3Db soft=  \r\nbreak=\r\n' }) },
  { code: 'qp-line-length', invalid: msg({ set: { 'Content-Transfer-Encoding': 'quoted-printable' }, body: 'q'.repeat(77) + '\r\n' }), range: 'q', valid: msg({ set: { 'Content-Transfer-Encoding': 'quoted-printable' }, body: 'q'.repeat(75) + '=\r\n' + 'q'.repeat(76) + '\r\n' }) },
  // HTML parts (the HTML tables in test/mail/html/ cover every encoding).
  { code: 'html-client-unsupported', invalid: html('<div style="display:flex">x</div>'), range: 'display:flex', valid: html('<div style="display:block">x</div>') },
  { code: 'html-client-partial', invalid: html('<td style="padding:4px">x</td>'), range: 'padding', valid: html('<td style="color:#000">x</td>') },
  { code: 'html-cid-not-found', invalid: html('<img alt="" src="cid:nothing@x">'), range: 'cid:nothing@x', valid: html('<img alt="" src="https://example.com/a.png">') },
  { code: 'html-script', invalid: html('<p onclick="go()">x</p>'), range: 'onclick', valid: html('<details open><p>x</p></details>') },
  { code: 'html-no-text-alternative', invalid: html('<p>x</p>'), range: 'text/html; charset=utf-8', valid: multipart('alt', '--alt\r\nContent-Type: text/plain\r\n\r\nx\r\n--alt\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--alt--\r\n', { set: { 'Content-Type': 'multipart/alternative; boundary="alt"' } }) },
  { code: 'html-image-alt-missing', invalid: html('<img src="a.png">'), range: '<img', valid: html('<img src="a.png" alt="">') },
  { code: 'message-clipped', invalid: html(`<p>${'x'.repeat(105 * 1024)}</p>`), range: 'text/html; charset=utf-8', valid: html(`<p>${'x'.repeat(100 * 1024)}</p>`) },
  // An empty field names no mechanism (readers fall back to 7bit).
  { code: 'cte-unknown', invalid: msg({ set: { 'Content-Transfer-Encoding': '' } }), range: 'Content-Transfer-Encoding', valid: msg({ set: { 'Content-Transfer-Encoding': '7bit (default)' } }) },
  // RFC 2047 §2: encoded-text is one or more characters.
  { code: 'encoded-word-invalid', invalid: msg({ set: { Subject: 'x =?UTF-8?B??= y' } }), range: '=?UTF-8?B??=', valid: msg({ set: { Subject: 'x =?UTF-8?B?YQ==?= y' } }) },
  { code: 'encoded-word-invalid', invalid: msg({ set: { Subject: '=?UTF-8?Q??=' } }), range: '=?UTF-8?Q??=', valid: msg({ set: { Subject: '=?UTF-8?Q?_?=' } }) },
  // MIME-Version inside a part is checked too.
  { code: 'mime-version-value', invalid: multipart('b1', '--b1\r\nMIME-Version:\r\nContent-Type: text/plain\r\n\r\nx\r\n--b1--\r\n'), range: 'MIME-Version', valid: multipart('b1', '--b1\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nx\r\n--b1--\r\n') },
  { code: 'content-disposition-syntax', invalid: msg({ add: ['Content-Disposition: =?utf-8?Q?invalid?='] }), range: '=?utf-8?Q?invalid?=', valid: msg({ add: ['Content-Disposition: attachment; filename="=?utf-8?Q?a?=.txt"'] }) },
  { code: 'content-disposition-syntax', invalid: msg({ add: ['Content-Disposition:'] }), range: 'Content-Disposition', valid: msg({ add: ['Content-Disposition: inline'] }) },
  { code: 'content-disposition-syntax', invalid: msg({ add: ['Content-Disposition: attachment file; size=3'] }), range: 'attachment file', valid: msg({ add: ['Content-Disposition: x-custom (a comment); size=3'] }) },
  { code: 'content-disposition-syntax', invalid: msg({ add: ['Content-Disposition: ; filename=a.txt'] }), range: 'Content-Disposition', valid: msg({ add: ['Content-Disposition: attachment; filename=a.txt'] }) },
  { code: 'list-unsubscribe-syntax', invalid: msg({ add: ['List-Unsubscribe: mailto:leave@example.com'] }), range: 'mailto:leave@example.com', valid: msg({ add: ['List-Unsubscribe: <mailto:leave@example.com?subject=unsubscribe>, (web) <https://example.com/u/1>'] }) },
  { code: 'list-unsubscribe-syntax', invalid: msg({ add: ['List-Unsubscribe: <https://example.com/u/1> <mailto:leave@example.com>'] }), range: '<mailto:leave@example.com>', valid: msg({ add: ['List-Unsubscribe: <https://example.com/u/1>,', ' <mailto:leave@example.com>'] }) },
  { code: 'list-unsubscribe-syntax', invalid: msg({ add: ['List-Unsubscribe: <leave@example.com>'] }), range: '<leave@example.com>', valid: msg({ add: ['List-Unsubscribe: <https://example.com/', ' u/1>'] }) },
  { code: 'list-unsubscribe-syntax', invalid: msg({ add: ['List-Unsubscribe: <https://example.com/u/1'] }), range: '<https://example.com/u/1', valid: msg({ add: ['List-Unsubscribe: <https://example.com/u/1>'] }) },
  { code: 'list-unsubscribe-syntax', invalid: msg({ add: ['List-Unsubscribe:'] }), range: 'List-Unsubscribe', valid: msg({ add: ['List-Unsubscribe: <mailto:a@example.com>,'] }) },
  // RFC 8058 §3.1: one-click POST needs an https URI.
  { code: 'list-unsubscribe-syntax', invalid: msg({ add: ['List-Unsubscribe: <mailto:leave@example.com>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'] }), range: 'List-Unsubscribe-Post', valid: msg({ add: ['List-Unsubscribe: <mailto:leave@example.com>, <HTTPS://example.com/u/1>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'] }) },
  { code: 'list-unsubscribe-syntax', invalid: msg({ add: ['List-Unsubscribe-Post: List-Unsubscribe=One-Click'] }), range: 'List-Unsubscribe-Post', valid: msg({ add: ['List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'List-Unsubscribe: <https://example.com/u/1>'] }) },
  { code: 'list-unsubscribe-syntax', invalid: msg({ add: ['List-Unsubscribe: <https://example.com/u/1>', 'List-Unsubscribe-Post: One-Click'] }), range: 'One-Click', valid: msg({ add: ['List-Unsubscribe: <https://example.com/u/1>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'] }) },
  { code: 'too-large', invalid: msg(), range: '', valid: msg(), options: { maxFullSize: 50 } },
  {
    code: 'nesting-too-deep',
    invalid: multipart('b1', '--b1\r\nContent-Type: multipart/mixed; boundary=b2\r\n\r\n--b2\r\n\r\nx\r\n--b2--\r\n--b1--\r\n'),
    range: 'Content-Type',
    valid: multipart('b1', '--b1\r\nContent-Type: multipart/mixed; boundary=b2\r\n\r\n--b2\r\n\r\nx\r\n--b2--\r\n--b1--\r\n'),
    options: { maxDepth: 1 },
  },
  ...authenticationRows(),
];

/** Rows of the DKIM and ARC codes: messages signed at test time with a key made at test time. */
function authenticationRows(): Row[] {
  const keys = { keys: lookupOf({ 's1._domainkey.example.com': testKey() }) };
  const sign = (text: string, selector = 's1'): string => signMessage(Buffer.from(text), { domain: 'example.com', selector, privateKey: testKey().privatePem }).message.toString();
  const signed = sign(msg({ body: 'Signed body.\r\n' }));
  const bh = /bh=[A-Za-z0-9+/=]+/.exec(signed)![0];
  const b = /b=[A-Za-z0-9+/=\r\n ]+$/m.exec(signed.slice(0, signed.indexOf('\r\nFrom:')))![0];
  const arc = arcSealSync(msg({ body: 'Sealed body.\r\n' }), testKey(), 'example.com');
  return [
    { code: 'dkim-signature-syntax', invalid: msg({ add: ['DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1; h=To; bh=AAAA; b=AAAA'] }), range: 'h=To', valid: msg({ add: ['DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1; h=From:To; bh=AAAA; b=AAAA'] }) },
    { code: 'dkim-body-hash-mismatch', invalid: signed.replace('Signed body.', 'Signed body!'), range: bh, valid: signed },
    { code: 'dkim-signature-invalid', invalid: signed.replace('Subject: Hello', 'Subject: Hello again'), range: b, valid: signed, options: keys },
    { code: 'dkim-key-unavailable', invalid: sign(msg(), 's9'), range: 's=s9', valid: sign(msg()), options: keys },
    { code: 'arc-chain-invalid', invalid: arc.replace('cv=none', 'cv=pass'), range: 'cv=pass', valid: arc, options: keys },
  ];
}

function rangeTexts(text: string, code: ProblemCode, options?: MessageValidationOptions): string[] {
  return validateMessage(text, options)
    .filter((p) => p.code === code)
    .map((p) => text.slice(p.offset, p.offset + p.length));
}

describe('eml codes: fires / near miss', () => {
  it('the base message is clean', () => {
    assert.deepEqual(validateMessage(msg()), []);
    assert.deepEqual(validateMessage(msg().replace(/\r\n/g, '\n')), []);
  });

  it('every eml code has at least one row', () => {
    const covered = new Set(rows.map((r) => r.code));
    const missing = Object.entries(CODES)
      .filter(([, info]) => info.source === 'eml')
      .map(([code]) => code)
      .filter((code) => !covered.has(code as ProblemCode));
    assert.deepEqual(missing, []);
  });

  for (const row of rows) {
    const variants: Array<[string, (s: string) => string]> = row.asWritten ? [['as written', (s) => s]] : [['CRLF', (s) => s], ['LF', (s) => s.replace(/\r\n/g, '\n')]];
    for (const [label, convert] of variants) {
      it(`${row.code} fires on ${JSON.stringify(row.range).slice(0, 40)} (${label})`, () => {
        const options = row.code === 'too-large' || row.code === 'nesting-too-deep' || row.options?.keys ? row.options : undefined;
        const texts = rangeTexts(convert(row.invalid), row.code, options);
        assert.ok(texts.length > 0, `${row.code} did not fire`);
        assert.ok(texts.includes(convert(row.range)), `ranges ${JSON.stringify(texts)} do not include ${JSON.stringify(row.range)}`);
      });
      it(`${row.code} near miss stays quiet (${label})`, () => {
        const options = row.code === 'too-large' ? { maxFullSize: 1e6 } : row.code === 'nesting-too-deep' ? { maxDepth: 5 } : row.options?.keys ? row.options : undefined;
        assert.deepEqual(rangeTexts(convert(row.valid), row.code, options), []);
      });
    }
  }
});

describe('eml problem data for quick fixes', () => {
  it('missing-date carries the insertion offset at the end of the header section', () => {
    const text = msg({ omit: ['Date'] });
    const p = validateMessage(text).find((x) => x.code === 'missing-date')!;
    assert.equal(p.data?.insertOffset, text.indexOf('\r\n\r\n') + 2);
    assert.equal(p.data?.eol, '\r\n');
  });
  it('duplicate-header points to the first occurrence', () => {
    const text = msg({ add: ['Subject: again'] });
    const p = validateMessage(text).find((x) => x.code === 'duplicate-header')!;
    assert.equal(p.related?.[0].offset, text.indexOf('Subject'));
  });
  it('closing-boundary-missing gives the boundary and where to append it', () => {
    const text = multipart('b1', '--b1\r\n\r\nx\r\n');
    const p = validateMessage(text).find((x) => x.code === 'closing-boundary-missing')!;
    assert.equal(p.data?.boundary, 'b1');
    assert.equal(p.data?.insertOffset, text.length);
  });
  it('eight-bit-data gives the body range and the CTE field (none here)', () => {
    const text = msg({ body: 'café\r\n' });
    const p = validateMessage(text).find((x) => x.code === 'eight-bit-data')!;
    assert.equal(p.data?.bodyOffset, text.indexOf('café'));
    assert.equal(p.data?.bodyEnd, text.length);
    assert.equal(p.data?.cteOffset, undefined);
  });
  it('non-ascii-header gives the value range', () => {
    const text = msg({ set: { Subject: 'Grüße' } });
    const p = validateMessage(text).find((x) => x.code === 'non-ascii-header')!;
    assert.equal(text.slice(p.data?.valueOffset as number, p.data?.valueEnd as number), ' Grüße');
  });
  it('each code is capped at 100 per document and eight-bit-data at one per line', () => {
    const body = ('é é é\r\n').repeat(500);
    const ps = validateMessage(msg({ body })).filter((p) => p.code === 'eight-bit-data');
    assert.equal(ps.length, 100);
    const lines = new Set(ps.map((p) => p.offset - (p.offset % 1)));
    assert.equal(lines.size, 100);
  });
});

describe('limits and shared parses', () => {
  it('too large: headers are still checked, bodies are not scanned', () => {
    const text = msg({ set: { Date: 'Whenever' }, body: 'café\r\n' });
    const codes = validateMessage(text, { maxFullSize: 100 }).map((p) => p.code);
    assert.ok(codes.includes('too-large'));
    assert.ok(codes.includes('date-syntax'));
    assert.ok(!codes.includes('eight-bit-data'));
    assert.ok(validateMessage(text).some((p) => p.code === 'eight-bit-data'));
  });
  it('validateParsed on a shared parse gives what validateMessage gives', () => {
    const text = multipart('b1', '--b1\r\nContent-Transfer-Encoding: base64\r\n\r\nQUJ*\r\n', { set: { Subject: 'Grüße' } });
    assert.deepEqual(validateParsed(parseMessage(text)), validateMessage(text));
  });
});

describe('header scans that resume field by field', () => {
  it('8-bit text and encoded words are found in the right fields of every entity, whatever lies between', () => {
    const text = [
      'From: a@example.com', 'To: b@example.com', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <x=?@example.com>', 'MIME-Version: 1.0',
      'Subject: =?utf-8?X?bad?=', 'X-Plain: nothing here', 'X-Eight: caf\u00e9', 'X-Two: \u00e9 and \u00e8', 'X-Word: =?utf-8?Q?ok?= =?bogus-cs?Q?x?=',
      'Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Description: =?utf-8?B?!!!?=', 'X-Part: \u00fc', '', 'body', '--b--', '',
    ].join('\r\n');
    const at = (code: string): string[] => validateMessage(text).filter((p) => p.code === code).map((p) => text.slice(p.offset, p.offset + p.length));
    assert.deepEqual(at('non-ascii-header'), ['\u00e9', '\u00e9 and \u00e8', '\u00fc']);
    assert.deepEqual(at('encoded-word-invalid'), ['=?utf-8?X?bad?=', '=?utf-8?B?!!!?=']);
    assert.deepEqual(at('unknown-charset'), ['bogus-cs']);
  });
});

describe('resent blocks, multipart preamble and epilogue, octets of latin1 text', () => {
  const base = ['From: a@example.com', 'To: b@example.com', 'Subject: s', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <m@example.com>'];
  const dupes = (lines: string[]): string[] => {
    const text = [...lines, ...base, '', 'body', ''].join('\r\n');
    return validateMessage(text).filter((p) => p.code === 'duplicate-header').map((p) => text.slice(p.offset, p.offset + p.length));
  };
  it('a repeated Resent- field inside one resent block is a duplicate (RFC 5322 §3.6.6)', () => {
    assert.deepEqual(
      dupes(['Resent-Date: Fri, 27 Nov 2026 11:00:00 +0000', 'Resent-From: r@example.com', 'Resent-To: x@example.com', 'Resent-To: y@example.com']),
      ['Resent-To'],
    );
    assert.deepEqual(dupes(['Resent-From: r@example.com', 'Resent-Date: Fri, 27 Nov 2026 11:00:00 +0000', 'Resent-Date: Fri, 27 Nov 2026 12:00:00 +0000']), ['Resent-Date']);
  });
  it('several resent blocks are legal, side by side or between trace fields', () => {
    const block = (h: number): string[] => [`Resent-Date: Fri, 27 Nov 2026 ${h}:00:00 +0000`, 'Resent-From: r@example.com', 'Resent-To: x@example.com'];
    assert.deepEqual(dupes([...block(11), ...block(12)]), []);
    assert.deepEqual(dupes(['Received: from a by b; Fri, 27 Nov 2026 12:00:00 +0000', ...block(12), 'Received: from c by d; Fri, 27 Nov 2026 11:00:00 +0000', ...block(11)]), []);
  });
  const multipartWith = (preamble: string, epilogue: string, cte = ''): string =>
    [...base, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b', ...(cte ? [`Content-Transfer-Encoding: ${cte}`] : []), '', preamble, '--b', '', 'part', '--b--', epilogue, ''].join('\r\n');
  it('8-bit text in a 7bit multipart\'s preamble or epilogue is reported, without the body re-encoding fix', () => {
    const text = multipartWith('pr\u00e9ambule', '\u00e9pilogue');
    const found = validateMessage(text).filter((p) => p.code === 'eight-bit-data');
    assert.deepEqual(found.map((p) => text.slice(p.offset, p.offset + 1)), ['\u00e9', '\u00e9']);
    assert.ok(found.every((p) => p.data?.bodyOffset === undefined));
    assert.deepEqual(validateMessage(multipartWith('pr\u00e9ambule', '\u00e9pilogue', '8bit')).filter((p) => p.code === 'eight-bit-data'), []);
    assert.deepEqual(validateMessage(multipartWith('preamble', 'epilogue')).filter((p) => p.code === 'eight-bit-data'), []);
  });
  it('line-too-long counts one octet per character up to U+00FF when the text was read as latin1', () => {
    const text = [...base, 'MIME-Version: 1.0', 'Content-Transfer-Encoding: 8bit', '', '\u00e9'.repeat(600), ''].join('\r\n');
    assert.equal(validateMessage(text).filter((p) => p.code === 'line-too-long').length, 1);
    assert.equal(validateMessage(text, { textEncoding: 'latin1' }).filter((p) => p.code === 'line-too-long').length, 0);
  });
});
