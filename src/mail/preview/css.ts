/**
 * CSS from a message (style elements and attributes) made safe to render:
 * no script (IE `expression()`, `behavior`, `-moz-binding`, `javascript:`),
 * no remote loads unless the reader allowed them (`url()`, `image-set()`,
 * `@import`), no way out of a style element (`<`). Remote and forbidden
 * pieces are replaced by values the browser ignores, so the rest of the
 * style still applies. The Content-Security-Policy of the page is the second
 * line of defence; this keeps the blocked requests from being attempted.
 */

/** What a sanitizing pass needs to know and what it counts. */
export interface UrlPolicy {
  /** Remote (http/https) images and styles may load. */
  allowRemote: boolean;
  /** A `data:` URI for a `cid:` reference (RFC 2392), or undefined when the message has no such part. */
  resolveCid(contentId: string): string | undefined;
  /** Remote loads removed because remote content is blocked. */
  remoteBlocked: number;
}

/** Script-bearing CSS constructs, matched after comments and escapes are removed. */
const FORBIDDEN = /expression\s*\(|javascript\s*:|vbscript\s*:|behavior\s*:|-moz-binding|@import|-o-link|binding\s*:/gi;

/** Decodes CSS escapes (CSS Syntax §4.3.7) so that `\65 xpression(` is seen as what it is. */
function unescapeCss(css: string): string {
  return css.replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([^\n0-9a-fA-F])/g, (_m, hex: string | undefined, ch: string | undefined) => {
    if (hex === undefined) return ch ?? '';
    const code = parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The URL policy applied to one `url()` value; returns the CSS to write in its place. */
function rewriteUrl(raw: string, policy: UrlPolicy): string {
  const url = raw.trim();
  const lower = url.toLowerCase();
  if (lower.startsWith('cid:')) {
    const data = policy.resolveCid(url.slice(4));
    return data ? `url("${data}")` : 'none';
  }
  if (/^data:image\/(png|gif|jpe?g|webp|bmp|x-icon|vnd\.microsoft\.icon);/i.test(url) && !/["'\\<>]/.test(url)) return `url("${url}")`;
  if (/^https?:\/\//i.test(url) && policy.allowRemote && !/["'\\<>]/.test(url)) return `url("${url}")`;
  if (/^(https?:)?\/\//i.test(url)) policy.remoteBlocked++;
  return 'none';
}

/**
 * Sanitizes CSS text (a style element's content or a style attribute's value).
 * Returns the CSS to render (possibly empty).
 */
export function sanitizeCss(css: string, policy: UrlPolicy): string {
  // Comments can split tokens (`expr/**/ession(`); they carry nothing a reader sees.
  let out = css.replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ');
  // A style element ends at "</style"; a "<" in CSS has no honest use.
  out = out.replace(/</g, ' ');
  if (out.includes('\\')) {
    // Escapes are legal but let a hostile sheet hide every keyword below. Messages
    // seldom need them: the escaped form is kept only when nothing dangerous hides in it.
    const plain = unescapeCss(out);
    FORBIDDEN.lastIndex = 0;
    if (FORBIDDEN.test(plain) || /url\s*\(|image-set\s*\(|\bsrc\s*\(/i.test(plain)) {
      if (/https?:|\/\//i.test(plain)) policy.remoteBlocked++;
      return '';
    }
    return out;
  }
  // Replaced by a name no browser knows, keeping the punctuation, so only that declaration is dropped.
  out = out.replace(FORBIDDEN, (m) => (m.startsWith('@') ? '@x-blocked' : 'x-blocked') + (m.endsWith('(') ? '(' : m.endsWith(':') ? ':' : ''));
  // url("..."), url('...'), url(...): the quoted forms may hold ")".
  out = out.replace(/url\s*\(\s*(?:"([^"]*)"|'([^']*)'|([^)"']*))\s*\)/gi, (_m, dq?: string, sq?: string, bare?: string) =>
    rewriteUrl(dq ?? sq ?? bare ?? '', policy),
  );
  // Unterminated or odd url( forms that the pattern above did not take: never let them load.
  out = out.replace(/url\s*\((?!"data:|"cid:)(?!"https?:\/\/)/gi, 'x-blocked(');
  // image-set("a.png" 1x) and src("...") take bare strings as URLs.
  out = out.replace(/(image-set|\bsrc)\s*\(([^)]*)\)/gi, (m, fn: string, args: string) => {
    if (/["']\s*(https?:)?\/\//i.test(args) && !policy.allowRemote) {
      policy.remoteBlocked++;
      return 'none';
    }
    return m;
  });
  return out;
}
