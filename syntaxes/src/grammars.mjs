// Source of the two TextMate grammars. The JSON files beside this folder are generated from it:
//   node syntaxes/src/grammars.mjs          writes syntaxes/eml.tmLanguage.json and
//                                           syntaxes/smtp-transcript.tmLanguage.json
//   node syntaxes/src/grammars.mjs --check  exits 1 if the committed JSON differs (run by
//                                           scripts/test-grammar.mjs)
// Why a generator: the message rules (header fields, MIME boundaries, part headers, body lines) are
// needed twice: plain in `.eml` files, and behind a `C: ` prefix inside the DATA block of an SMTP
// transcript. TextMate cannot strip a prefix, so the same rules are built for both line starts.
//
// Linear time (the guide forbids catastrophic backtracking): every regex below follows three rules.
// test/grammar/regexSafety.test.ts checks 1 and 2 on the generated JSON; largeInput.test.ts feeds
// adversarial lines for all three and counts the tokenizer's regex scans at n and 4n.
//   1. no quantified group that itself holds an unbounded quantifier unless the outer one is
//      possessive (`(?:...)*+`), so no `(a+)+` shapes;
//   2. a run (`[...]++`) that must be followed by a particular character (`@`, `=`, `/`) starts
//      only where the previous character is not in the run's class (a negative lookbehind), so a
//      failing match is tried once per run, not once per character of it;
//   3. strings and comments that are not closed run to the end of the line instead of failing, so
//      an unclosed quote costs one scan, not one per later quote.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..');

// ---------------------------------------------------------------- shared pieces

/** Printable US-ASCII except ":" — RFC 5322 §3.6.8 ftext. */
const FTEXT = '[!-9;-~]';
/** RFC 2045 token characters (and `*` for RFC 2231 parameter sections). */
const TOKEN = "[-\\w!#$%&'*+.^`{|}~]";
const ATEXT = "[-\\w.!#$%&'*+/=?^`{|}~]";
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
/** A line that can only be a MIME boundary delimiter (RFC 2046 §5.1.1), after the line prefix. */
// `--=20` is a quoted-printable "-- " signature separator, not a boundary.
const BOUNDARY_LINE = '--(?!=20[ \\t]*+\\r?$)(?=[!-~]*?[0-9A-Za-z])[!-~]++[ \\t]*+\\r?$';
/** An mbox "From " separator line (RFC 4155), whose weekday tells it from body text. */
const MBOX_LINE = `From [^\\s]++ ++${WEEKDAY}\\b`;

/** Header field names by the family that defines them; the scope says the family. */
const FIELD_FAMILIES = [
  ['standard', [
    'Date', 'From', 'Sender', 'Reply-To', 'To', 'Cc', 'Bcc', 'Message-ID', 'In-Reply-To', 'References',
    'Subject', 'Comments', 'Keywords', 'Resent-Date', 'Resent-From', 'Resent-Sender', 'Resent-To',
    'Resent-Cc', 'Resent-Bcc', 'Resent-Message-ID',
  ]],
  ['mime', [
    'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding', 'Content-ID', 'Content-Description',
    'Content-Disposition', 'Content-Language', 'Content-Location', 'Content-MD5', 'Content-Base',
    'Content-Duration',
  ]],
  ['trace', ['Received', 'Return-Path', 'Received-SPF', 'Delivered-To', 'Original-Recipient']],
  ['list', ['List-[A-Za-z0-9-]*+', 'Archived-At']],
  ['dkim', [
    'DKIM-Signature', 'DomainKey-Signature', 'ARC-Seal', 'ARC-Message-Signature',
    'ARC-Authentication-Results', 'Authentication-Results',
  ]],
  ['report', [
    'Reporting-MTA', 'Received-From-MTA', 'Arrival-Date', 'Final-Recipient', 'Action', 'Status', 'Remote-MTA',
    'Diagnostic-Code', 'Last-Attempt-Date', 'Will-Retry-Until', 'Original-Envelope-Id', 'DSN-Gateway',
    'Reporting-UA', 'MDN-Gateway', 'Disposition', 'Feedback-Type', 'Version', 'Original-Mail-From',
    'Original-Rcpt-To', 'Source-IP', 'Reported-Domain', 'Reported-URI', 'Incidents',
  ]],
  ['registered', [
    'User-Agent', 'Organization', 'Importance', 'Priority', 'Sensitivity', 'Disposition-Notification-To',
    'Disposition-Notification-Options', 'Errors-To', 'Auto-Submitted', 'Precedence', 'Thread-Topic',
    'Thread-Index', 'Autocrypt', 'Expires', 'Injection-Date', 'Injection-Info', 'Newsgroups',
    'Followup-To', 'Path', 'Xref', 'Mail-Followup-To', 'Mail-Reply-To', 'Original-Message-ID',
    'Require-Recipient-Valid-Since', 'Accept-Language', 'Message-Context', 'Delivery-Date',
  ]],
];

