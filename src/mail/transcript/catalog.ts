/**
 * Reference data for SMTP transcripts: commands, reply codes, enhanced status
 * codes and EHLO keywords. Pure data (English text kept here so that one later
 * pass can localise it), used by the validator (which replies a command may
 * get) and by hover and completion.
 */

/** One SMTP command. */
export interface CommandInfo {
  readonly verb: string;
  readonly syntax: string;
  readonly summary: string;
  readonly rfc: string;
  /** Reply codes RFC 5321 §4.3.2 (or the extension's RFC) lists for it. */
  readonly replies: readonly number[];
  /** RFC 2920 §3.1: must be the last command of a pipelined group. */
  readonly endsGroup?: boolean;
}

const c = (verb: string, syntax: string, summary: string, rfc: string, replies: number[], endsGroup = false): CommandInfo => ({
  verb,
  syntax,
  summary,
  rfc,
  replies,
  ...(endsGroup ? { endsGroup } : {}),
});

/** The commands we know, by upper-case verb. */
export const COMMANDS: Readonly<Record<string, CommandInfo>> = Object.fromEntries(
  [
    c('EHLO', 'EHLO <domain or address literal>', 'Opens an extended SMTP session: the client names itself and the server lists the extensions it supports, one per reply line. Also resets any transaction.', 'RFC 5321 §4.1.1.1', [250, 504, 550, 502], true),
    c('HELO', 'HELO <domain>', 'Opens a plain SMTP session (no extensions): the client names itself. Also resets any transaction.', 'RFC 5321 §4.1.1.1', [250, 504, 550, 502]),
    c('MAIL', 'MAIL FROM:<reverse-path> [SP parameters]', 'Starts a mail transaction and gives the envelope sender (where bounces go). `<>` is the null sender of bounces.', 'RFC 5321 §4.1.1.2', [250, 552, 451, 452, 550, 553, 503, 455, 555, 530, 523]),
    c('RCPT', 'RCPT TO:<forward-path> [SP parameters]', 'Adds one envelope recipient to the transaction; repeat it for each recipient.', 'RFC 5321 §4.1.1.3', [250, 251, 252, 550, 551, 552, 553, 450, 451, 452, 503, 455, 555, 530]),
    c('DATA', 'DATA', 'Asks to send the message: after 354 the client sends the message lines, dot-stuffed, ending with a line holding only `.`; the server then accepts (250) or refuses the message.', 'RFC 5321 §4.1.1.4', [354, 503, 554, 451, 452, 450, 550, 552, 530], true),
    c('BDAT', 'BDAT <size> [LAST]', 'Sends the next chunk of exactly <size> octets of the message with no dot-stuffing; LAST marks the final chunk.', 'RFC 3030 §2', [250, 552, 554, 451, 452, 450, 550, 503, 530]),
    c('RSET', 'RSET', 'Aborts the current mail transaction; the session stays open.', 'RFC 5321 §4.1.1.5', [250]),
    c('VRFY', 'VRFY <string>', 'Asks whether a user or mailbox exists (often disabled: 252).', 'RFC 5321 §4.1.1.6', [250, 251, 252, 550, 551, 553, 502, 504, 530], true),
    c('EXPN', 'EXPN <string>', 'Asks the server to expand a mailing list (often disabled).', 'RFC 5321 §4.1.1.7', [250, 252, 550, 500, 502, 504, 530], true),
    c('HELP', 'HELP [<string>]', 'Asks for help text.', 'RFC 5321 §4.1.1.8', [211, 214, 502, 504]),
    c('NOOP', 'NOOP [<string>]', 'Does nothing; the server answers 250. Keeps a connection alive.', 'RFC 5321 §4.1.1.9', [250], true),
    c('QUIT', 'QUIT', 'Ends the session: the server answers 221 and closes the connection.', 'RFC 5321 §4.1.1.10', [221], true),
    c('STARTTLS', 'STARTTLS', 'Upgrades the connection to TLS. After 220 the TLS handshake follows and the client must start over with EHLO.', 'RFC 3207 §4', [220, 454, 501], true),
    c('AUTH', 'AUTH <mechanism> [<initial-response>]', 'Authenticates with a SASL mechanism (PLAIN, LOGIN, CRAM-MD5, XOAUTH2...). 334 asks for the next client response; 235 means success.', 'RFC 4954 §4', [235, 334, 432, 454, 500, 501, 503, 504, 530, 534, 535, 538], true),
    c('ETRN', 'ETRN <node>', 'Asks the server to start delivering mail queued for a domain.', 'RFC 1985', [250, 251, 252, 253, 458, 459, 500, 501]),
    c('TURN', 'TURN', 'Obsolete: swaps client and server roles.', 'RFC 2821 §4.1.1', [250, 502], true),
    c('ATRN', 'ATRN [<domain>]', 'Authenticated TURN for on-demand mail relay.', 'RFC 2645', [250, 450, 453, 502, 530], true),
    c('LHLO', 'LHLO <domain>', 'The EHLO of LMTP.', 'RFC 2033', [250, 504, 550], true),
    c('XCLIENT', 'XCLIENT <attribute=value>...', 'Postfix: a proxy passes the real client attributes.', 'Postfix XCLIENT', [220, 250, 501, 503, 550]),
    c('XFORWARD', 'XFORWARD <attribute=value>...', 'Postfix: a filter forwards the original client attributes.', 'Postfix XFORWARD', [250, 501, 503]),
    c('SEND', 'SEND FROM:<reverse-path>', 'Obsolete (RFC 821): deliver to a terminal.', 'RFC 821', [250, 502]),
    c('SOML', 'SOML FROM:<reverse-path>', 'Obsolete (RFC 821): send or mail.', 'RFC 821', [250, 502]),
    c('SAML', 'SAML FROM:<reverse-path>', 'Obsolete (RFC 821): send and mail.', 'RFC 821', [250, 502]),
  ].map((x) => [x.verb, x]),
);

