/**
 * A plain-text rendering of an HTML email, for the text/plain alternative the
 * "wrap in multipart/alternative" fix generates (RFC 2046 §5.1.4): block
 * elements become line breaks, list items get a dash, links keep their URL,
 * images their alt text; styles, scripts and the head are dropped.
 */
import { attributeValue, scanHtml } from './scan';

/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Elements whose content is not text a reader sees. */
const HIDDEN = new Set(['head', 'style', 'script', 'title', 'template', 'noscript']);

/** The text a reader of `html` sees, with line breaks where blocks are. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let hidden = 0;
  let pre = 0;
  const links: Array<{ href: string; start: number }> = [];
  const newline = (): void => {
    out.push('\n');
  };
  scanHtml(html, {
    startTag(tag) {
      if (HIDDEN.has(tag.name)) {
        hidden++;
        return;
      }
      if (hidden) return;
      if (tag.name === 'pre') pre++;
      if (tag.name === 'br') newline();
      else if (BLOCKS.has(tag.name)) newline();
      if (tag.name === 'li') out.push('- ');
      else if (tag.name === 'td' || tag.name === 'th') out.push(' ');
      if (tag.name === 'hr') out.push('----------', '\n');
      if (tag.name === 'img') {
        const alt = (attributeValue(tag, 'alt') ?? '').trim();
        if (alt) out.push(alt);
      }
      if (tag.name === 'a') links.push({ href: (attributeValue(tag, 'href') ?? '').trim(), start: out.length });
    },
    endTag(name) {
      if (HIDDEN.has(name)) {
        hidden = Math.max(0, hidden - 1);
        return;
      }
      if (hidden) return;
      if (name === 'pre') pre = Math.max(0, pre - 1);
      if (BLOCKS.has(name)) newline();
      if (name === 'a') {
        const link = links.pop();
        if (link && /^(https?|ftp):/i.test(link.href)) {
          const label = out.slice(link.start).join('').replace(/\s+/g, ' ').trim();
          if (label !== link.href) out.push(` <${link.href}>`);
        }
      }
    },
    text(start, end, rawIn) {
      if (hidden || rawIn === 'style' || rawIn === 'script' || rawIn === 'title') return;
      // HTML collapses white space (line breaks in the source included) except in <pre>.
      const piece = html.slice(start, end);
      out.push(pre ? piece.replace(/\r\n?/g, '\n') : piece.replace(/\s+/g, ' '));
    },
    textEntity(codepoint) {
      if (!hidden) out.push(String.fromCodePoint(codepoint));
    },
  });
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
