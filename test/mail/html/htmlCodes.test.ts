/**
 * The seven HTML codes, each firing at its exact range in 8bit,
 * quoted-printable and base64 HTML parts, with LF and CRLF, and a near miss
 * that must not fire.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Problem } from '../../../src/mail/codes';
import { validateMessage } from '../../../src/mail/message/validate';
import { coveredText, ENCODINGS, EOLS, firstBodyLine, htmlMessage, lineColumnOf, type HtmlEncoding } from './helpers';

const PNG_PART = ['Content-Type: image/png', 'Content-ID: <logo@example.com>', 'Content-Transfer-Encoding: base64', '', 'iVBORw0KGgo='].join('\n');

interface Case {
  code: string;
  /** The HTML where the code fires; `target` is the text the range covers. */
  html: string;
  target: string;
  /** Like `html`, but must not fire. */
  nearMiss: string;
  related?: string[];
}

const CASES: Case[] = [
  {
    code: 'html-client-unsupported',
    html: '<table><tr><td>\n<div style="color:#333; display:flex; padding:0">x</div>\n</td></tr></table>',
    target: 'display:flex',
    nearMiss: '<table><tr><td>\n<div style="color:#333; text-align:left">x</div>\n</td></tr></table>',
  },
  {
    code: 'html-client-partial',
    html: '<table><tr><td style="padding:8px">x</td></tr></table>',
    target: 'padding',
    nearMiss: '<table><tr><td style="color:#000000">x</td></tr></table>',
  },
  {
    code: 'html-cid-not-found',
    html: '<p><img alt="logo" src="cid:missing@example.com"></p>',
    target: 'cid:missing@example.com',
    // RFC 2392: the URL is percent-encoded; %40 is "@".
    nearMiss: '<p><img alt="logo" src="cid:logo%40example.com"></p>',
    related: [PNG_PART],
  },
  {
    code: 'html-script',
    html: '<p>Hello</p>\n<a href="javascript:alert(1)">x</a>',
    target: 'javascript:alert(1)',
    nearMiss: '<p>Hello</p>\n<a href="https://example.com/javascript:">x</a>\n<details open><summary>s</summary></details>',
  },
  {
    code: 'html-image-alt-missing',
    html: '<p>Logo:</p>\n<img src="https://example.com/logo.png" width="10">',
    target: '<img',
    nearMiss: '<p>Logo:</p>\n<img src="https://example.com/logo.png" alt="" width="10">',
  },
];

/** The problems of one code, with clients that have data for every feature used here. */
function problemsOf(message: string, code: string): Problem[] {
  return validateMessage(message).filter((p) => p.code === code);
}

for (const c of CASES) {
  describe(c.code, () => {
    for (const cte of ENCODINGS) {
      for (const { name, eol } of EOLS) {
        test(`fires at the exact range (${cte}, ${name})`, () => {
          const message = htmlMessage(c.html, cte, eol, { related: c.related });
          const found = problemsOf(message, c.code);
          assert.equal(found.length, 1, JSON.stringify(found));
          const p = found[0];
          if (cte === 'base64') {
            // Base64 has no character positions: the part's first line, with the decoded line and column.
            assert.deepEqual({ offset: p.offset, length: p.length }, firstBodyLine(message));
            const { line, column } = lineColumnOf(c.html.replace(/\n/g, eol), c.target);
            assert.match(p.message, new RegExp(`line ${line}, column ${column}\\)$`));
          } else {
            assert.equal(coveredText(message, p, cte), c.target);
          }
        });
        test(`near miss does not fire (${cte}, ${name})`, () => {
          const message = htmlMessage(c.nearMiss, cte, eol, { related: c.related });
          assert.deepEqual(problemsOf(message, c.code), []);
        });
      }
    }
  });
}

describe('html-script: every kind of script', () => {
  for (const [html, target] of [
    ['<p>x</p><script>alert(1)</script>', '<script'],
    ['<p onclick="go()">x</p>', 'onclick'],
    ['<body onload="go()">', 'onload'],
    ['<a href=" java\tscript:go()">x</a>', ' java\tscript:go()'],
    ['<form action="JavaScript:go()"></form>', 'JavaScript:go()'],
    // A character reference hides the colon from a naive search (HTML §13.1.4).
    ['<a href="javascript&colon;go()">x</a>', 'javascript&colon;go()'],
  ]) {
    test(JSON.stringify(html), () => {
      const message = htmlMessage(html, '8bit', '\n');
      const found = problemsOf(message, 'html-script');
      assert.deepEqual(found.map((p) => coveredText(message, p, '8bit')), [target]);
    });
  }
});

