/**
 * Every user-facing text of the transcript validator, in English, one function
 * per code (and per variant); each language has its table (other languages in
 * ../locales/<language>.ts) and a caller passes its locale bundle's table in (../i18n.ts).
 */
import { plural } from '../plural';
import { ENGLISH_DETAILS, renderDetail, type Detail } from '../message/messages';
import { DIALECT_NAMES, type Dialect } from './lines';

/** Renders a detail key (what an argument should be, why a path is bad) in English. */
const d = (detail: Detail): string => renderDetail(ENGLISH_DETAILS, detail);

const englishTranscriptMessages = {
  linePrefix: (): string => 'This line is not `C: ` (client), `S: ` (server), blank, or a `#` annotation.',
  pseudoLine: (side: 'C' | 'S'): string =>
    `\`${side}: <...>\` is a pseudo-line from an RFC example, not protocol text; write it as a \`#\` annotation.`,

  unknownCommand: (verb: string): string => `\`${verb}\` is not an SMTP or ESMTP command.`,
  emptyCommand: (): string => 'An empty client line where a command is expected (outside a DATA body).',

  // command-syntax
  missingArgument: (verb: string, what: Detail): string => `${verb} needs ${d(what)}.`,
  noArguments: (verb: string): string => `${verb} takes no arguments.`,
  verbSeparator: (verb: string): string => `The verb ${verb} must be followed by a single space.`,
  pathPrefix: (verb: string, keyword: string): string => `${verb} must be followed by \`${keyword}<address>\` (RFC 5321 §4.1.1).`,
  spaceAfterColon: (keyword: string): string => `No space is allowed after \`${keyword}\`: write \`${keyword}<address>\` (RFC 5321 §4.1.2).`,
  pathNotBracketed: (): string => 'The address must be enclosed in angle brackets: `<user@example.com>`.',
  pathUnclosed: (): string => 'The `<` of the path is never closed by `>`.',
  nullPathNotAllowed: (): string => 'The null path `<>` is only allowed in MAIL FROM; RCPT TO needs a recipient.',
  mailboxSyntax: (detail: Detail): string => `Invalid mailbox: ${d(detail)}.`,
  parameterSyntax: (param: string): string => `\`${param}\` is not a valid ESMTP parameter (keyword[=value]).`,
  parameterValue: (keyword: string, expected: Detail): string => `${keyword} must be ${d(expected)}.`,
  parameterDuplicate: (keyword: string): string => `The parameter ${keyword} is given twice.`,
  parameterNotAdvertised: (keyword: string, extension: string, rfc: string): string =>
    `${keyword} is used but the server did not advertise ${extension} in its EHLO reply (${rfc}).`,
  domainSyntax: (verb: string): string => `${verb} needs a domain name or an address literal such as [192.0.2.1].`,
  authMechanism: (): string => 'A SASL mechanism name is 1-20 upper-case letters, digits, `-` or `_`.',
  authInitialResponse: (): string => 'The initial response must be base64 (or `=` for an empty one).',
  authResponse: (): string => 'A SASL response must be base64, or `*` to cancel.',
  bdatSize: (): string => 'BDAT needs the chunk size in octets, optionally followed by LAST.',
  bdatMismatch: (declared: number, actual: number): string =>
    `BDAT declares ${declared} octets but the chunk lines that follow hold ${actual}.`,

  commandTooLong: (octets: number): string => `This command line is ${octets} octets with CRLF; the limit is 512 (RFC 5321 §4.5.3.1.4).`,
  bareLf: (): string =>
    'The client ended this message line with a bare LF, not CRLF (RFC 5321 §2.3.8); servers disagree on where such a line ends, which is how "SMTP smuggling" hides a second message.',
  textLineTooLong: (octets: number): string => `This message line is ${octets} octets with CRLF; SMTP allows 1000 (RFC 5321 §4.5.3.1.6).`,

  // out-of-sequence
  beforeHello: (verb: string): string => `${verb} before HELO/EHLO: the client must greet the server first (RFC 5321 §4.1.4).`,
  authNeedsEhlo: (): string => 'AUTH is an ESMTP extension: it needs EHLO, not HELO (RFC 4954 §4).',
  nestedMail: (): string => 'MAIL while a transaction is open: finish it (DATA) or abort it (RSET) first (RFC 5321 §4.1.4).',
  rcptBeforeMail: (): string => 'RCPT without an accepted MAIL: start the transaction with MAIL FROM first (RFC 5321 §4.1.4).',
  dataBeforeRcpt: (verb: string): string => `${verb} without an accepted RCPT: the transaction has no recipient (RFC 5321 §4.1.4).`,
  afterQuit: (): string => 'A command after QUIT: the session is closed.',
  afterStarttls: (verb: string): string =>
    `${verb} right after STARTTLS: the client must send EHLO again on the new TLS session (RFC 3207 §4.2).`,
  starttlsTwice: (): string => 'STARTTLS inside a TLS session.',
  authTwice: (): string => 'AUTH after a successful AUTH: the server must refuse it with 503 (RFC 4954 §4).',
  authInTransaction: (): string => 'AUTH is not allowed during a mail transaction (RFC 4954 §4).',
  afterGroupEnder: (verb: string, previous: string): string =>
    `${verb} was pipelined after ${previous}, which must be the last command of a group (RFC 2920 §3.1).`,
  afterClosingReply: (code: number): string => `A command after the server closed the session with ${code}.`,

  missingGreeting: (): string => "The session does not start with the server's 220 greeting.",
  missingGreetingFragment: (): string =>
    "The transcript starts with a client command, not the server's 220 greeting; it is read as a fragment (sequence checks start at the first HELO/EHLO).",
  greetingCode: (code: number): string => `The server's first reply should be the 220 greeting (or 554 refusal), not ${code}.`,

  replyCodeInvalid: (): string => 'A server line must start with a three-digit reply code: first digit 2-5, second 0-5 (RFC 5321 §4.2).',
  replySeparator: (): string => 'After the reply code comes a space (last line) or a hyphen (more lines follow) (RFC 5321 §4.2.1).',
  /** `after` is a verb, or `.` for the end of the message. */
  replyUnexpected: (code: number, after: string, expected: readonly number[]): string =>
    `${code} is not a reply RFC 5321 §4.3.2 lists for ${after === '.' ? 'the end of the message' : after} (expected ${expected.join(', ')}).`,

  multilineCodeDiffers: (first: string, here: string): string =>
    `This continuation line has code ${here}, but the reply started with ${first}; all lines of a reply share one code (RFC 5321 §4.2.1).`,
  multilineNotEnded: (code: string): string =>
    `This reply never ends: the last line must be \`${code} text\` (a space, not a hyphen, after the code) (RFC 5321 §4.2.1).`,

  replyWithoutCommand: (): string => 'A server reply with no client command waiting for it.',
  replyWithoutCommandNoPipelining: (): string =>
    'A server reply with no command waiting for it: the client sent several commands without waiting, but the server did not advertise PIPELINING (RFC 2920).',
  /** `verb` is `.` for the end of the message (in both). */
  missingReply: (verb: string): string => `${verb === '.' ? 'The end of the message' : verb} never gets a reply.`,
  missingReplyNoPipelining: (verb: string): string =>
    `${verb === '.' ? 'The end of the message' : verb} gets no reply before the next command: without PIPELINING advertised the client must wait for each reply (RFC 2920).`,
  missing354: (): string => 'DATA gets no 354 reply before the message lines.',

  dataNotTerminated: (): string => 'This message body never ends: it needs a line holding only `.` (RFC 5321 §4.1.1.4).',

  enhancedMissing: (): string =>
    'The server advertised ENHANCEDSTATUSCODES, so this reply text should start with a class.subject.detail code such as 2.0.0 (RFC 2034 §4).',
  enhancedSyntax: (): string => 'An enhanced status code is class.subject.detail: class 2, 4 or 5, then numbers of 1-3 digits (RFC 3463 §2).',
  enhancedClassMismatch: (enhanced: string, code: number): string =>
    `The enhanced code ${enhanced} has a different class from the reply code ${code} (RFC 3463 §2).`,

  credentialsPlain: (): string => 'AUTH PLAIN data is only base64: anyone reading this transcript can decode the user name and password. Redact it.',
  credentialsUserOnly: (): string => 'The password is masked, but the user name is readable in this AUTH data (base64). Redact it.',
  credentialsLogin: (what: Detail): string => `This AUTH LOGIN response is the ${d(what)}, only base64-encoded. Redact it.`,
  credentialsToken: (mechanism: string): string => `This ${mechanism} response carries a bearer token, readable in the transcript. Redact it.`,
  credentialsClearPlain: (): string => 'This AUTH PLAIN data shows the user name and password in plain text (as swaks --auth-plaintext prints it). Redact it.',
  credentialsClearUser: (): string => 'The password is masked, but this AUTH data shows the user name in plain text. Redact it.',
  credentialsClearLogin: (what: Detail): string => `This AUTH LOGIN response is the ${d(what)} in plain text (as swaks --auth-plaintext prints it). Redact it.`,

  missingQuit: (): string => 'The transcript ends with the session still open (no QUIT and 221).',

  problemsLeftOut: (total: number, max: number, byCode: string): string =>
    `(${total} more ${plural('en', total, { one: 'problem', other: 'problems' })} left out: each code is reported at most ${max} times per document; ${byCode}.)`,

  // eight-bit-without-8bitmime (RFC 6152 §3)
  eightBitUndeclared: (): string => 'This message line holds octets above 127, but MAIL FROM did not declare BODY=8BITMIME (RFC 6152 §3): re-encode the part (quoted-printable or base64) or declare it.',
  eightBitNotOffered: (): string => 'This message line holds octets above 127, but the server did not advertise 8BITMIME (RFC 6152 §3): the part had to be re-encoded (quoted-printable or base64).',
  // smtputf8-required (RFC 6531 §3.4)
  utf8AddressUndeclared: (verb: string): string => `A non-ASCII address in ${verb} needs the SMTPUTF8 parameter on MAIL FROM (RFC 6531 §3.4).`,
  utf8AddressNotOffered: (verb: string): string => `A non-ASCII address in ${verb}, but the server did not advertise SMTPUTF8 (RFC 6531 §3.4): it cannot take this address.`,

  // outcomes (code lens / inlay hints / outline)
  outcomeDelivered: (accepted: number, total: number, reply: string): string =>
    accepted === total ? `delivered to ${accepted} ${plural('en', accepted, { one: 'recipient', other: 'recipients' })}: ${reply}` : `delivered to ${accepted} of ${total} recipients: ${reply}`,
  /** `stage` is a verb, or `.` for the end of data. */
  outcomeRejectedAt: (stage: string, reply: string): string => `rejected at ${stage === '.' ? 'end of data' : stage}: ${reply}`,
  outcomeNoRecipients: (total: number): string => `no recipient accepted (${total} refused)`,
  outcomeReset: (): string => 'aborted with RSET',
  outcomeUnfinished: (): string => 'transaction never finished',
  outcomeNoReply: (): string => 'message sent, no final reply in the transcript',
  outcomeRecipient: (address: string, reply: string): string => `PRDR: ${address} answered ${reply}`,

  convertAction: (dialect: Dialect): string => `Convert this ${DIALECT_NAMES[dialect]} to a C:/S: transcript`,
  redactAction: (): string => 'Redact the credentials',
  annotateAction: (): string => 'Turn this line into a # annotation',
  replaceAction: (replacement: string): string => (replacement === '' ? 'Remove it' : `Replace with ${replacement}`),
  redactAllAction: (): string => 'Redact all credentials in this transcript',
  declare8BitMimeAction: (): string => 'Declare BODY=8BITMIME in MAIL FROM',
  elidedData: (): string => 'message body not recorded in the log',

  // Send: why a session failed (src/send), by nodemailer's error code and the command it failed on.
  sendSenderRefused: (reply: string): string => `Server refused the sender: ${reply}`,
  sendSenderFailed: (why: string): string => `The sender was refused: ${why}`,
  sendTooBig: (size: number, limit: number): string =>
    `The message is ${size} octets, more than the ${limit} the server accepts (SIZE in its EHLO reply, RFC 1870); it was not sent.`,
  sendRecipientRefused: (address: string, reply: string): string => `Server refused recipient ${address}: ${reply}`,
  sendEveryRecipientRefused: (list: string): string => `Server refused every recipient: ${list}`,
  sendDataRefused: (reply: string): string => `Server refused to take the message data: ${reply}`,
  sendMessageRefused: (reply: string): string => `Server refused the message: ${reply}`,
  sendLoginRefused: (reply: string): string => `Server refused the login: ${reply}`,
  sendLoginFailed: (why: string): string => `Login failed: ${why}`,
  sendNoStartTls: (reply: string): string => `Server does not support STARTTLS, which the profile requires: ${reply}`,
  sendEnvelopeRefused: (why: string): string => `The envelope was refused before sending: ${why}`,
  sendCertificateRefused: (reason: string): string =>
    `The server's TLS certificate was refused: ${reason}. Trust it with the profile's CA file, or turn off certificate checking for this profile (rejectUnauthorized: false / --insecure) if you know the server.`,
  sendTlsFailed: (server: string, why: string): string => `TLS failed with ${server}: ${why}`,
  sendConnectionRefusedByServer: (reply: string): string => `Server refused the connection: ${reply}`,
  sendNoGreeting: (server: string, ms: number): string => `The server at ${server} did not send its greeting within ${ms} ms.`,
  sendConnectTimeout: (server: string, ms: number): string => `Could not connect to ${server} within ${ms} ms.`,
  sendStoppedAnswering: (server: string, ms: number, stage: string): string =>
    `The server at ${server} stopped answering (no reply within ${ms} ms) during ${stage}.`,
  sendConnectionRefused: (server: string): string => `Could not connect to ${server}: connection refused.`,
  sendHostNotFound: (host: string, why: string): string => `Could not find the server ${host}: ${why}`,
  sendClosed: (stage: string, lastReply: string): string => `The server closed the connection during ${stage}${lastReply ? ` (last reply: ${lastReply})` : ''}.`,
  sendUnexpectedReply: (stage: string, reply: string): string => `Unexpected reply from the server during ${stage}: ${reply}`,
  sendCancelled: (): string => 'Cancelled',
  sendCancelledAfterData: (): string => 'Cancelled after the whole message had been sent: it may have been delivered; check before sending again.',
  sendMaybeDelivered: (message: string): string =>
    `${message.replace(/\.?$/, '.')} The whole message had been sent and no answer to it came: it may have been delivered; check before sending again.`,
  sendStageDeadline: (server: string, stage: string, ms: number): string =>
    `The server at ${server} did not complete ${stage} within ${ms} ms (the deadline of a stage); the session was ended.`,
  sendReplyTooBig: (server: string, what: string, stage: string): string =>
    `The server at ${server} sent ${what} during ${stage} (RFC 5321 §4.5.3.1.5 allows 512 octets a line); the session was ended.`,
  /** What made a reply too big (inside `sendReplyTooBig`). */
  sendReplyOverflow: (unit: 'bytes' | 'lines', limit: number): string => `a reply of more than ${limit} ${unit}`,
  sendNotEncrypted: (): string => 'The connection is not encrypted although the profile requires TLS.',
  sendNoOAuth2Token: (): string => 'No OAuth2 access token: the profile has no token command.',
  // XOAUTH2 logins that failed (RFC 7628 §3.2.2).
  oauth2LoginFailed: (why: string): string => `The OAuth2 login failed: ${why}`,
  oauth2NotOffered: (reply: string): string => `The server does not accept XOAUTH2 (OAuth2) logins: ${reply}`,
  /** `fetched`: how many times the token command ran (more than once: a fresh token was refused too). */
  oauth2TokenRefused: (reply: string, fetched: number): string =>
    `The server refused the OAuth2 access token: ${reply}. The token has most likely expired, or it was issued for another account or without the mail scope (Gmail: https://mail.google.com/; Microsoft 365: SMTP.Send).${fetched > 1 ? ` The token command ran ${fetched} times; the fresh token was refused too.` : ''} Check that the token command prints a current access token for this user.`,
  oauth2Refused: (reply: string): string => `Server refused the OAuth2 login: ${reply}`,
  // Refusals before connecting (the profile or the message cannot be sent as they are).
  sendCaFileUnreadable: (file: string, why: string): string => `Cannot read the CA file ${file}: ${why}`,
  sendEhloNameInvalid: (name: string): string =>
    `The EHLO name ${JSON.stringify(name)} cannot be used: give a domain name (like client.example.com) or an address literal (like [192.0.2.1]).`,
  sendCleartextAuth: (): string =>
    'Security "none" with a user name would send the password in the clear (AUTH without TLS). Use STARTTLS or TLS, or allow it explicitly for this profile (allowCleartextAuth: true; --allow-cleartext-auth on the command line).',
  sendNoPassword: (): string => 'No password given for the login.',
  sendNeedsSmtputf8: (address: string): string =>
    `The server does not offer SMTPUTF8 (RFC 6531), so the address ${address} (not ASCII) cannot be sent; use an ASCII address (a domain in its xn-- form).`,
  sendInternalError: (message: string): string => `Internal error: ${message}`,
  /** A `# wait` line of a local inbox script over the limit (`written`: the duration as the script wrote it). */
  scriptWaitTooLong: (written: string): string => `A wait of at most 1 hour is allowed, not ${written}.`,
  // Why a message has no envelope it can be sent with (src/mail/envelope.ts).
  envelopeHeaderUncertain: (line: number, shown: string, why: string): string =>
    `The header cannot be read with certainty: line ${line} (${shown}) ${why}. Correct that line (or add the blank line where the body starts); the message is not sent as it is.`,
  envelopeNotAField: (): string =>
    'it is not a header field (a field is Name: value, the name without spaces), so the header would end there and every line after it, a Bcc field too, would be read as body',
  envelopeFieldNameUnclear: (): string => 'its field name is empty or holds a character outside printable ASCII, so readers may disagree on which field it is',
  envelopeFoldContinuesNothing: (): string => 'it is indented but continues no field',
  envelopeBareCr: (): string => 'The header holds a bare CR (a carriage return without a line feed): it could split a field in two. Remove it or make it a proper line end.',
  envelopeNoSender: (): string => 'No sender: the message has no From or Sender mailbox; add a From field or give an envelope sender.',
  envelopeSenderUnusable: (address: string, why: string): string => `Sender ${JSON.stringify(address)} cannot be used: ${why}.`,
  envelopeRecipientUnusable: (address: string, why: string): string => `Recipient ${JSON.stringify(address)} cannot be used: ${why}.`,
  envelopeNoRecipientListEmpty: (): string => 'No recipient: the recipient list is empty',
  /** `fields`: the recipient fields looked at (`To, Cc or Bcc` or their Resent forms). */
  envelopeNoRecipientField: (resent: boolean, fields: string): string =>
    `No recipient: ${resent ? `the newest Resent block has no ${fields}` : `the message has no ${fields}`}`,
  envelopeNoRecipientReadable: (fields: string): string => `No recipient: the ${fields} fields name no address that could be read`,
  envelopeNoUsableRecipient: (): string => 'No recipient: none of the addresses can be used.',
  envelopeBlindFieldLeft: (): string => 'The header of the data to transmit still holds a Bcc field or a line that is not a field; the message is not sent.',
};