/** Codes accepted after any command (spec: 421, 500-504, 554). */
export const ALWAYS_ACCEPTED: ReadonlySet<number> = new Set([421, 500, 501, 502, 503, 504, 554]);

/** Replies to the final `.` of a DATA body (RFC 5321 §4.3.2). */
export const DATA_END_REPLIES: readonly number[] = [250, 552, 554, 451, 452, 450, 550];

/** Acceptable first replies of a session (greeting, RFC 5321 §3.1, §3.8; 521 RFC 7504). */
export const GREETING_REPLIES: readonly number[] = [220, 554, 421, 521];

/** Specific reply codes. */
export const REPLY_CODES: Readonly<Record<number, string>> = {
  211: 'System status, or system help reply.',
  214: 'Help message.',
  220: 'Service ready (the greeting; also the go-ahead for STARTTLS).',
  221: 'Service closing transmission channel (reply to QUIT).',
  235: 'Authentication succeeded (RFC 4954).',
  250: 'Requested mail action okay, completed.',
  251: 'User not local; will forward.',
  252: 'Cannot VRFY user, but will accept the message and attempt delivery.',
  253: 'ETRN: pending messages for the node started (RFC 1985).',
  334: 'Server challenge: send the next SASL response (RFC 4954); the text is base64.',
  354: 'Start mail input; end with <CRLF>.<CRLF>.',
  421: 'Service not available, closing transmission channel.',
  432: 'A password transition is needed (RFC 4954).',
  450: 'Mailbox unavailable (busy or temporarily blocked); try again later.',
  451: 'Local error in processing; action aborted, try again later.',
  452: 'Insufficient system storage (or too many recipients); try again later.',
  454: 'Temporary authentication failure, or TLS not available now.',
  455: 'Server unable to accommodate parameters.',
  458: 'ETRN: unable to queue messages for the node.',
  459: 'ETRN: node not allowed.',
  500: 'Syntax error, command unrecognised (or command line too long).',
  501: 'Syntax error in parameters or arguments.',
  502: 'Command not implemented.',
  503: 'Bad sequence of commands.',
  504: 'Command parameter not implemented.',
  521: 'Host does not accept mail (RFC 7504).',
  523: 'Message size exceeds the fixed limit of the recipient (RFC 1870 usage).',
  530: 'Authentication required (RFC 4954).',
  534: 'Authentication mechanism is too weak (RFC 4954).',
  535: 'Authentication credentials invalid (RFC 4954).',
  538: 'Encryption required for the requested authentication mechanism (RFC 4954).',
  550: 'Mailbox unavailable (not found, no access, or refused by policy); permanent.',
  551: 'User not local; please try the given forward-path.',
  552: 'Requested mail action aborted: exceeded storage allocation (message too big).',
  553: 'Mailbox name not allowed (syntax of the address is wrong).',
  554: 'Transaction failed (or, as a greeting, no SMTP service here).',
  555: 'MAIL FROM/RCPT TO parameters not recognised or not implemented.',
  556: 'Domain does not accept mail (RFC 7504).',
};

