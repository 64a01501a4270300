/**
 * One table per `smtp` code of the catalogue: a transcript where it fires (with
 * the exact range) and near misses where it must not. Every case runs with CRLF
 * and with LF line ends.
 */
import { describe, test } from 'node:test';
import type { ProblemCode } from '../../../src/mail/codes';
import { assertFires, assertQuiet, lines, session } from './util';

interface Fires {
  name: string;
  code: ProblemCode;
  build: (eol: string) => string;
  covered: string;
  line: number;
}
interface Quiet {
  name: string;
  code: ProblemCode;
  build: (eol: string) => string;
}

/** Body lines start at line 7 in `session()` with its default three extensions. */
const B = 7;
const s = (body: string[], ext?: string[]) => (eol: string) => session(eol, body, ext);
const long = (n: number) => 'x'.repeat(n);

const FIRES: Fires[] = [
  { name: 'unknown prefix', code: 'line-prefix', build: s(['X: NOOP']), covered: 'X: NOOP', line: B },
  { name: 'lower-case prefix', code: 'line-prefix', build: s(['c: NOOP', 'S: 250 OK']), covered: 'c: NOOP', line: B },

  { name: 'unknown verb', code: 'unknown-command', build: s(['C: FROB now', 'S: 500 unrecognised']), covered: 'FROB', line: B },
  { name: 'empty command line', code: 'unknown-command', build: s(['C:', 'S: 500 unrecognised']), covered: 'C:', line: B },
  { name: 'RFC pseudo-line', code: 'unknown-command', build: s(['C: <opens connection>']), covered: '<opens connection>', line: B },

  { name: 'space after FROM:', code: 'command-syntax', build: s(['C: MAIL FROM: <a@example.org>', 'S: 250 OK', 'C: RSET', 'S: 250 OK']), covered: ' ', line: B },
  { name: 'path without brackets', code: 'command-syntax', build: s(['C: MAIL FROM:a@example.org', 'S: 501 syntax']), covered: 'a@example.org', line: B },
  { name: 'bad mailbox', code: 'command-syntax', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<bob@@example.org>', 'S: 501 bad', 'C: RSET', 'S: 250 OK']), covered: 'bob@@example.org', line: B + 2 },
  { name: 'domain label ends with hyphen', code: 'command-syntax', build: s(['C: MAIL FROM:<a@example-.org>', 'S: 501 bad']), covered: 'a@example-.org', line: B },
  { name: 'unclosed path', code: 'command-syntax', build: s(['C: MAIL FROM:<a@example.org', 'S: 501 bad']), covered: '<a@example.org', line: B },
  { name: 'RCPT null path', code: 'command-syntax', build: s(['C: MAIL FROM:<>', 'S: 250 OK', 'C: RCPT TO:<>', 'S: 501 bad', 'C: RSET', 'S: 250 OK']), covered: '<>', line: B + 2 },
  { name: 'DATA with an argument', code: 'command-syntax', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA now', 'S: 501 no arguments', 'C: RSET', 'S: 250 OK']), covered: 'now', line: B + 4 },
  { name: 'QUIT with an argument', code: 'command-syntax', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: EHLO a.example', 'S: 250 mx', 'C: QUIT now', 'S: 221 bye'), covered: 'now', line: 4 },
  { name: 'EHLO without domain', code: 'command-syntax', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: EHLO', 'S: 501 domain needed', 'C: QUIT', 'S: 221 bye'), covered: 'EHLO', line: 2 },
  { name: 'SIZE not a number', code: 'command-syntax', build: s(['C: MAIL FROM:<a@example.org> SIZE=big', 'S: 501 bad', 'C: RSET', 'S: 250 OK']), covered: 'SIZE=big', line: B },
  { name: 'BODY=8BITMIME not advertised', code: 'command-syntax', build: s(['C: MAIL FROM:<a@example.org> BODY=8BITMIME', 'S: 250 OK', 'C: RSET', 'S: 250 OK'], ['SIZE']), covered: 'BODY=8BITMIME', line: B - 2 },
  { name: 'NOTIFY value', code: 'command-syntax', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org> NOTIFY=ALWAYS', 'S: 501 bad', 'C: RSET', 'S: 250 OK']), covered: 'NOTIFY=ALWAYS', line: B + 2 },
  { name: 'AUTH initial response not base64', code: 'command-syntax', build: s(['C: AUTH PLAIN not-base64!', 'S: 501 5.5.2 bad'], ['AUTH PLAIN']), covered: 'not-base64!', line: B - 2 },
  { name: 'BDAT size mismatch', code: 'command-syntax', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: BDAT 5 LAST', 'C: Subject: hello', 'S: 250 OK'], ['CHUNKING']), covered: '5 LAST', line: B + 2 },

  { name: 'command over 512 octets', code: 'command-too-long', build: s([`C: NOOP ${long(600)}`, 'S: 250 OK']), covered: `NOOP ${long(600)}`.slice(510), line: B },
  { name: 'DATA line over 1000 octets', code: 'text-line-too-long', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C:', `C: ${long(1001)}`, 'C: .', 'S: 250 OK']), covered: long(3), line: B + 8 },
  { name: 'DATA line the client ended with a bare LF', code: 'bare-lf', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C:', 'C: first', '# bare LF', 'C: .', 'S: 250 OK']), covered: 'bare LF', line: B + 9 },
  { name: 'summary of bare LF lines not shown', code: 'bare-lf', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', '# message data: 2.0 MB in 9 lines; its header:', '# | Subject: x', '# bare LF: 3 lines of the message data ended with LF alone, not CRLF', 'C: .', 'S: 250 OK']), covered: 'bare LF', line: B + 8 },

  { name: 'MAIL before EHLO', code: 'out-of-sequence', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: MAIL FROM:<a@example.org>', 'S: 503 5.5.1 EHLO first', 'C: QUIT', 'S: 221 bye'), covered: 'MAIL', line: 2 },
  { name: 'RCPT before MAIL', code: 'out-of-sequence', build: s(['C: RCPT TO:<b@example.org>', 'S: 503 need MAIL']), covered: 'RCPT', line: B },
  { name: 'RCPT after a refused MAIL', code: 'out-of-sequence', build: s(['C: MAIL FROM:<a@example.org>', 'S: 550 no', 'C: RCPT TO:<b@example.org>', 'S: 503 need MAIL']), covered: 'RCPT', line: B + 2 },
  { name: 'DATA after every RCPT was refused', code: 'out-of-sequence', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 550 no such user', 'C: DATA', 'S: 554 no valid recipients']), covered: 'DATA', line: B + 4 },
  { name: 'nested MAIL', code: 'out-of-sequence', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: MAIL FROM:<c@example.org>', 'S: 503 nested MAIL', 'C: RSET', 'S: 250 OK']), covered: 'MAIL', line: B + 2 },
  { name: 'command after QUIT', code: 'out-of-sequence', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: EHLO a.example', 'S: 250 mx', 'C: QUIT', 'S: 221 bye', 'C: NOOP'), covered: 'NOOP', line: 6 },
  { name: 'MAIL right after STARTTLS', code: 'out-of-sequence', build: s(['C: STARTTLS', 'S: 220 go ahead', 'C: MAIL FROM:<a@example.org>', 'S: 503 EHLO first'], ['STARTTLS']), covered: 'MAIL', line: B },
  { name: 'AUTH after HELO', code: 'out-of-sequence', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: HELO a.example', 'S: 250 mx', 'C: AUTH PLAIN', 'S: 503 no', 'C: QUIT', 'S: 221 bye'), covered: 'AUTH', line: 4 },
  { name: 'second AUTH', code: 'out-of-sequence', build: s(['C: AUTH EXTERNAL =', 'S: 235 ok', 'C: AUTH EXTERNAL =', 'S: 503 already authenticated'], ['AUTH EXTERNAL']), covered: 'AUTH', line: B },
  { name: 'pipelined after a group ender', code: 'out-of-sequence', build: s(['C: EHLO again.example', 'C: MAIL FROM:<a@example.org>', 'S: 250 mx', 'S: 250 OK', 'C: RSET', 'S: 250 OK'], ['PIPELINING']), covered: 'MAIL', line: B - 1 },

  { name: 'first reply is not 220', code: 'missing-greeting', build: (eol) => lines(eol, 'S: 250 hello', 'C: QUIT', 'S: 221 bye'), covered: '250', line: 1 },
  { name: 'transcript starts with the client', code: 'missing-greeting', build: (eol) => lines(eol, 'C: EHLO a.example', 'S: 250 mx', 'C: QUIT', 'S: 221 bye'), covered: 'C: EHLO a.example', line: 1 },

  { name: 'second digit 6', code: 'reply-code-invalid', build: s(['C: NOOP', 'S: 260 OK']), covered: '260', line: B + 1 },
  { name: 'no code', code: 'reply-code-invalid', build: s(['C: NOOP', 'S: OK', 'S: 250 OK']), covered: 'OK', line: B + 1 },
  { name: 'bad separator', code: 'reply-code-invalid', build: s(['C: NOOP', 'S: 250/OK', 'S: 250 OK']), covered: '250/', line: B + 1 },

  { name: '354 to RSET', code: 'reply-unexpected', build: s(['C: RSET', 'S: 354 go ahead']), covered: '354', line: B + 1 },
  { name: '250 straight to DATA (354 expected first)', code: 'reply-unexpected', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 250 OK']), covered: '250', line: B + 5 },
  { name: '250 to QUIT', code: 'reply-unexpected', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: QUIT', 'S: 250 bye'), covered: '250', line: 3 },

  { name: 'continuation with another code', code: 'multiline-reply', build: s(['C: HELP', 'S: 214-Commands:', 'S: 211 HELO EHLO']), covered: '211', line: B + 2 },
  { name: 'reply never ends', code: 'multiline-reply', build: s(['C: NOOP', 'S: 250-OK']), covered: '250-', line: B + 1 },

  { name: 'surplus reply', code: 'reply-without-command', build: s(['C: NOOP', 'S: 250 OK', 'S: 250 OK again']), covered: '250', line: B + 2 },

  { name: 'pipelined without PIPELINING', code: 'missing-reply', build: s(['C: NOOP', 'C: RSET', 'S: 250 OK']), covered: 'NOOP', line: B },
  { name: 'no reply at the end', code: 'missing-reply', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: EHLO a.example', 'S: 250 mx', 'C: QUIT'), covered: 'QUIT', line: 4 },
  { name: 'DATA without 354', code: 'missing-reply', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'C: Subject: hi', 'C:', 'C: body', 'C: .', 'S: 250 OK']), covered: 'DATA', line: B + 4 },

  { name: 'body without its dot', code: 'data-not-terminated', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: EHLO a.example', 'S: 250 mx', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: hi', 'C:', 'C: body'), covered: 'DATA', line: 8 },

  { name: 'no enhanced code', code: 'enhanced-status-syntax', build: s(['C: NOOP', 'S: 250 OK'], ['ENHANCEDSTATUSCODES']), covered: 'OK', line: B - 1 },
  { name: 'malformed enhanced code', code: 'enhanced-status-syntax', build: s(['C: NOOP', 'S: 250 2.0.0000 OK'], ['ENHANCEDSTATUSCODES']), covered: '2.0.0000', line: B - 1 },
  { name: 'enhanced class differs', code: 'enhanced-status-syntax', build: s(['C: NOOP', 'S: 250 5.0.0 OK'], ['ENHANCEDSTATUSCODES']), covered: '5.0.0', line: B - 1 },

  { name: 'AUTH PLAIN initial response', code: 'credentials-exposed', build: s(['C: AUTH PLAIN AGpvaG4Ac2VjcmV0', 'S: 235 ok'], ['AUTH PLAIN']), covered: 'AGpvaG4Ac2VjcmV0', line: B - 2 },
  { name: 'AUTH PLAIN after 334', code: 'credentials-exposed', build: s(['C: AUTH PLAIN', 'S: 334 ', 'C: AGpvaG4Ac2VjcmV0', 'S: 235 ok'], ['AUTH PLAIN']), covered: 'AGpvaG4Ac2VjcmV0', line: B },
  { name: 'AUTH LOGIN password', code: 'credentials-exposed', build: s(['C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', 'C: <redacted>', 'S: 334 UGFzc3dvcmQ6', 'C: c2VjcmV0', 'S: 235 ok'], ['AUTH LOGIN']), covered: 'c2VjcmV0', line: B + 2 },
  { name: 'nodemailer-masked PLAIN still shows the user', code: 'credentials-exposed', build: s(['C: AUTH PLAIN AHVzZXJAZXhhbXBsZS5vcmcALyogc2VjcmV0ICov', 'S: 235 ok'], ['AUTH PLAIN']), covered: 'AHVzZXJAZXhhbXBsZS5vcmcALyogc2VjcmV0ICov', line: B - 2 },

  { name: 'AUTH LOGIN user name in plain text', code: 'credentials-exposed', build: s(['C: AUTH LOGIN', 'S: 334 Username:', 'C: me@example.org', 'S: 334 Password:', 'C: <redacted>', 'S: 235 ok'], ['AUTH LOGIN']), covered: 'me@example.org', line: B },
  { name: 'AUTH PLAIN with \\0 separators in plain text', code: 'credentials-exposed', build: s(['C: AUTH PLAIN \\0me@example.org\\0s3cret', 'S: 235 ok'], ['AUTH PLAIN']), covered: '\\0me@example.org\\0s3cret', line: B - 2 },
  { name: 'lost EHLO reply', code: 'missing-reply', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: EHLO a.example', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: QUIT', 'S: 221 bye'), covered: 'EHLO', line: 2 },

  { name: 'ends open', code: 'missing-quit', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: EHLO a.example', 'S: 250 mx'), covered: '250 mx', line: 3 },
];

const QUIET: Quiet[] = [
  { name: 'annotations, blank lines and C: alone in a body', code: 'line-prefix', build: s(['# a note', '', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C:', 'C: hi', 'C: .', 'S: 250 OK']) },
  { name: 'lower-case verbs', code: 'unknown-command', build: s(['C: noop', 'S: 250 OK', 'C: Rset', 'S: 250 OK']) },
  { name: 'valid paths and parameters', code: 'command-syntax', build: s(['C: MAIL FROM:<> SIZE=100 BODY=8BITMIME RET=HDRS ENVID=QQ314159', 'S: 250 OK', 'C: RCPT TO:<Postmaster>', 'S: 250 OK', 'C: RCPT TO:<"john doe"@example.org> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;john@example.org', 'S: 250 OK', 'C: RCPT TO:<a@[192.0.2.1]>', 'S: 250 OK', 'C: RCPT TO:<@relay.example:c@example.org>', 'S: 250 OK', 'C: RSET', 'S: 250 OK']) },
  { name: 'redacted AUTH data', code: 'command-syntax', build: s(['C: AUTH PLAIN <redacted>', 'S: 235 ok'], ['AUTH PLAIN']) },
  { name: 'redacted AUTH data is not exposed', code: 'credentials-exposed', build: s(['C: AUTH LOGIN <redacted>', 'S: 334 UGFzc3dvcmQ6', 'C: <redacted>', 'S: 235 ok'], ['AUTH LOGIN']) },
  { name: 'CRAM-MD5 hides the password', code: 'credentials-exposed', build: s(['C: AUTH CRAM-MD5', 'S: 334 PDEyMzQ1QGV4YW1wbGUub3JnPg==', 'C: dXNlciA5ZjhjMmFkNGU3MmE5YjM4', 'S: 235 ok'], ['AUTH CRAM-MD5']) },
  { name: '512 octets exactly', code: 'command-too-long', build: s([`C: NOOP ${long(505)}`, 'S: 250 OK']) },
  { name: 'a note that mentions a bare LF is not the marker', code: 'bare-lf', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C:', 'C: first', '# no bare LF here', 'C: .', 'S: 250 OK']) },
  { name: '# bare LF outside a DATA body', code: 'bare-lf', build: s(['# bare LF', 'C: NOOP', 'S: 250 OK']) },
  { name: 'bare LF as message text', code: 'bare-lf', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C:', 'C: bare LF', 'C: .', 'S: 250 OK']) },
  { name: '1000 octets exactly', code: 'text-line-too-long', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', `C: ${long(998)}`, 'C: .', 'S: 250 OK']) },
  { name: 'a new transaction needs no new EHLO (RFC 5321, not the seed article)', code: 'out-of-sequence', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: 1', 'C: .', 'S: 250 OK', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<c@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: 2', 'C: .', 'S: 250 OK']) },
  { name: 'RSET, NOOP, HELP, VRFY, EXPN before EHLO', code: 'out-of-sequence', build: (eol) => lines(eol, 'S: 220 mx', 'C: NOOP', 'S: 250 OK', 'C: RSET', 'S: 250 OK', 'C: HELP', 'S: 214 see RFC 5321', 'C: VRFY bob', 'S: 252 cannot verify', 'C: EXPN staff', 'S: 502 no', 'C: QUIT', 'S: 221 bye') },
  { name: 'second EHLO mid-session, MAIL after RSET', code: 'out-of-sequence', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RSET', 'S: 250 OK', 'C: EHLO client.example.org', 'S: 250 mx', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RSET', 'S: 250 OK']) },
  { name: 'pipelined DATA before RCPT replies', code: 'out-of-sequence', build: s(['C: MAIL FROM:<a@example.org>', 'C: RCPT TO:<b@example.org>', 'C: DATA', 'S: 250 OK', 'S: 550 no', 'S: 554 no valid recipients'], ['PIPELINING']) },
  { name: 'EHLO, then QUIT right after STARTTLS', code: 'out-of-sequence', build: s(['C: STARTTLS', 'S: 220 go ahead'], ['STARTTLS']) },
  { name: '554 refusal greeting', code: 'missing-greeting', build: (eol) => lines(eol, 'S: 554 no SMTP service here', 'C: QUIT', 'S: 221 bye') },
  { name: 'a bare code', code: 'reply-code-invalid', build: s(['C: NOOP', 'S: 250']) },
  { name: '421 after any command', code: 'reply-unexpected', build: (eol) => lines(eol, 'S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: MAIL FROM:<a@example.org>', 'S: 421 shutting down') },
  { name: '252 to VRFY, 251 to RCPT, 530 to MAIL', code: 'reply-unexpected', build: s(['C: VRFY bob', 'S: 252 try it', 'C: MAIL FROM:<a@example.org>', 'S: 530 auth first', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 251 forwarding', 'C: RSET', 'S: 250 OK']) },
  { name: 'a proper multi-line reply', code: 'multiline-reply', build: s(['C: HELP', 'S: 214-Commands:', 'S: 214-  HELO EHLO MAIL', 'S: 214 End']) },
  { name: 'pipelining when advertised', code: 'reply-without-command', build: s(['C: MAIL FROM:<a@example.org>', 'C: RCPT TO:<b@example.org>', 'C: DATA', 'S: 250 OK', 'S: 250 OK', 'S: 354 go', 'C: Subject: x', 'C: .', 'C: QUIT', 'S: 250 OK', 'S: 221 bye'], ['PIPELINING']) },
  { name: 'every command answered', code: 'missing-reply', build: s(['C: NOOP', 'S: 250 OK']) },
  { name: 'terminated body, dot-stuffed line', code: 'data-not-terminated', build: s(['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: ..', 'C: .', 'S: 250 OK']) },
  { name: 'enhanced codes everywhere they are due', code: 'enhanced-status-syntax', build: s(['C: NOOP', 'S: 250 2.0.0 OK', 'C: DATA', 'S: 503 5.5.1 need MAIL', 'C: EHLO client.example.org', 'S: 250 mx'], ['ENHANCEDSTATUSCODES']) },
  { name: 'no ENHANCEDSTATUSCODES, no check', code: 'enhanced-status-syntax', build: s(['C: NOOP', 'S: 250 OK']) },
  { name: 'a lost EHLO reply is not a pipelining or sequence error', code: 'out-of-sequence', build: (eol) => lines(eol, 'S: 220 mx ready', 'C: EHLO a.example', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: QUIT', 'S: 221 bye') },
  { name: 'a fragment starting with 535 is not a closed session', code: 'out-of-sequence', build: (eol) => lines(eol, 'S: 535 5.7.8 bad credentials', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: QUIT', 'S: 221 bye') },
  { name: 'PRDR: 353 after the data', code: 'reply-unexpected', build: s(['C: MAIL FROM:<a@example.org> PRDR', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: RCPT TO:<c@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C: .', 'S: 353 PRDR', 'S: 250 b ok', 'S: 550 c refused', 'S: 250 done'], ['PIPELINING', 'PRDR']) },
  { name: 'PRDR: one reply per accepted recipient', code: 'reply-without-command', build: s(['C: MAIL FROM:<a@example.org> PRDR', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: RCPT TO:<c@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C: .', 'S: 353 PRDR', 'S: 250 b ok', 'S: 550 c refused', 'S: 250 done'], ['PIPELINING', 'PRDR']) },
  { name: 'AUTH PLAIN data in plain text is not a syntax error', code: 'command-syntax', build: s(['C: AUTH PLAIN \\0me@example.org\\0s3cret', 'S: 235 ok'], ['AUTH PLAIN']) },
  { name: 'QUIT answered', code: 'missing-quit', build: s(['C: NOOP', 'S: 250 OK']) },
  { name: 'server closed with 421', code: 'missing-quit', build: (eol) => lines(eol, 'S: 220 mx', 'C: EHLO a.example', 'S: 421 bye') },
];

for (const eol of ['\r\n', '\n']) {
  const tag = eol === '\n' ? 'LF' : 'CRLF';
  describe(`smtp codes fire (${tag})`, () => {
    for (const c of FIRES) {
      test(`${c.code}: ${c.name}`, () => {
        assertFires(c.build(eol), c.code, c.covered, c.line);
      });
    }
  });
  describe(`smtp codes stay quiet on near misses (${tag})`, () => {
    for (const c of QUIET) {
      test(`${c.code}: ${c.name}`, () => {
        assertQuiet(c.build(eol), c.code);
      });
    }
  });
}