/** Labels of hover, outline and completion texts (localisable with the rest). */
const englishTranscriptLabels = {
  syntax: 'Syntax',
  replies: 'Replies it may get',
  alwaysReplies: 'and, after any command, 421, 500-504, 554',
  inReplyTo: (verb: string): string => `In reply to ${verb === '.' ? 'the end of the message' : verb}.`,
  greeting: 'The greeting: the first reply of the session.',
  unknownCode: 'Not a code RFC 5321 defines; read it by its digits.',
  enhanced: (code: string): string => `Enhanced status code ${code} (RFC 3463)`,
  enhancedClass: 'Class',
  enhancedSubject: 'Subject',
  enhancedDetail: 'Detail',
  extension: (keyword: string, rfc: string): string => `EHLO keyword ${keyword} (${rfc})`,
  unknownExtension: 'An extension keyword this editor does not describe (private or newer than its list).',
  connection: 'Connection',
  tls: 'TLS',
  transaction: (from: string): string => `Transaction from ${from}`,
  nullSender: '<> (null sender)',
  unknownSender: '(before this transcript)',
  sender: (addr: string): string => `From ${addr}`,
  recipient: (addr: string): string => `To ${addr}`,
  accepted: (code: number): string => `${code} accepted`,
  refused: (code: number): string => `${code} refused`,
  noReply: 'no reply',
  message: 'Message',
  octets: (n: number, lines: number): string => `${n} ${plural('en', n, { one: 'octet', other: 'octets' })}, ${lines} ${plural('en', lines, { one: 'line', other: 'lines' })}`,
  elided: 'body not recorded',
  finalReply: 'Final reply',
  extensions: (n: number): string => `${n} ${plural('en', n, { one: 'extension', other: 'extensions' })}`,
  clientLine: 'client line',
  serverLine: 'server line',
  snippetFrom: 'MAIL FROM:<address>',
  snippetTo: 'RCPT TO:<address>',
};

/** The shape of a transcript message table (a translation implements it). */
export type TranscriptMessageTable = typeof englishTranscriptMessages;
/** The shape of a transcript label table. */
export type TranscriptLabelTable = typeof englishTranscriptLabels;

/** The English tables, for translations and parity tests. */
export const ENGLISH_TRANSCRIPT_MESSAGES: TranscriptMessageTable = englishTranscriptMessages;
export const ENGLISH_TRANSCRIPT_LABELS: TranscriptLabelTable = englishTranscriptLabels;
