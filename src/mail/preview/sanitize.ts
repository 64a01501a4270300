/**
 * Message HTML made safe to show (the message is hostile): sanitize-html with
 * an allow-list of the elements and attributes mail uses. Never kept: scripts,
 * event handlers, forms and their controls, frames, objects, `<meta>`, `<base>`,
 * `<link>`, SVG and MathML, `javascript:`/`data:` links. Images resolve `cid:`
 * references to the message's own parts (RFC 2392); remote images and CSS are
 * removed unless the reader allowed them, and tracking pixels (tiny or hidden
 * remote images) are removed always.
 */
import sanitizeHtml from 'sanitize-html';
import { sanitizeCss, type UrlPolicy } from './css';

/** What `sanitizeMessageHtml` returns. */
export interface SanitizedHtml {
  html: string;
  /** Remote images and style loads removed because remote content is blocked. */
  remoteBlocked: number;
  /** Remote images removed as tracking pixels (whatever the reader allowed). */
  trackersBlocked: number;
}

/** Options of `sanitizeMessageHtml`. */
export interface SanitizeOptions {
  allowRemote?: boolean;
  /** A `data:` URI for the part with this Content-ID (without angle brackets). */
  resolveCid?(contentId: string): string | undefined;
}

const ALLOWED_TAGS = [
  'a', 'abbr', 'acronym', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center',
  'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'nav', 'ol',
  'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strike', 'strong', 'style', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];

const COMMON_ATTRIBUTES = [
  'style', 'class', 'id', 'dir', 'lang', 'title', 'align', 'valign', 'width', 'height', 'bgcolor', 'color', 'border',
  'cellpadding', 'cellspacing', 'colspan', 'rowspan', 'face', 'size', 'nowrap', 'role', 'background', 'start', 'type',
  'span', 'summary', 'headers', 'scope', 'abbr', 'datetime', 'cite', 'open',
];

/** The text of these elements is dropped with them (not shown as text). */
const NON_TEXT_TAGS = ['script', 'textarea', 'option', 'title', 'noscript', 'noembed', 'noframes', 'xmp', 'iframe', 'object', 'template', 'svg', 'math', 'select'];

/** A remote image this small (or hidden) only tells the sender that the message was opened. */
function isTrackingPixel(attribs: Record<string, string>): boolean {
  const px = (v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(v);
    return m ? Number(m[1]) : undefined;
  };
  const style = (attribs.style ?? '').toLowerCase();
  const styleWidth = /(?:^|;)\s*(?:max-)?width\s*:\s*([\d.]+)px/.exec(style)?.[1];
  const styleHeight = /(?:^|;)\s*(?:max-)?height\s*:\s*([\d.]+)px/.exec(style)?.[1];
  const w = px(attribs.width) ?? px(styleWidth);
  const h = px(attribs.height) ?? px(styleHeight);
  if ((w !== undefined && w <= 3) || (h !== undefined && h <= 3)) return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$)/.test(style);
}

const isRemote = (url: string): boolean => /^\s*(https?:)?\/\//i.test(url);

/** Sanitizes one HTML body. */
export function sanitizeMessageHtml(html: string, options: SanitizeOptions = {}): SanitizedHtml {
  const policy: UrlPolicy = { allowRemote: !!options.allowRemote, resolveCid: options.resolveCid ?? (() => undefined), remoteBlocked: 0 };
  let trackersBlocked = 0;
  const out = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowVulnerableTags: true, // style elements: their text is sanitized below
    allowedAttributes: {
      '*': COMMON_ATTRIBUTES,
      a: ['href', 'name'],
      img: ['src', 'alt', 'width', 'height'],
      ol: ['start', 'type', 'reversed'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['data', 'http', 'https'] },
    // `background` is checked in transformTags (cid: resolved, remote only when allowed, nothing else).
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    parseStyleAttributes: false,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT_TAGS,
    transformTags: {
      '*': (tagName, attribs) => {
        const a: Record<string, string> = { ...attribs };
        if (a.style !== undefined) {
          const css = sanitizeCss(a.style, policy).trim();
          if (css) a.style = css;
          else delete a.style;
        }
        if (a.background !== undefined) {
          const bg = a.background.trim();
          if (/^cid:/i.test(bg)) {
            const data = policy.resolveCid(bg.slice(4));
            if (data) a.background = data;
            else delete a.background;
          } else if (!(isRemote(bg) && policy.allowRemote)) {
            if (isRemote(bg)) policy.remoteBlocked++;
            delete a.background;
          }
        }
        if (tagName === 'img' && a.src !== undefined) {
          const src = a.src.trim();
          if (/^cid:/i.test(src)) {
            const data = policy.resolveCid(src.slice(4));
            if (data) a.src = data;
            else delete a.src;
          } else if (isRemote(src)) {
            if (isTrackingPixel(a)) {
              trackersBlocked++;
              delete a.src;
              a.class = 'smtp-eml-tracker';
            } else if (!policy.allowRemote) {
              policy.remoteBlocked++;
              delete a.src;
              a.class = `${a.class ?? ''} smtp-eml-remote-blocked`.trim();
            }
          } else if (!/^data:image\/(png|gif|jpe?g|webp|bmp);/i.test(src)) delete a.src;
        }
        if (tagName === 'a' && a.href !== undefined && !/^\s*(https?:|mailto:|tel:|#)/i.test(a.href)) delete a.href;
        return { tagName, attribs: a };
      },
    },
  });
  // sanitize-html passes a style element's text through untouched (it cannot escape
  // it): sanitize it here. In its output a literal "<style>" can only be an element,
  // because text and attribute values are escaped.
  const html2 = out.replace(/(<style\b[^>]*>)([\s\S]*?)<\/style>/g, (_m, open: string, css: string) => `${open}${sanitizeCss(css, policy)}</style>`);
  return { html: html2, remoteBlocked: policy.remoteBlocked, trackersBlocked };
}