describe('html-no-text-alternative', () => {
  for (const cte of ENCODINGS) {
    for (const { name, eol } of EOLS) {
      test(`an HTML-only message (${cte}, ${name}) is reported on its Content-Type`, () => {
        const message = htmlMessage('<p>Hello</p>', cte, eol, { alternative: false });
        const found = problemsOf(message, 'html-no-text-alternative');
        assert.equal(found.length, 1);
        assert.equal(message.slice(found[0].offset, found[0].offset + found[0].length), 'text/html; charset=utf-8');
      });
    }
  }
  test('multipart/alternative with text/plain: no problem', () => {
    assert.deepEqual(problemsOf(htmlMessage('<p>Hello</p>', '8bit', '\n'), 'html-no-text-alternative'), []);
  });
  test('multipart/mixed whose body is only HTML, with an attachment: reported', () => {
    const message = [
      'From: a@example.com',
      'Date: Thu, 03 Dec 2026 09:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      '--m',
      'Content-Type: multipart/related; boundary="r"',
      '',
      '--r',
      'Content-Type: text/html',
      '',
      '<p>hi</p>',
      '--r--',
      '--m',
      'Content-Type: text/plain',
      'Content-Disposition: attachment; filename="notes.txt"',
      '',
      'an attachment is not an alternative',
      '--m--',
      '',
    ].join('\n');
    assert.equal(problemsOf(message, 'html-no-text-alternative').length, 1);
  });
  test('an HTML file attached to a plain-text message: no problem', () => {
    const message = [
      'From: a@example.com',
      'Date: Thu, 03 Dec 2026 09:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      '--m',
      'Content-Type: text/plain',
      '',
      'see attached',
      '--m',
      'Content-Type: text/html',
      'Content-Disposition: attachment; filename="page.html"',
      '',
      '<script>x</script>',
      '--m--',
      '',
    ].join('\n');
    assert.deepEqual(validateMessage(message).filter((p) => p.code.startsWith('html-')), []);
  });
});

describe('message-clipped', () => {
  const big = (kb: number): string => `<p>${'x'.repeat(kb * 1024 - 7)}</p>`;
  for (const cte of ENCODINGS) {
    for (const { name, eol } of EOLS) {
      test(`over 102 KB decoded (${cte}, ${name}) is reported on the Content-Type; 101 KB is not`, () => {
        const message = htmlMessage(big(103), cte, eol);
        const found = problemsOf(message, 'message-clipped');
        assert.equal(found.length, 1);
        assert.equal(message.slice(found[0].offset, found[0].offset + found[0].length), 'text/html; charset=utf-8');
        assert.match(found[0].message, /103 KB/);
        assert.deepEqual(problemsOf(htmlMessage(big(101), cte, eol), 'message-clipped'), []);
      });
    }
  }
});

describe('positions through quoted-printable', () => {
  test('a declaration split by a soft line break and escapes before it', () => {
    const body = ['<p>Caf=C3=A9 =E2=82=AC</p><div style=3D"color:red; displ=', 'ay:fl=65x">x</div>'].join('\r\n');
    const message = htmlMessage('', 'quoted-printable', '\r\n').replace(/Content-Transfer-Encoding: quoted-printable\r\n\r\n/, `Content-Transfer-Encoding: quoted-printable\r\n\r\n${body}`);
    const [p] = problemsOf(message, 'html-client-unsupported');
    assert.ok(p, 'display:flex reported');
    assert.equal(message.slice(p.offset, p.offset + p.length), 'displ=\r\nay:fl=65x');
    assert.equal(coveredText(message, p, 'quoted-printable'), 'display:flex');
  });
  test('an 8-bit charset (iso-8859-1) maps octet for octet', () => {
    const message = htmlMessage('<p>x</p>', 'quoted-printable', '\n')
      .replace('text/html; charset=utf-8', 'text/html; charset=iso-8859-1')
      .replace('<p>x</p>', '<p>=E9t=E9</p><div style=3D"display:grid">x</div>');
    const p = problemsOf(message, 'html-client-unsupported').find((x) => x.message.startsWith('display:grid'));
    assert.ok(p);
    assert.equal(message.slice(p.offset, p.offset + p.length), 'display:grid');
  });
});