/** Which value rules each field gets; the rest are unstructured (encoded words only). */
const VALUE_KINDS = [
  ['address', [
    'From', 'Sender', 'Reply-To', 'To', 'Cc', 'Bcc', 'Resent-From', 'Resent-Sender', 'Resent-To', 'Resent-Cc',
    'Resent-Bcc', 'Return-Path', 'Delivered-To', 'Disposition-Notification-To', 'Errors-To',
    'Mail-Followup-To', 'Mail-Reply-To', 'Original-Recipient',
  ]],
  ['date', [
    'Date', 'Resent-Date', 'Expires', 'Injection-Date', 'Delivery-Date', 'Arrival-Date', 'Last-Attempt-Date',
    'Will-Retry-Until',
  ]],
  ['msgid', ['Message-ID', 'In-Reply-To', 'References', 'Resent-Message-ID', 'Content-ID', 'Original-Message-ID']],
  ['content', ['Content-Type', 'Content-Disposition']],
  ['token', ['Content-Transfer-Encoding', 'MIME-Version']],
  ['received', ['Received']],
  ['tags', [
    'DKIM-Signature', 'DomainKey-Signature', 'ARC-Seal', 'ARC-Message-Signature', 'ARC-Authentication-Results',
    'Authentication-Results', 'Received-SPF',
  ]],
  ['links', ['List-[A-Za-z0-9-]*+', 'Archived-At']],
];

const alt = (names) => names.join('|');

/** Shifts capture numbers by `k` (the prefix's own groups come first). */
function shift(captures, k) {
  const out = {};
  for (const [n, v] of Object.entries(captures)) out[Number(n) === 0 ? 0 : Number(n) + k] = v;
  return out;
}

/** How many escape runs one match of the quoted-printable rule may cover. */
const QP_RUNS_PER_MATCH = 8;

/**
 * The quoted-printable rule: a run of =XX escapes (or a soft line break), then up to
 * QP_RUNS_PER_MATCH - 1 more, each after the plain text before it. Each match makes
 * vscode-textmate rescan the line with every body pattern from where the match ended, and a
 * line of UTF-8 text in quoted-printable is mostly escapes between letters (=C3=A7a=C3=A9...):
 * one match per run cost a scan per run. The text between runs is not captured, so it keeps
 * the body's scope, and the tokens are the ones a match per run gives: the match starts at an
 * escape and ends after one, never inside text. The continuations are nested, so one that
 * fails (no escape after the text) ends the match without the later ones rescanning that text.
 */
function quotedPrintableRule(sc) {
  const run = '(?:=[0-9A-Fa-f]{2})++';
  const soft = '=(?=[ \\t]*+\\r?$)';
  // Text between escapes: anything but `=`, or an `=` that starts neither an escape nor a soft break.
  const text = '(?:[^=\\n]++|=(?![0-9A-Fa-f]{2}|[ \\t]*+\\r?$))*+';
  let tail = '';
  for (let i = QP_RUNS_PER_MATCH - 1; i > 0; i--) tail = `(?:${text}(?:(${run})${tail}|(${soft})))?`;
  // Groups by their opening parenthesis: the runs come first (each continuation's run opens
  // before its soft break's alternative), then the soft breaks, innermost first.
  const captures = {};
  for (let i = 1; i <= QP_RUNS_PER_MATCH; i++) {
    captures[i] = { name: sc('constant.character.escape.quoted-printable') };
    captures[QP_RUNS_PER_MATCH + i] = { name: sc('constant.character.escape.soft-line-break') };
  }
  return { match: `(${run})${tail}|(${soft})`, captures };
}

// ---------------------------------------------------------------- value rules (no line anchors)

