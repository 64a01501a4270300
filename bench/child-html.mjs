// The HTML checks' cost, in a fresh process (run with --expose-gc). Prints one JSON line.
//   node --expose-gc bench/child-html.mjs <runs>
// Inputs are made here, deterministically: a newsletter-like message whose
// quoted-printable HTML part is 1 MB (tables, inline styles, images, links, a
// <style> block), and a 1 MB message with no HTML part (text and an attachment).
// Measured: CPU time of the HTML checks alone (checkHtml on a parsed message),
// cold (first call, which also loads the caniemail data) and warm (median).
import { createRequire } from 'node:module';
import * as path from 'node:path';

const runs = Number(process.argv[2]) || 15;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const { parseMessage } = require(path.join(root, 'out/src/mail/message/parse.js'));
const { validateParsed } = require(path.join(root, 'out/src/mail/message/validate.js'));
const { checkHtml } = require(path.join(root, 'out/src/mail/html/check.js'));
const { encodeQuotedPrintable, encodeBase64Lines } = require(path.join(root, 'out/src/mail/message/encodings.js'));
const { decodeHtmlPart } = require(path.join(root, 'out/src/mail/html/decode.js'));
const { Tokenizer } = require('htmlparser2');

const cpuMs = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const HEAD = 'From: News <news@example.com>\r\nTo: reader@example.org\r\nSubject: Weekly\r\nDate: Thu, 03 Dec 2026 09:00:00 +0000\r\nMessage-ID: <bench@example.com>\r\nMIME-Version: 1.0\r\n';

function htmlMessage() {
  let html =
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><style>@media (max-width:600px){.col{display:block!important;width:100%!important}} a:hover{color:#0066cc}</style></head>\n<body style="margin:0;padding:0;background-color:#f4f4f4">\n<table width="100%" cellpadding="0" cellspacing="0" border="0">\n';
  let i = 0;
  while (html.length < 1024 * 1024) {
    i++;
    html +=
      `<tr><td class="col" style="padding:12px 16px;font-family:Arial,sans-serif;font-size:15px;line-height:22px;color:#333333;border-bottom:1px solid #eeeeee">` +
      `<img src="https://cdn.example.com/items/${i}.png" width="80" height="80" alt="Item ${i}" style="display:block;border:0">` +
      `<h2 style="font-size:18px;margin:8px 0">Item ${i} — caf\u00e9 pr\u00e9f\u00e9r\u00e9</h2><p style="margin:0 0 8px">Short description of item ${i}, with a <a href="https://example.com/i/${i}" style="color:#0066cc;text-decoration:underline">link</a>.</p></td></tr>\n`;
  }
  html += '</table></body></html>\n';
  const body = encodeQuotedPrintable(html.replace(/\n/g, '\r\n'), '\r\n');
  return {
    text: `${HEAD}Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nItems this week.\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body}\r\n--b--\r\n`,
    htmlBytes: Buffer.byteLength(html),
  };
}

function plainMessage() {
  const para = 'Plain text without any HTML part, wrapped at a polite width for mail readers.\r\n';
  const text = para.repeat(Math.ceil((512 * 1024) / para.length));
  const attachment = encodeBase64Lines(Buffer.alloc(384 * 1024, 7), '\r\n');
  return `${HEAD}Content-Type: multipart/mixed; boundary="m"\r\n\r\n--m\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n--m\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n--m--\r\n`;
}

/** A reporter like the validator's: at most 100 problems per code are kept. */
function capped() {
  const counts = new Map();
  let problems = 0;
  return {
    report: (p) => {
      counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
      problems++;
    },
    isFull: (code) => (counts.get(code) ?? 0) >= 100,
    get problems() {
      return problems;
    },
  };
}

function measure(parsed) {
  let r = capped();
  let c0 = process.cpuUsage();
  checkHtml(parsed, {}, r.report, r.isFull);
  const cold = cpuMs(c0);
  const problems = r.problems;
  const warm = [];
  for (let i = 0; i < runs; i++) {
    global.gc();
    r = capped();
    c0 = process.cpuUsage();
    checkHtml(parsed, {}, r.report, r.isFull);
    warm.push(cpuMs(c0));
  }
  return { cold, warm: median(warm), problems };
}

/** Full validation with and without the HTML checks (median CPU ms each). */
function fullValidation(parsed) {
  const timed = (html) => {
    const xs = [];
    for (let i = 0; i < runs; i++) {
      global.gc();
      const c0 = process.cpuUsage();
      validateParsed(parsed, { html });
      xs.push(cpuMs(c0));
    }
    return median(xs);
  };
  timed({}); // warm both paths up
  return { withHtml: timed({}), withoutHtml: timed(false) };
}

// The message without HTML first, so nothing has loaded the support data yet: its cost must be nil.
const plain = plainMessage();
const plainParsed = parseMessage(plain);
const none = measure(plainParsed);
const noneFull = fullValidation(plainParsed);
const html = htmlMessage();
const htmlParsed = parseMessage(html.text);
const big = measure(htmlParsed);
const bigFull = fullValidation(htmlParsed);
// The floors: decoding with the position map, and htmlparser2's tokenizer alone (no-op callbacks) on the decoded HTML.
const floor = (run) => {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    global.gc();
    const c0 = process.cpuUsage();
    run();
    xs.push(cpuMs(c0));
  }
  return median(xs);
};
const htmlPart = htmlParsed.root.children.find((c) => c.contentType.subtype === 'html');
const decoded = decodeHtmlPart(html.text, htmlPart);
const noop = () => undefined;
const callbacks = Object.fromEntries(['onattribdata', 'onattribentity', 'onattribend', 'onattribname', 'oncdata', 'onclosetag', 'oncomment', 'ondeclaration', 'onend', 'onopentagend', 'onopentagname', 'onprocessinginstruction', 'onselfclosingtag', 'ontext', 'ontextentity'].map((k) => [k, noop]));
big.decodeFloor = floor(() => decodeHtmlPart(html.text, htmlPart));
big.tokenizerFloor = floor(() => {
  const t = new Tokenizer({ decodeEntities: true }, callbacks);
  t.write(decoded.html);
  t.end();
});
console.log(JSON.stringify({ runs, html: { bytes: html.text.length, htmlBytes: html.htmlBytes, ...big, full: bigFull }, none: { bytes: plain.length, ...none, full: noneFull } }));