describe('client support messages name the clients', () => {
  test('flexbox: not supported in Outlook (Windows); partial with the note', () => {
    const [p] = problemsOf(htmlMessage('<div style="display:flex">x</div>', '8bit', '\n'), 'html-client-unsupported');
    assert.match(p.message, /^display:flex: not supported in Outlook \(Windows\), Outlook \(Windows Mail\); partial in Gmail \(Android\), Gmail \(iOS\): Not supported with non Google accounts\.$/);
    assert.deepEqual(p.data?.feature, 'css-display-flex');
  });
  test('CSS in <style>: at-rules, media features, pseudo-classes, functions and !important', () => {
    // "!important" without a space before it: Outlook for Windows drops that form (a spaced one in a sheet works there).
    const html = '<style>@media (prefers-color-scheme: dark) { a:hover { color: rgba(0,0,0,.5)!important; } } @font-face { font-family: X; src: url(x.woff); }</style><p>x</p>';
    const message = htmlMessage(html, '8bit', '\n', {});
    const covered = validateMessage(message, { html: { clients: ['outlook.windows'] } })
      .filter((p) => p.code === 'html-client-unsupported' || p.code === 'html-client-partial')
      .map((p) => coveredText(message, p, '8bit'));
    for (const want of ['@media', 'prefers-color-scheme', ':hover', 'rgba(', '!important', '@font-face']) assert.ok(covered.includes(want), `${want} in ${JSON.stringify(covered)}`);
  });
  test('image formats: by extension, data: URL and the Content-Type of a cid: part', () => {
    const webp = ['Content-Type: image/webp', 'Content-ID: <pic@x>', 'Content-Transfer-Encoding: base64', '', 'UklGRg=='].join('\n');
    const html = '<img alt="" src="https://x.example/a.webp?v=1"><img alt="" src="data:image/svg+xml;base64,PHN2Zz4="><img alt="" src="cid:pic@x">';
    const message = htmlMessage(html, '8bit', '\n', { related: [webp] });
    // Gmail's webmail supports none of WebP, SVG and data: images (caniemail data).
    const found = validateMessage(message, { html: { clients: ['gmail.desktop-webmail'] } }).filter((p) => typeof p.data?.feature === 'string' && String(p.data.feature).startsWith('image-'));
    // One problem per feature and part: the second WebP (the cid: part's Content-Type) is a related location of the first.
    assert.deepEqual(found.map((p) => [p.data!.feature, coveredText(message, p, '8bit'), ...(p.related ?? []).map((r) => message.slice(r.offset, r.offset + r.length))]), [
      ['image-webp', 'https://x.example/a.webp?v=1', 'cid:pic@x'],
      ['image-base64', 'data:image/svg+xml;base64,PHN2Zz4='],
      ['image-svg', 'data:image/svg+xml;base64,PHN2Zz4='],
    ]);
  });
});

describe('the family can be turned off', () => {
  test('html: false runs none of the seven codes', () => {
    const message = htmlMessage('<script>x</script><img src="cid:nope"><div style="display:flex"></div>', 'quoted-printable', '\r\n', { alternative: false });
    assert.ok(validateMessage(message).some((p) => p.code.startsWith('html-')));
    assert.deepEqual(validateMessage(message, { html: false }).filter((p) => p.code.startsWith('html-') || p.code === 'message-clipped'), []);
  });
});

/** Every encoding reports the same codes for the same HTML. */
test('the same HTML gives the same codes in every encoding', () => {
  const html = '<style>.a:hover{color:red}</style><div style="display:grid"><img src="cid:x"><a href="javascript:x()" onclick="y()">z</a></div>';
  const codes = (cte: HtmlEncoding): string[] => validateMessage(htmlMessage(html, cte, '\r\n')).map((p) => p.code).sort();
  assert.deepEqual(codes('quoted-printable'), codes('8bit'));
  assert.deepEqual(codes('base64'), codes('8bit'));
});