function valueRepository(S) {
  const sc = (name) => `${name}.${S}`;
  return {
    'field-name': {
      comment: 'Scopes a field name by family; used on the captured name of every field rule.',
      patterns: [
        ...FIELD_FAMILIES.map(([family, names]) => ({
          match: `(?<!${FTEXT})(?i:${alt(names)})(?!${FTEXT})`,
          name: sc(`keyword.other.header.${family}`),
        })),
        { match: `(?<!${FTEXT})(?i:X-)${FTEXT}*+`, name: sc('variable.other.header.extension') },
        { match: `${FTEXT}++`, name: sc('variable.other.header.unknown') },
      ],
    },
    'encoded-word': {
      comment: 'RFC 2047 encoded word =?charset?B|Q?text?=',
      match: '(=\\?)([^?\\s*]++)(?:(\\*)([^?\\s]*+))?(\\?)([BbQq])(\\?)([^?\\s]*+)(\\?=)',
      name: sc('meta.encoded-word'),
      captures: {
        1: { name: sc('punctuation.definition.encoded-word.begin') },
        2: { name: sc('support.constant.charset') },
        3: { name: sc('punctuation.separator.language') },
        4: { name: sc('support.constant.language') },
        5: { name: sc('punctuation.separator.encoded-word') },
        6: { name: sc('keyword.other.encoding') },
        7: { name: sc('punctuation.separator.encoded-word') },
        8: { name: sc('string.unquoted.encoded-text') },
        9: { name: sc('punctuation.definition.encoded-word.end') },
      },
    },
    comment: {
      comment: 'RFC 5322 §3.2.2 comment, one level of nesting; unclosed runs to the line end.',
      match: '\\((?:[^()\\\\\\n]|\\\\.?|\\((?:[^()\\\\\\n]|\\\\.?)*+\\)?)*+(?:\\)|$)',
      name: sc('comment.block'),
    },
    'quoted-string': {
      match: '"(?:[^"\\\\\\n]|\\\\.?)*+(?:"|$)',
      name: sc('string.quoted.double'),
    },
    'angle-address': {
      match: '(<)([^<>\\s]*+)(>)',
      name: sc('meta.angle-address'),
      captures: {
        1: { name: sc('punctuation.definition.address.begin') },
        2: { name: sc('markup.underline.link.address') },
        3: { name: sc('punctuation.definition.address.end') },
      },
    },
    'addr-spec': {
      match: `(?<!${ATEXT})${ATEXT}++@[-\\w.\\[\\]:]*+`,
      name: sc('markup.underline.link.address'),
    },
    'address-value': {
      comment: 'RFC 5322 §3.4 address lists: display names, angle addresses, groups, comments.',
      patterns: [
        { include: '#encoded-word' },
        { include: '#comment' },
        { match: '"(?:[^"\\\\\\n]|\\\\.?)*+(?:"|$)', name: sc('string.quoted.double.display-name') },
        { include: '#angle-address' },
        {
          match: '(?<=[:,]|^)[ \\t]*+([^\\s:;<>,"()@][^:;<>,"()@\\n]{0,200}?)[ \\t]*+(:)',
          captures: { 1: { name: sc('entity.name.section.group') }, 2: { name: sc('punctuation.separator.group') } },
        },
        {
          match: '(?<=[:,]|^)[ \\t]*+((?!=\\?)[^\\s:;<>,"()@](?:(?!=\\?)[^:;<>,"()@\\n]){0,200}?)(?=[ \\t]*+<)',
          captures: { 1: { name: sc('string.unquoted.display-name') } },
        },
        { include: '#addr-spec' },
        { match: ',', name: sc('punctuation.separator.address') },
        { match: ';', name: sc('punctuation.terminator.group') },
      ],
    },
    date: {
      comment: 'RFC 5322 §3.3 date-time (case-insensitive, obsolete zones allowed).',
      match:
        `(?i:(?:\\b(${WEEKDAY})[ \\t]*+(,)[ \\t]*+)?\\b(\\d{1,2})[ \\t]++(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)` +
        '[ \\t]++(\\d{2,4})[ \\t]++(\\d{1,2}:\\d{2}(?::\\d{2})?)(?:[ \\t]++([+-]\\d{4}|[A-Z]{1,5})\\b)?)',
      name: sc('meta.date'),
      captures: {
        1: { name: sc('constant.language.weekday') },
        2: { name: sc('punctuation.separator.weekday') },
        3: { name: sc('constant.numeric.day') },
        4: { name: sc('constant.language.month') },
        5: { name: sc('constant.numeric.year') },
        6: { name: sc('constant.numeric.time') },
        7: { name: sc('constant.language.timezone') },
      },
    },
    'date-value': { patterns: [{ include: '#date' }, { include: '#comment' }] },
    'message-id': {
      match: '(<)([^<>\\s]*+)(>)',
      name: sc('meta.message-id'),
      captures: {
        1: { name: sc('punctuation.definition.message-id.begin') },
        2: { name: sc('constant.other.message-id') },
        3: { name: sc('punctuation.definition.message-id.end') },
      },
    },
    'msgid-value': { patterns: [{ include: '#message-id' }, { include: '#comment' }] },
    'content-value': {
      comment: 'RFC 2045 §5.1 type/subtype; parameters (RFC 2231 sections allowed).',
      patterns: [
        { include: '#comment' },
        {
          match: `(?<!${TOKEN})(${TOKEN}++)(/)(${TOKEN}++)`,
          name: sc('meta.media-type'),
          captures: {
            1: { name: sc('support.type.media-type') },
            2: { name: sc('punctuation.separator.media-type') },
            3: { name: sc('support.type.media-subtype') },
          },
        },
        {
          match: `(?<!${TOKEN})(?i:(boundary))[ \\t]*+(=)[ \\t]*+(?:(")([^"\\n]*+)("|$)|([^\\s;()"]++))`,
          name: sc('meta.parameter.boundary'),
          captures: {
            1: { name: sc('variable.parameter') },
            2: { name: sc('keyword.operator.assignment') },
            3: { name: sc('punctuation.definition.string.begin') },
            4: { name: sc('entity.name.section.boundary') },
            5: { name: sc('punctuation.definition.string.end') },
            6: { name: sc('entity.name.section.boundary') },
          },
        },
        {
          match: `(?<!${TOKEN})(${TOKEN}++)[ \\t]*+(=)[ \\t]*+(?:("(?:[^"\\\\\\n]|\\\\.?)*+(?:"|$))|([^\\s;()"]*+))`,
          name: sc('meta.parameter'),
          captures: {
            1: { name: sc('variable.parameter') },
            2: { name: sc('keyword.operator.assignment') },
            3: { name: sc('string.quoted.double.parameter-value') },
            4: { name: sc('string.unquoted.parameter-value') },
          },
        },
        { match: ';', name: sc('punctuation.separator.parameter') },
      ],
    },
    'token-value': {
      patterns: [
        { include: '#comment' },
        { match: '\\b(?i:7bit|8bit|binary|quoted-printable|base64)\\b', name: sc('support.constant.encoding') },
        { match: '\\b\\d+\\.\\d+\\b', name: sc('constant.numeric.version') },
      ],
    },
    'received-value': {
      comment: 'RFC 5321 §4.4 trace: from/by/via/with/id/for clauses, then ; and the date.',
      patterns: [
        { include: '#comment' },
        { match: '\\b(?i:from|by|via|with|id|for)\\b', name: sc('keyword.other.received') },
        { include: '#angle-address' },
        { include: '#addr-spec' },
        { match: ';', name: sc('punctuation.separator.date') },
        { include: '#date' },
      ],
    },
    'tags-value': {
      comment: 'DKIM (RFC 6376 §3.2) tag=value lists and Authentication-Results method=result.',
      patterns: [
        { include: '#comment' },
        {
          match: '(?<![\\w.-])([A-Za-z][\\w.-]*+)[ \\t]*+(=)',
          captures: { 1: { name: sc('variable.parameter.tag') }, 2: { name: sc('keyword.operator.assignment') } },
        },
        {
          match: '(?<==)[ \\t]*+(?i:(pass|fail|softfail|neutral|none|temperror|permerror|policy))\\b',
          captures: { 1: { name: sc('constant.language.result') } },
        },
        { match: ';', name: sc('punctuation.separator.tag') },
      ],
    },
    'links-value': {
      patterns: [
        { include: '#comment' },
        {
          match: '(<)([^<>\\s]*+)(>)',
          captures: {
            1: { name: sc('punctuation.definition.link.begin') },
            2: { name: sc('markup.underline.link') },
            3: { name: sc('punctuation.definition.link.end') },
          },
        },
        { match: ',', name: sc('punctuation.separator.link') },
      ],
    },
    'unstructured-value': { patterns: [{ include: '#encoded-word' }] },
    'quoted-printable': {
      comment: 'RFC 2045 §6.7: =XX escapes and the soft line break (= at the line end).',
      patterns: [quotedPrintableRule(sc)],
    },
  };
}