/** Meaning of the first digit of a reply code (RFC 5321 §4.2.1). */
export const REPLY_FIRST_DIGIT: Readonly<Record<string, string>> = {
  '2': '2yz Positive Completion: the action succeeded; a new request may be started.',
  '3': '3yz Positive Intermediate: accepted so far, the server waits for more (the DATA body, the next SASL response).',
  '4': '4yz Transient Negative Completion: not done this time, the error is temporary; try again later.',
  '5': '5yz Permanent Negative Completion: not done, and repeating the same request will not help.',
};

/** Meaning of the second digit (RFC 5321 §4.2.1). */
export const REPLY_SECOND_DIGIT: Readonly<Record<string, string>> = {
  '0': 'x0z Syntax: syntax errors, commands that fit no category, unimplemented or superfluous commands.',
  '1': 'x1z Information: replies to requests for information (status, help).',
  '2': 'x2z Connections: replies about the transmission channel.',
  '3': 'x3z Unspecified (used by RFC 4954 for authentication).',
  '4': 'x4z Unspecified.',
  '5': 'x5z Mail system: the status of the receiver mail system for the requested transfer.',
};

/** RFC 3463 §3.1: class sub-code. */
export const ENHANCED_CLASS: Readonly<Record<string, string>> = {
  '2': 'Success',
  '4': 'Persistent Transient Failure',
  '5': 'Permanent Failure',
};

/** RFC 3463 §3.2: subject sub-code. */
export const ENHANCED_SUBJECT: Readonly<Record<string, string>> = {
  '0': 'Other or Undefined Status',
  '1': 'Addressing Status',
  '2': 'Mailbox Status',
  '3': 'Mail System Status',
  '4': 'Network and Routing Status',
  '5': 'Mail Delivery Protocol Status',
  '6': 'Message Content or Media Status',
  '7': 'Security or Policy Status',
};

/** RFC 3463 §3.3-3.10 (and RFC 4954, 3207, 5248 registry): `subject.detail` meanings. */
export const ENHANCED_DETAIL: Readonly<Record<string, string>> = {
  '0.0': 'Other undefined status',
  '1.0': 'Other address status',
  '1.1': 'Bad destination mailbox address',
  '1.2': 'Bad destination system address',
  '1.3': 'Bad destination mailbox address syntax',
  '1.4': 'Destination mailbox address ambiguous',
  '1.5': 'Destination address valid',
  '1.6': 'Destination mailbox has moved, no forwarding address',
  '1.7': "Bad sender's mailbox address syntax",
  '1.8': "Bad sender's system address",
  '1.10': 'Recipient address has null MX (RFC 7505)',
  '2.0': 'Other or undefined mailbox status',
  '2.1': 'Mailbox disabled, not accepting messages',
  '2.2': 'Mailbox full',
  '2.3': 'Message length exceeds administrative limit',
  '2.4': 'Mailing list expansion problem',
  '3.0': 'Other or undefined mail system status',
  '3.1': 'Mail system full',
  '3.2': 'System not accepting network messages',
  '3.3': 'System not capable of selected features',
  '3.4': 'Message too big for system',
  '3.5': 'System incorrectly configured',
  '4.0': 'Other or undefined network or routing status',
  '4.1': 'No answer from host',
  '4.2': 'Bad connection',
  '4.3': 'Directory server failure',
  '4.4': 'Unable to route',
  '4.5': 'Mail system congestion',
  '4.6': 'Routing loop detected',
  '4.7': 'Delivery time expired',
  '5.0': 'Other or undefined protocol status',
  '5.1': 'Invalid command',
  '5.2': 'Syntax error',
  '5.3': 'Too many recipients',
  '5.4': 'Invalid command arguments',
  '5.5': 'Wrong protocol version',
  '5.6': 'Authentication exchange line is too long (RFC 4954)',
  '6.0': 'Other or undefined media error',
  '6.1': 'Media not supported',
  '6.2': 'Conversion required and prohibited',
  '6.3': 'Conversion required but not supported',
  '6.4': 'Conversion with loss performed',
  '6.5': 'Conversion failed',
  '7.0': 'Other or undefined security status',
  '7.1': 'Delivery not authorized, message refused',
  '7.2': 'Mailing list expansion prohibited',
  '7.3': 'Security conversion required but not possible',
  '7.4': 'Security features not supported',
  '7.5': 'Cryptographic failure',
  '7.6': 'Cryptographic algorithm not supported',
  '7.7': 'Message integrity failure',
  '7.8': 'Authentication credentials invalid (RFC 4954)',
  '7.9': 'Authentication mechanism is too weak (RFC 4954)',
  '7.10': 'Encryption needed (RFC 5248)',
  '7.11': 'Encryption required for requested authentication mechanism (RFC 4954)',
  '7.12': 'A password transition is needed (RFC 4954)',
};