// ---------------------------------------------------------------- line rules (built per prefix)

/**
 * Builds the rules that start at a line start, for a given line prefix.
 * @param p.prefix regex for the prefix, with `p.k` capture groups, e.g. `^` or `^(C:) ?`
 * @param p.prefixCaptures captures for those groups
 * @param p.ahead the prefix inside a lookahead (no groups), e.g. `` or `C: ?`
 * @param p.cont the prefix before a folded continuation's white space, e.g. `` or `C: `
 * @param p.stop extra alternatives that end every region (the DATA terminator), or null
 * @param p.ref how to refer to value rules: `#x` or `text.eml#x`
 * @param p.html whether a text/html part embeds text.html.basic
 * @param p.mbox whether mbox From lines start a new message
 * @param p.id suffix for repository keys
 * @param p.extra patterns for whole lines that may appear between message lines (annotations)
 */
function lineRules(S, p) {
  const sc = (name) => `${name}.${S}`;
  const key = (k) => `${k}${p.id}`;
  const pre = (captures) => ({ ...p.prefixCaptures, ...shift(captures, p.k) });
  const stops = [`${p.ahead}${BOUNDARY_LINE}`];
  if (p.mbox) stops.push(`${p.ahead}${MBOX_LINE}`);
  if (p.stop) stops.push(p.stop);
  const STOP = stops.join('|');
  const BLANK = `${p.ahead}\\r?$`;

  const fieldRules = VALUE_KINDS.map(([kind, names]) => ({
    begin: `${p.prefix}(?i:(${alt(names)}))([ \\t]*+)(:)`,
    beginCaptures: pre({
      1: { patterns: [{ include: `${p.ref}field-name` }] },
      2: { name: sc('invalid.deprecated.space-before-colon') },
      3: { name: sc('punctuation.separator.key-value') },
    }),
    end: `^(?!${p.cont}[ \\t])`,
    name: sc(`meta.header.${kind}`),
    patterns: [...(p.k ? [{ match: p.prefix, captures: p.prefixCaptures }] : []), { include: `${p.ref}${kind}-value` }],
  }));
  fieldRules.push({
    begin: `${p.prefix}(${FTEXT}++)([ \\t]*+)(:)`,
    beginCaptures: pre({
      1: { patterns: [{ include: `${p.ref}field-name` }] },
      2: { name: sc('invalid.deprecated.space-before-colon') },
      3: { name: sc('punctuation.separator.key-value') },
    }),
    end: `^(?!${p.cont}[ \\t])`,
    name: sc('meta.header.unstructured'),
    patterns: [...(p.k ? [{ match: p.prefix, captures: p.prefixCaptures }] : []), { include: `${p.ref}unstructured-value` }],
  });
  const invalidLine = {
    comment: 'In a header section, a line that is neither a field nor a folded continuation.',
    match: `${p.prefix}(?!${FTEXT}++[ \\t]*+:)(?![ \\t])(?!\\r?$)(.+)$`,
    captures: pre({ 1: { name: sc('invalid.illegal.header-line') } }),
  };
  const prefixOnly = [...(p.extra ?? []), ...(p.k ? [{ match: p.prefix, captures: p.prefixCaptures }] : [])];

  const repo = {};
  repo[key('fields')] = { patterns: [...fieldRules, invalidLine, ...prefixOnly] };
  const headerPatterns = [
    ...(p.html ? [{ include: `#${key('html-part')}` }] : []),
    { include: `#${key('message-part')}` },
    { include: `#${key('report-part')}` },
    { include: `#${key('fields')}` },
  ];


  repo[key('report-part')] = {
    comment:
      'A machine-readable report part whose body is blocks of header-like fields: ' +
      'message/delivery-status (RFC 3464), message/disposition-notification (RFC 8098), ' +
      'message/feedback-report (RFC 5965).',
    begin:
      `^(?=${p.ahead}(?i:content-type)[ \\t]*+:[ \\t]*+` +
      '(?i:message/(?:global-)?(?:delivery-status|disposition-notification)|message/feedback-report)\\b)',
    end: `^(?=${STOP})`,
    patterns: [
      { begin: '\\G', end: `^(?=${BLANK}|${STOP})`, patterns: [{ include: `#${key('fields')}` }] },
      {
        begin: `^(?!${BLANK}|${STOP})`,
        end: `^(?=${STOP})`,
        name: sc('meta.report-fields'),
        patterns: [{ include: `#${key('fields')}` }],
      },
    ],
  };

  repo[key('message-part')] = {
    comment:
      'A part holding a message (message/rfc822, message/global, RFC 2046 §5.2.1) or a header ' +
      'block (text/rfc822-headers, RFC 6522): its remaining header lines, an empty line, then the ' +
      'inner header section, then the inner body up to the next boundary line.',
    begin: `^(?=${p.ahead}(?i:content-type)[ \\t]*+:[ \\t]*+(?i:message/(?:rfc822|global)|text/rfc822-headers)\\b)`,
    end: `^(?=${STOP})`,
    patterns: [
      { begin: '\\G', end: `^(?=${BLANK}|${STOP})`, patterns: [{ include: `#${key('fields')}` }] },
      {
        begin: `^(?!${BLANK}|${STOP})`,
        end: `^(?=${STOP})`,
        patterns: [
          {
            begin: '\\G',
            end: `^(?=${BLANK}|${STOP})`,
            name: sc('meta.headers.inner'),
            // One level only: a chain of message/rfc822 parts without boundaries would otherwise
            // nest the tokenizer state once per level, and vscode-textmate walks the whole state
            // on every line (quadratic in the depth).
            patterns: headerPatterns.filter((r) => r.include !== `#${key('message-part')}`),
          },
          { include: `#${key('body')}` },
        ],
      },
    ],
  };

  if (p.html) {
    repo[key('html-part')] = {
      comment:
        'A part (or message) whose Content-Type is text/html: its remaining header lines, then an ' +
        'embedded HTML body up to the next boundary line.',
      begin: `^(?=${p.ahead}(?i:content-type)[ \\t]*+:[ \\t]*+(?i:text/html)\\b)`,
      end: `^(?=${STOP})`,
      patterns: [
        { begin: '\\G', end: `^(?=${BLANK}|${STOP})`, patterns: [{ include: `#${key('fields')}` }] },
        {
          begin: `^(?!${STOP})`,
          end: `^(?=${STOP})`,
          // The second scope is the one package.json maps to the html language (embeddedLanguages).
          contentName: 'meta.embedded.block.html text.html.basic',
          patterns: [{ include: 'text.html.basic' }],
        },
      ],
    };
  }

  repo[key('boundary-close')] = {
    match: `${p.prefix}(--)(?!=20[ \\t]*+\\r?$)(?=[!-~]*?[0-9A-Za-z])([!-~]*?)(--)[ \\t]*+\\r?$`,
    name: sc('markup.heading.boundary.close'),
    captures: pre({
      1: { name: sc('punctuation.definition.boundary') },
      2: { name: sc('entity.name.section.boundary') },
      3: { name: sc('punctuation.definition.boundary.close') },
    }),
  };
  repo[key('part')] = {
    comment: 'RFC 2046 §5.1.1 delimiter line; the part header fields follow up to the blank line.',
    begin: `${p.prefix}(--)(?!=20[ \\t]*+\\r?$)(?=[!-~]*?[0-9A-Za-z])([!-~]++)[ \\t]*+\\r?$`,
    beginCaptures: pre({
      0: { name: sc('markup.heading.boundary') },
      1: { name: sc('punctuation.definition.boundary') },
      2: { name: sc('entity.name.section.boundary') },
    }),
    end: `^(?=${BLANK}|${STOP})`,
    name: sc('meta.part'),
    patterns: headerPatterns,
  };
  repo[key('signature')] = {
    comment: 'The "-- " signature separator (RFC 3676 §4.3; `--=20` when quoted-printable) and the signature after it.',
    begin: `${p.prefix}(-- |--=20)\\r?$`,
    beginCaptures: pre({ 1: { name: sc('punctuation.definition.signature') } }),
    end: `^(?=${STOP})`,
    name: sc('comment.block.signature'),
    patterns: prefixOnly,
  };
  repo[key('quote')] = {
    match: `${p.prefix}((?:>[ \\t]?)++)(.*)$`,
    captures: pre({ 1: { name: sc('punctuation.definition.quote') }, 2: { name: sc('markup.quote') } }),
  };
  // A line of only base64 characters: 40 or more, or any length ending in = padding. An atomic
  // run of 40 or more instead of a 40-character lookahead and a second run over the same
  // characters: the same lines, one pass over each.
  const BASE64_TEXT = '(?>[A-Za-z0-9+/]{40,})={0,2}|[A-Za-z0-9+/]++={1,2}';
  const BASE64_LINE = `(${BASE64_TEXT})[ \\t]*+\\r?$`;
  repo[key('base64')] = p.k
    ? {
      comment:
        'A run of base64 lines behind a line prefix: after the first one each following line is ' +
        'checked by the `while` pattern alone instead of every body rule; the first line that is ' +
        'not base64 (a boundary, a short last line) ends the run.',
      begin: `${p.prefix}${BASE64_LINE}`,
      beginCaptures: pre({ 1: { name: sc('string.unquoted.base64') } }),
      while: `${p.prefix}${BASE64_LINE}`,
      whileCaptures: pre({ 1: { name: sc('string.unquoted.base64') } }),
      patterns: [],
    }
    : {
      comment:
        'A run of base64 lines, most of the lines of a big message. Each following line that is ' +
        'nothing but base64 costs vscode-textmate one scan, of the `end` pattern at the line start, ' +
        'and no match: the line takes the scope from contentName. (A `while` rule costs two scans ' +
        'per line, the `while` match and then one of its patterns, and a capture.) The `end` can use ' +
        '\\G at the line start because the begin match takes the line end with it; the lookbehind ' +
        'keeps it from matching right after the begin match, at the end of that line (vscode-textmate ' +
        'turns \\z into a pattern that cannot match there). A line with trailing white space or a CR ' +
        'ends the run and starts the next one, so the white space never takes the scope.',
      begin: `^(${BASE64_TEXT})[ \\t]*+\\r?\\n`,
      beginCaptures: { 1: { name: sc('string.unquoted.base64') } },
      end: `\\G(?<!\\n)(?!(?:${BASE64_TEXT})$)`,
      contentName: sc('string.unquoted.base64'),
    };
  repo[key('body')] = {
    patterns: [
      { include: `#${key('boundary-close')}` },
      { include: `#${key('part')}` },
      { include: `#${key('signature')}` },
      { include: `#${key('base64')}` },
      { include: `#${key('quote')}` },
      ...prefixOnly,
      { include: `${p.ref}quoted-printable` },
    ],
  };
  return { repo, headerPatterns, STOP, BLANK };
}