/** An ESMTP extension keyword of an EHLO reply. */
export interface ExtensionInfo {
  readonly keyword: string;
  readonly summary: string;
  readonly rfc: string;
}

const x = (keyword: string, summary: string, rfc: string): ExtensionInfo => ({ keyword, summary, rfc });

/** EHLO keywords we explain, by upper-case keyword. */
export const EXTENSIONS: Readonly<Record<string, ExtensionInfo>> = Object.fromEntries(
  [
    x('8BITMIME', 'The server accepts 8-bit message bodies (MAIL FROM:<...> BODY=8BITMIME).', 'RFC 6152'),
    x('SIZE', 'Message size declaration: the parameter is the largest message accepted, in octets; the client may send SIZE=<n> with MAIL.', 'RFC 1870'),
    x('PIPELINING', 'The client may send several commands without waiting for each reply, then read the replies in order.', 'RFC 2920'),
    x('STARTTLS', 'The client may upgrade the connection to TLS with STARTTLS.', 'RFC 3207'),
    x('AUTH', 'SMTP authentication; the parameters are the SASL mechanisms offered.', 'RFC 4954'),
    x('ENHANCEDSTATUSCODES', 'Replies start with an RFC 3463 class.subject.detail status code.', 'RFC 2034'),
    x('DSN', 'Delivery status notifications: NOTIFY/ORCPT on RCPT, RET/ENVID on MAIL.', 'RFC 3461'),
    x('CHUNKING', 'The client may send the message in chunks with BDAT instead of DATA.', 'RFC 3030'),
    x('BINARYMIME', 'The server accepts binary bodies (BODY=BINARYMIME, with BDAT).', 'RFC 3030'),
    x('SMTPUTF8', 'UTF-8 addresses and headers are accepted (MAIL ... SMTPUTF8).', 'RFC 6531'),
    x('HELP', 'The HELP command is available.', 'RFC 5321 §4.1.1.8'),
    x('VRFY', 'The VRFY command is available.', 'RFC 5321 §4.1.1.6'),
    x('EXPN', 'The EXPN command is available.', 'RFC 5321 §4.1.1.7'),
    x('ETRN', 'Remote queue starting with ETRN.', 'RFC 1985'),
    x('DELIVERBY', 'Deliver-by: the client can ask for delivery within a time.', 'RFC 2852'),
    x('REQUIRETLS', 'The message must only be relayed over TLS.', 'RFC 8689'),
    x('MT-PRIORITY', 'Message transfer priorities.', 'RFC 6710'),
    x('FUTURERELEASE', 'Future message release (hold until a time).', 'RFC 4865'),
    x('NO-SOLICITING', 'No soliciting keywords.', 'RFC 3865'),
    x('XCLIENT', 'Postfix XCLIENT: a proxy may pass the original client attributes.', 'Postfix'),
    x('XFORWARD', 'Postfix XFORWARD: a filter may forward the original client attributes.', 'Postfix'),
    x('LIMITS', 'Server limits (RCPTMAX, MAILMAX...) announced up front.', 'RFC 9422'),
  ].map((e) => [e.keyword, e]),
);

/** Verbs offered by completion, most used first. */
export const COMPLETION_VERBS: readonly string[] = ['EHLO', 'HELO', 'MAIL', 'RCPT', 'DATA', 'QUIT', 'RSET', 'STARTTLS', 'AUTH', 'NOOP', 'VRFY', 'EXPN', 'HELP', 'BDAT', 'ETRN'];

/** An ESMTP parameter of MAIL FROM or RCPT TO. */
export interface ParameterInfo {
  readonly keyword: string;
  readonly syntax: string;
  readonly summary: string;
  readonly rfc: string;
}

const p = (keyword: string, syntax: string, summary: string, rfc: string): ParameterInfo => ({ keyword, syntax, summary, rfc });