// ---------------------------------------------------------------- eml

function emlGrammar() {
  const S = 'eml';
  const sc = (name) => `${name}.${S}`;
  const lines = lineRules(S, {
    prefix: '^', k: 0, prefixCaptures: {}, ahead: '', cont: '', stop: null, ref: '#', html: true, mbox: true, id: '',
  });
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Email Message',
    scopeName: 'text.eml',
    comment: 'Generated by syntaxes/src/grammars.mjs; edit that file, not this one.',
    patterns: [{ include: '#mbox-message' }, { include: '#header-section' }, { include: '#body' }],
    repository: {
      'mbox-message': {
        comment: 'RFC 4155 mbox: a "From " separator line, then the next message\'s header section.',
        begin: `^(From) ([^\\s]++) ++(${WEEKDAY}\\b.*)$`,
        beginCaptures: {
          0: { name: sc('meta.separator.mbox') },
          1: { name: sc('keyword.control.mbox') },
          2: { name: sc('markup.underline.link.address') },
          3: { name: sc('constant.other.date.mbox') },
        },
        end: `^(?=${lines.BLANK}|${lines.STOP})`,
        name: sc('meta.headers'),
        patterns: lines.headerPatterns,
      },
      'header-section': {
        comment: 'RFC 5322 §2.1: the header section runs from the start to the first empty line.',
        begin: '\\A(?!\\r?$)',
        end: `^(?=${lines.BLANK}|${lines.STOP})`,
        name: sc('meta.headers'),
        patterns: lines.headerPatterns,
      },
      body: {
        patterns: [{ include: '#mbox-message' }, ...lines.repo.body.patterns],
      },
      ...Object.fromEntries(Object.entries(lines.repo).filter(([k]) => k !== 'body')),
      ...valueRepository(S),
    },
  };
}