/** MAIL/RCPT parameters we explain, by upper-case keyword. */
export const PARAMETERS: Readonly<Record<string, ParameterInfo>> = Object.fromEntries(
  [
    p('SIZE', 'SIZE=<octets>', 'Declares the message size so the server can refuse a too-large message before it is sent.', 'RFC 1870 §6'),
    p('BODY', 'BODY=7BIT|8BITMIME|BINARYMIME', 'Declares the body type: 8BITMIME needs the 8BITMIME extension, BINARYMIME needs BINARYMIME and BDAT.', 'RFC 6152 §2, RFC 3030 §3'),
    p('SMTPUTF8', 'SMTPUTF8', 'The transaction carries UTF-8 addresses or headers.', 'RFC 6531 §3.4'),
    p('RET', 'RET=FULL|HDRS', 'Whether a delivery status notification returns the full message or only its headers.', 'RFC 3461 §4.3'),
    p('ENVID', 'ENVID=<xtext>', 'An envelope identifier echoed in delivery status notifications.', 'RFC 3461 §4.4'),
    p('AUTH', 'AUTH=<mailbox as xtext>|<>', 'The authenticated identity that submitted the message (<> when unknown).', 'RFC 4954 §5'),
    p('NOTIFY', 'NOTIFY=NEVER|SUCCESS,FAILURE,DELAY', 'When to send delivery status notifications for this recipient.', 'RFC 3461 §4.1'),
    p('ORCPT', 'ORCPT=<addr-type>;<xtext>', 'The original recipient address, reported in delivery status notifications.', 'RFC 3461 §4.2'),
    p('REQUIRETLS', 'REQUIRETLS', 'The message must only be relayed over TLS with verified certificates.', 'RFC 8689 §4'),
    p('MT-PRIORITY', 'MT-PRIORITY=<-9..9>', 'Message transfer priority.', 'RFC 6710 §3'),
    p('HOLDFOR', 'HOLDFOR=<seconds>', 'Future release: hold the message for this long.', 'RFC 4865 §3'),
    p('HOLDUNTIL', 'HOLDUNTIL=<date-time>', 'Future release: hold the message until this time.', 'RFC 4865 §3'),
    p('BY', 'BY=<seconds>;R|N', 'Deliver-by: deliver within this time or return/notify.', 'RFC 2852 §4'),
  ].map((x) => [x.keyword, x]),
);

/** SASL mechanisms we explain (RFC 4954 and the mechanisms' RFCs). */
export const SASL_MECHANISMS: Readonly<Record<string, string>> = {
  PLAIN: 'PLAIN (RFC 4616): authorization id, user name and password joined by NUL and base64-encoded. Base64 is not encryption: anyone with the transcript can read the password.',
  LOGIN: 'LOGIN (obsolete, draft-murchison-sasl-login): the server asks "Username:" and "Password:" (base64) and the client answers each in base64.',
  'CRAM-MD5': 'CRAM-MD5 (RFC 2195): the client answers the challenge with the user name and an HMAC-MD5 of it keyed with the password.',
  'DIGEST-MD5': 'DIGEST-MD5 (RFC 2831, obsolete by RFC 6331).',
  'SCRAM-SHA-1': 'SCRAM-SHA-1 (RFC 5802): salted challenge-response; the password never crosses the wire.',
  'SCRAM-SHA-256': 'SCRAM-SHA-256 (RFC 7677): salted challenge-response; the password never crosses the wire.',
  XOAUTH2: 'XOAUTH2 (Google, Microsoft): the user name and an OAuth 2.0 bearer token, base64-encoded; the token is a credential.',
  OAUTHBEARER: 'OAUTHBEARER (RFC 7628): an OAuth 2.0 bearer token in a GS2 header, base64-encoded; the token is a credential.',
  EXTERNAL: 'EXTERNAL (RFC 4422 Appendix A): the identity established outside SASL, e.g. by a TLS client certificate.',
  GSSAPI: 'GSSAPI (RFC 4752): Kerberos V5.',
  ANONYMOUS: 'ANONYMOUS (RFC 4505): no credentials, an optional trace string.',
};

/** Translations of the catalogue's texts (a locale bundle's `catalog`), keyed exactly like the tables above. */
export interface CatalogTexts {
  readonly commands: Readonly<Record<string, string>>;
  readonly replyCodes: Readonly<Record<number, string>>;
  readonly firstDigit: Readonly<Record<string, string>>;
  readonly secondDigit: Readonly<Record<string, string>>;
  readonly enhancedClass: Readonly<Record<string, string>>;
  readonly enhancedSubject: Readonly<Record<string, string>>;
  readonly enhancedDetail: Readonly<Record<string, string>>;
  readonly extensions: Readonly<Record<string, string>>;
  readonly parameters: Readonly<Record<string, string>>;
  readonly sasl: Readonly<Record<string, string>>;
}