// ---------------------------------------------------------------- smtp transcript

const COMMANDS = [
  'HELO', 'EHLO', 'LHLO', 'MAIL', 'RCPT', 'DATA', 'BDAT', 'RSET', 'VRFY', 'EXPN', 'HELP', 'NOOP', 'QUIT',
  'STARTTLS', 'AUTH', 'TURN', 'ETRN', 'ATRN', 'SEND', 'SOML', 'SAML', 'VERB', 'ONEX', 'XCLIENT', 'XFORWARD',
];
const EHLO_KEYWORDS = [
  '8BITMIME', 'AUTH', 'BINARYMIME', 'CHECKPOINT', 'CHUNKING', 'DELIVERBY', 'DSN', 'ENHANCEDSTATUSCODES',
  'ETRN', 'EXPN', 'FUTURERELEASE', 'HELP', 'LIMITS', 'MT-PRIORITY', 'MTRK', 'NO-SOLICITING', 'PIPELINING',
  'REQUIRETLS', 'RRVS', 'SIZE', 'SMTPUTF8', 'STARTTLS', 'SUBMITTER', 'VERB', 'VRFY', 'XCLIENT', 'XFORWARD',
  'XEXCH50', 'X-EXPS', 'TURN', 'ATRN', 'ONEX', 'UTF8SMTP', 'CONNEG', 'DELIVERBY',
];
// The second scope picks the colour. Dark Modern and Light Modern (Dark+/Light+
// beneath) colour each of these apart: 2xx green, 3xx blue, 5xx red; 4xx, a
// failure to retry later, takes the function colour (pale yellow / brown), because
// every red-ish scope they colour (string.regexp, invalid, markup.deleted) would
// read as one more permanent failure.
const REPLY_CLASSES = [
  ['2', 'success', 'markup.inserted'],
  ['3', 'intermediate', 'markup.changed'],
  ['4', 'transient', 'entity.name.function'],
  ['5', 'permanent', 'markup.deleted'],
];

function smtpGrammar() {
  const S = 'smtp-transcript';
  const sc = (name) => `${name}.${S}`;
  const CLIENT = { name: sc('entity.name.function.prefix.client') };
  const SERVER = { name: sc('entity.name.type.prefix.server') };
  // Inside DATA every message line is `C: ` + the line; a server line or the lone dot ends it.
  /**
   * The DATA block of one log dialect: after the 354 reply the client sends the message, one
   * prefixed line each, up to the lone dot (RFC 5321 §4.1.1.4); a server line also ends it.
   * The message lines are highlighted with the eml rules built for that prefix.
   */
  const dataBlock = (d) => {
    const stop = `${d.clientAhead}\\.[ \\t]*+\\r?$|${d.serverAhead}`;
    const lines = lineRules('eml', {
      prefix: `^${d.client}`, k: 1, prefixCaptures: { 1: CLIENT }, ahead: d.clientAhead, cont: d.clientCont,
      stop, ref: 'text.eml#', html: false, mbox: false, id: `-in-data${d.id}`,
      extra: [{ include: '#annotation' }],
    });
    return {
      [`data-block${d.id}`]: {
        comment: `The DATA block (${d.what}); the lines are highlighted with the eml rules behind the prefix.`,
        begin: `^${d.server}((354))(?:(-)|( )|(?=[ \\t]*+\\r?$))(.*)$`,
        beginCaptures: {
          1: SERVER,
          2: { name: sc('constant.numeric.reply.intermediate') },
          3: { name: sc('markup.changed.reply-code') },
          4: { name: sc('punctuation.separator.continuation') },
          5: { name: sc('punctuation.separator.final') },
        },
        end: `^${d.client}(\\.)[ \\t]*+\\r?$|^(?=${d.serverAhead})`,
        endCaptures: { 1: CLIENT, 2: { name: sc('punctuation.terminator.data') } },
        contentName: sc('meta.embedded.message'),
        patterns: [{ include: '#annotation' }, { include: `#data-message${d.id}` }],
      },
      [`data-message${d.id}`]: {
        begin: `^(?=${d.clientAhead})`,
        end: `^(?=${stop})`,
        patterns: [
          {
            comment: 'The header section: the first message line up to the first empty one.',
            begin: `\\G(?!${lines.BLANK})`,
            end: `^(?=${lines.BLANK}|${stop})`,
            name: 'meta.headers.eml',
            patterns: lines.headerPatterns,
          },
          { include: `#body-in-data${d.id}` },
        ],
      },
      ...lines.repo,
    };
  };
  const replyAt = (anchor) =>
    REPLY_CLASSES.map(([digit, cls, themeScope]) => ({
      match:
        `${anchor}((${digit}\\d\\d))(?:(-)|( )|(?=[ \\t]*+\\r?$))` +
        `(?:([${digit === '3' ? '2345' : digit}]\\.\\d{1,3}\\.\\d{1,3})(?=[ \\t]|\\r?$))?` +
        (digit === '2' ? `(?:[ \\t]*+((?i:${alt(EHLO_KEYWORDS)}))(?=[ =\\t]|\\r?$))?` : ''),
      captures: {
        1: { name: sc(`constant.numeric.reply.${cls}`) },
        2: { name: sc(`${themeScope}.reply-code`) },
        3: { name: sc('punctuation.separator.continuation') },
        4: { name: sc('punctuation.separator.final') },
        5: { name: sc('constant.numeric.status.enhanced') },
        ...(digit === '2' ? { 6: { name: sc('support.constant.ehlo-keyword') } } : {}),
      },
    }));
  const commandAt = (anchor) => [
    {
      match: `${anchor}(?i:(MAIL|RCPT))(?:[ \\t]++(?i:(FROM|TO))(:))?`,
      captures: {
        1: { name: sc('keyword.control.command') },
        2: { name: sc('keyword.other.path') },
        3: { name: sc('punctuation.separator.path') },
      },
    },
    {
      match: `${anchor}(?i:(AUTH))(?:[ \\t]++([A-Za-z0-9_-]++))?(?:[ \\t]++([^\\s]++))?`,
      captures: {
        1: { name: sc('keyword.control.command') },
        2: { name: sc('support.constant.sasl-mechanism') },
        3: { name: sc('string.unquoted.base64') },
      },
    },
    {
      match: `${anchor}(?i:(HELO|EHLO|LHLO))(?:[ \\t]++([^\\s]++))?`,
      captures: { 1: { name: sc('keyword.control.command') }, 2: { name: sc('string.unquoted.domain') } },
    },
    {
      match: `${anchor}(?i:(${alt(COMMANDS)}))(?=[ \\t]|\\r?$)`,
      captures: { 1: { name: sc('keyword.control.command') } },
    },
    {
      match: `${anchor}(\\.)[ \\t]*+(?=\\r?$)`,
      captures: { 1: { name: sc('punctuation.terminator.data') } },
    },
    {
      comment: 'A SASL response line (RFC 4954 §4) or `*` to cancel the exchange.',
      match: `${anchor}([A-Za-z0-9+/]++={0,2}|\\*)[ \\t]*+(?=\\r?$)`,
      captures: { 1: { name: sc('string.unquoted.base64') } },
    },
    {
      match: '(<)([^<>\\s]*+)(>)',
      captures: {
        1: { name: sc('punctuation.definition.path.begin') },
        2: { name: sc('markup.underline.link.address') },
        3: { name: sc('punctuation.definition.path.end') },
      },
    },
    {
      comment: 'ESMTP parameters such as SIZE=123 or BODY=8BITMIME (RFC 5321 §4.1.2).',
      match: '(?<=[ \\t])([A-Za-z0-9][A-Za-z0-9-]*+)(=)([^\\s]*+)',
      captures: {
        1: { name: sc('variable.parameter.esmtp') },
        2: { name: sc('keyword.operator.assignment') },
        3: { name: sc('string.unquoted.parameter-value') },
      },
    },
  ];
  /** A dialect prefix after which a line is a reply (three digits) or else a command. */
  const dialect = (prefixRe, scopeName) => ({
    begin: prefixRe,
    beginCaptures: { 1: { name: sc(scopeName) } },
    end: '$',
    name: sc('meta.line.dialect'),
    patterns: [...replyAt('\\G'), ...commandAt('\\G')],
  });
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'SMTP Transcript',
    scopeName: 'text.smtp-transcript',
    comment: 'Generated by syntaxes/src/grammars.mjs; edit that file, not this one.',
    patterns: [
      { include: '#annotation' },
      { include: '#data-block' },
      { include: '#data-block-dialect' },
      { include: '#server-line' },
      { include: '#client-line' },
      { include: '#nodemailer' },
      { include: '#dialects' },
    ],
    repository: {
      annotation: {
        match: '^(#).*$',
        name: sc('comment.line.number-sign'),
        captures: { 1: { name: sc('punctuation.definition.comment') } },
      },
      ...dataBlock({
        id: '', what: 'C:/S: transcripts', server: '(S:) ?', serverAhead: 'S:',
        client: '(C:) ?', clientAhead: 'C: ?', clientCont: 'C: ',
      }),
      ...dataBlock({
        id: '-dialect', what: 'swaks and msmtp logs', server: '(<-  ?|<~  ?|<-- )', serverAhead: '(?:<-|<~|<\\*\\*)',
        client: '( ->| ~>|-->) ?', clientAhead: '(?: ->| ~>|-->) ?', clientCont: '(?: -> | ~> |--> )',
      }),
      'server-line': {
        begin: '^(S:) ?',
        beginCaptures: { 1: SERVER },
        end: '$',
        name: sc('meta.line.server'),
        patterns: replyAt('\\G'),
      },
      'client-line': {
        begin: '^(C:) ?',
        beginCaptures: { 1: CLIENT },
        end: '$',
        name: sc('meta.line.client'),
        patterns: commandAt('\\G'),
      },
      nodemailer: {
        comment: 'nodemailer\'s logger: [time] LEVEL [session] C: ... / S: ... / other text.',
        begin: '^(\\[[^\\]\\n]*+\\])[ \\t]++([A-Z]++)[ \\t]++(\\[[^\\]\\n]*+\\])[ \\t]*+(?:(C:)|(S:))? ?',
        beginCaptures: {
          1: { name: sc('constant.other.timestamp') },
          2: { name: sc('keyword.other.log-level') },
          3: { name: sc('variable.other.session-id') },
          4: CLIENT,
          5: SERVER,
        },
        end: '$',
        name: sc('meta.line.log'),
        patterns: [...replyAt('(?<=S: |S:)\\G'), ...commandAt('(?<=C: |C:)\\G')],
      },
      dialects: {
        comment:
          'Other tools\' session logs: swaks ( -> <-  ~> <~  <** ===), msmtp (--> <--), Postfix (Out: In:).',
        patterns: [
          dialect('^( -> | ~> |--> |Out: )', 'entity.name.function.prefix.client'),
          dialect('^(<-  ?|<~  ?|<-- |In: )', 'entity.name.type.prefix.server'),
          {
            match: '^(<\\*\\*|\\*\\*\\*) ?(.*)$',
            captures: { 1: { name: sc('invalid.illegal.prefix.error') }, 2: { name: sc('markup.deleted.error') } },
          },
          {
            match: '^(===) ?(.*)$',
            name: sc('comment.line.info'),
            captures: { 1: { name: sc('punctuation.definition.comment') } },
          },
        ],
      },
    },
  };
}

// ---------------------------------------------------------------- output

/** The generated grammars, file name → JSON text. */
export function renderGrammars() {
  return {
    'eml.tmLanguage.json': `${JSON.stringify(emlGrammar(), null, 2)}\n`,
    'smtp-transcript.tmLanguage.json': `${JSON.stringify(smtpGrammar(), null, 2)}\n`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, text] of Object.entries(renderGrammars())) {
    const file = join(outDir, name);
    let old = '';
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      /* not generated yet */
    }
    if (old === text) continue;
    if (check) {
      console.error(`syntaxes/${name} is stale: run node syntaxes/src/grammars.mjs`);
      stale++;
    } else {
      writeFileSync(file, text);
      console.log(`wrote syntaxes/${name}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
