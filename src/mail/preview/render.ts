/**
 * The preview as HTML: a list of keyed sections (the webview replaces only the
 * sections whose HTML changed, so an edit to the Subject does not reload the
 * body) and the whole self-contained page the CLI writes. Every element taken
 * from the message is escaped or was sanitized (./sanitize.ts); HTML bodies go
 * into sandboxed frames (no scripts, same origin only so the page can size
 * them) whose own Content-Security-Policy allows no remote load unless the
 * reader allowed remote content. Elements carry `data-offset`/`data-end`, the
 * source span they show.
 */
import { createHash } from 'node:crypto';
import { bundleFor, formatSize, type Language } from '../i18n';
import type { PreviewLabels } from './labels';
import type { Preview, PreviewAlternative, PreviewBlock, PreviewMessage, SourceSpan } from './model';

/** Options of the renderers. */
export interface RenderOptions {
  language: Language;
  /** Problems of the message (the editor's diagnostics or the validator's); errors make a banner. */
  problems?: { errors: number; warnings: number };
  /** `webview`: buttons for Open / Save As / remote content (the webview script wires them). `standalone`: none. */
  mode: 'webview' | 'standalone';
}

/** One replaceable piece of the page. */
export interface RenderedSection {
  key: string;
  html: string;
}

/** Escapes text for element content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

const spanAttrs = (s: SourceSpan): string => ` data-offset="${s.offset}" data-end="${s.end}"`;

/** Plain text with its web addresses as links (the only markup added to a text body). */
function textToHtml(text: string): string {
  const out: string[] = [];
  const re = /\b(?:https?:\/\/|mailto:)[^\s<>"'()[\]]+[^\s<>"'()[\].,;:!?]/gi;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(escapeHtml(text.slice(last, m.index)));
    out.push(`<a href="${escapeHtml(m[0])}">${escapeHtml(m[0])}</a>`);
    last = m.index + m[0].length;
  }
  out.push(escapeHtml(text.slice(last)));
  return out.join('');
}

/** The Content-Security-Policy of a frame holding a message's HTML. */
export function frameCsp(allowRemote: boolean): string {
  const remote = allowRemote ? ' https: http:' : '';
  return `default-src 'none'; img-src data:${remote}; style-src 'unsafe-inline'${remote}; font-src data:${remote}; form-action 'none'; base-uri 'none'`;
}

/** The document a sandboxed frame shows: the sanitized HTML, white like a mail client's reading pane. */
function frameDocument(content: string, allowRemote: boolean, standalone: boolean): string {
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${frameCsp(allowRemote)}">` +
    (standalone ? '<base target="_blank">' : '') +
    `<style>html{background:#fff;color:#111;}body{margin:0;padding:12px;font:14px/1.45 -apple-system,"Segoe UI",Tahoma,sans-serif;overflow-wrap:anywhere;}img{max-width:100%;height:auto;}` +
    `img.smtp-eml-remote-blocked{outline:1px dashed #999;min-width:24px;min-height:24px;background:#eee;}img.smtp-eml-tracker{display:none;}</style></head>` +
    `<body><div dir="auto">${content}</div></body></html>`
  );
}

function renderAlternative(alt: PreviewAlternative, index: number, chosen: boolean, preview: Preview, options: RenderOptions): string {
  const hidden = chosen ? '' : ' hidden';
  if (alt.kind === 'text') {
    return `<div class="alt text-body" dir="auto" data-alt="${index}" data-path="${escapeHtml(alt.path)}"${spanAttrs(alt)}${hidden}>${textToHtml(alt.content)}</div>`;
  }
  const sandbox = options.mode === 'standalone' ? 'allow-same-origin allow-popups allow-popups-to-escape-sandbox' : 'allow-same-origin';
  const doc = frameDocument(alt.content, preview.allowRemote, options.mode === 'standalone');
  return (
    `<div class="alt html-body" data-alt="${index}" data-path="${escapeHtml(alt.path)}"${spanAttrs(alt)}${hidden}>` +
    `<iframe class="msg-frame" sandbox="${sandbox}" referrerpolicy="no-referrer" title="${escapeHtml(alt.mediaType)}" srcdoc="${escapeHtml(doc)}"></iframe></div>`
  );
}

function renderBlock(block: PreviewBlock, preview: Preview, labels: PreviewLabels, options: RenderOptions): string {
  if (block.kind === 'message') {
    return (
      `<section class="block nested"${spanAttrs(block)}><div class="nested-label">${escapeHtml(labels.attachedMessage)}</div>` +
      `<article class="message"${spanAttrs(block.message)}>${renderMessageParts(block.message, preview, labels, options)
        .map((s) => s.html)
        .join('')}</article></section>`
    );
  }
  if (block.kind === 'image') {
    return `<figure class="block image"${spanAttrs(block)}><img src="${escapeHtml(block.dataUri)}" alt="${escapeHtml(block.name ?? labels.inlineImage)}"></figure>`;
  }
  const tabs =
    block.alternatives.length > 1
      ? `<div class="alt-switch" role="tablist" aria-label="${escapeHtml(labels.alternatives)}"><span class="alt-caption">${escapeHtml(labels.alternatives)}</span>` +
        block.alternatives
          .map(
            (a, i) =>
              `<button type="button" role="tab" class="alt-tab" data-alt="${i}" aria-selected="${i === block.chosen}">${escapeHtml(a.kind === 'html' ? labels.html : labels.text)}</button>`,
          )
          .join('') +
        '</div>'
      : '';
  return `<section class="block body"${spanAttrs(block)}>${tabs}${block.alternatives.map((a, i) => renderAlternative(a, i, i === block.chosen, preview, options)).join('')}</section>`;
}

function renderHeaders(message: PreviewMessage, labels: PreviewLabels, top: boolean): string {
  const subject = message.headers.find((h) => h.name === 'subject');
  const tag = top ? 'h1' : 'h2';
  const title = subject
    ? `<${tag} class="subject" dir="auto"${spanAttrs(subject)}>${escapeHtml(subject.value || labels.noSubject)}</${tag}>`
    : `<${tag} class="subject none">${escapeHtml(labels.noSubject)}</${tag}>`;
  const rows = message.headers
    .filter((h) => h.name !== 'subject')
    .map((h) => {
      const value = h.isoDate ? `<time datetime="${h.isoDate}">${escapeHtml(h.value)}</time>` : escapeHtml(h.value);
      return `<div class="row" data-field="${h.name}"${spanAttrs(h)}><dt>${escapeHtml(labels.fields[h.name])}</dt><dd dir="auto">${value}</dd></div>`;
    })
    .join('');
  return `<header class="headers">${title}<dl>${rows}</dl></header>`;
}

function renderAttachments(message: PreviewMessage, labels: PreviewLabels, options: RenderOptions): string {
  if (!message.attachments.length) return '';
  const items = message.attachments
    .map((a) => {
      const buttons =
        options.mode === 'webview'
          ? `<button type="button" class="att-action" data-action="open" data-path="${escapeHtml(a.path)}">${escapeHtml(labels.open)}</button>` +
            `<button type="button" class="att-action" data-action="save" data-path="${escapeHtml(a.path)}">${escapeHtml(labels.saveAs)}</button>`
          : '';
      return (
        `<li class="attachment"${spanAttrs(a)} data-path="${escapeHtml(a.path)}"><span class="att-name" dir="auto">${escapeHtml(a.name ?? a.mediaType)}</span>` +
        `<span class="att-type">${escapeHtml(a.mediaType)}</span><span class="att-size">${escapeHtml(formatSize(a.size, bundleFor(options.language), true))}</span>${buttons}</li>`
      );
    })
    .join('');
  return `<section class="attachments"><h3>${escapeHtml(labels.attachments)} (${message.attachments.length})</h3><ul>${items}</ul></section>`;
}

/** The sections of one message: headers, each body block, attachments. */
function renderMessageParts(message: PreviewMessage, preview: Preview, labels: PreviewLabels, options: RenderOptions): RenderedSection[] {
  const key = `m${message.path}`;
  const sections: RenderedSection[] = [{ key: `${key}:h`, html: renderHeaders(message, labels, message.path === '' ) }];
  message.blocks.forEach((b, i) => sections.push({ key: `${key}:b${i}`, html: renderBlock(b, preview, labels, options) }));
  if (!message.blocks.length) sections.push({ key: `${key}:empty`, html: `<p class="no-body">${escapeHtml(labels.noBody)}</p>` });
  const attachments = renderAttachments(message, labels, options);
  if (attachments) sections.push({ key: `${key}:a`, html: attachments });
  return sections;
}

/** The page's sections, top to bottom: problems banner, remote-content bar, the message. */
export function renderSections(preview: Preview, options: RenderOptions): RenderedSection[] {
  const labels = bundleFor(options.language).preview;
  const sections: RenderedSection[] = [];
  const errors = options.problems?.errors ?? 0;
  if (errors > 0) {
    const button = options.mode === 'webview' ? `<button type="button" data-action="problems">${escapeHtml(labels.showProblems)}</button>` : '';
    sections.push({ key: 'problems', html: `<div class="bar problems" role="alert">${escapeHtml(labels.problems(errors, options.problems?.warnings ?? 0))}${button}</div>` });
  }
  if (preview.remoteBlocked > 0 || preview.allowRemote || preview.trackersBlocked > 0) {
    const text: string[] = [];
    if (preview.allowRemote) text.push(labels.remoteAllowed);
    else if (preview.remoteBlocked > 0) text.push(labels.remoteBlocked(preview.remoteBlocked));
    if (preview.trackersBlocked > 0) text.push(labels.trackersBlocked(preview.trackersBlocked));
    const toggle =
      options.mode === 'webview' && (preview.allowRemote || preview.remoteBlocked > 0)
        ? `<button type="button" data-action="remote">${escapeHtml(preview.allowRemote ? labels.blockRemote : labels.loadRemote)}</button>`
        : '';
    sections.push({ key: 'remote', html: `<div class="bar remote">${escapeHtml(text.join(' '))}${toggle}</div>` });
  }
  sections.push(...renderMessageParts(preview.message, preview, labels, options));
  return sections;
}

/** The page's own style (VS Code theme colours in the webview, plain colours elsewhere). */
export const PREVIEW_CSS = `
:root{color-scheme:light dark;--fg:var(--vscode-editor-foreground,#222);--bg:var(--vscode-editor-background,#fafafa);--muted:var(--vscode-descriptionForeground,#666);--line:var(--vscode-panel-border,#ccc);--hl:var(--vscode-editor-selectionHighlightBackground,#ffe9a8);--btn:var(--vscode-button-background,#0e639c);--btnfg:var(--vscode-button-foreground,#fff);--bar:var(--vscode-editorWidget-background,#f0f0f0);--warn:var(--vscode-editorError-foreground,#c00);}
body{margin:0;padding:12px 16px;background:var(--bg);color:var(--fg);font-family:var(--vscode-font-family,-apple-system,"Segoe UI",Tahoma,sans-serif);font-size:var(--vscode-font-size,14px);}
.headers h1,.headers h2{font-size:1.4em;margin:0 0 8px;}
.headers dl{margin:0 0 12px;display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;}
.headers .row{display:contents;} .headers dt{color:var(--muted);} .headers dd{margin:0;overflow-wrap:anywhere;}
[data-offset]{cursor:default;} .active-part{outline:2px solid var(--vscode-focusBorder,#0078d4);outline-offset:2px;}
.bar{background:var(--bar);border:1px solid var(--line);padding:6px 10px;margin:0 0 10px;display:flex;gap:10px;align-items:center;flex-wrap:wrap;}
.bar.problems{border-color:var(--warn);}
button{background:var(--btn);color:var(--btnfg);border:0;padding:3px 10px;cursor:pointer;font:inherit;}
.block{margin:0 0 12px;} .alt-switch{display:flex;gap:4px;align-items:center;margin:0 0 6px;} .alt-caption{color:var(--muted);margin-inline-end:4px;}
.alt-tab{background:transparent;color:var(--fg);border:1px solid var(--line);} .alt-tab[aria-selected="true"]{background:var(--btn);color:var(--btnfg);}
.text-body{white-space:pre-wrap;overflow-wrap:anywhere;font-family:var(--vscode-editor-font-family,monospace);border:1px solid var(--line);padding:10px;}
.msg-frame{width:100%;min-height:60px;border:1px solid var(--line);background:#fff;display:block;}
.nested{border-inline-start:3px solid var(--line);padding-inline-start:12px;} .nested-label{color:var(--muted);margin:0 0 6px;}
.attachments h3{font-size:1em;margin:12px 0 6px;} .attachments ul{list-style:none;margin:0;padding:0;}
.attachment{display:flex;gap:10px;align-items:center;padding:4px 0;border-top:1px solid var(--line);} .att-type,.att-size{color:var(--muted);} .att-name{font-weight:600;}
.image img{max-width:100%;} .no-body{color:var(--muted);}
`;

/**
 * The page's own script, shared by the webview and the standalone file (in
 * both it runs under the page's CSP, by nonce or by hash; message content
 * never runs): sizes each message frame to its content, shows dates in the
 * reader's local time, switches between a body's alternatives.
 */
export const VIEW_SCRIPT = `(function(){
function fit(f){try{var d=f.contentDocument;if(!d||!d.documentElement)return;var h=Math.ceil(d.documentElement.getBoundingClientRect().height);if(h>0)f.style.height=(h+2)+'px';}catch(e){}}
function wire(root){
root.querySelectorAll('iframe.msg-frame').forEach(function(f){if(f.dataset.wired)return;f.dataset.wired='1';f.addEventListener('load',function(){fit(f);});fit(f);});
root.querySelectorAll('time[datetime]').forEach(function(t){if(t.dataset.local)return;var d=new Date(t.getAttribute('datetime'));if(!isNaN(d.getTime())){t.title=t.textContent;t.textContent=d.toLocaleString(document.documentElement.lang||undefined,{dateStyle:'full',timeStyle:'short'});t.dataset.local='1';}});
}
document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('.alt-tab');if(!b)return;var block=b.closest('.block');block.querySelectorAll('.alt-tab').forEach(function(x){x.setAttribute('aria-selected',String(x===b));});block.querySelectorAll('.alt').forEach(function(a){a.hidden=a.dataset.alt!==b.dataset.alt;a.querySelectorAll('iframe.msg-frame').forEach(fit);});});
window.addEventListener('resize',function(){document.querySelectorAll('iframe.msg-frame').forEach(fit);});
new MutationObserver(function(){wire(document);}).observe(document.body,{childList:true,subtree:true});
wire(document);
})();`;

/** The sha256 CSP source of an inline script. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * One self-contained, sanitized HTML page (images as `data:` URIs, no remote
 * load unless `allowRemote`, no script but the page's own, by hash).
 */
export function renderStandalone(preview: Preview, options: Omit<RenderOptions, 'mode'>): string {
  const labels = bundleFor(options.language).preview;
  const subject = preview.message.headers.find((h) => h.name === 'subject')?.value || labels.noSubject;
  const remote = preview.allowRemote ? ' https: http:' : '';
  const csp = `default-src 'none'; img-src data:${remote}; style-src 'unsafe-inline'${remote}; font-src data:${remote}; script-src ${scriptHash(VIEW_SCRIPT)}; form-action 'none'; base-uri 'none'`;
  const body = renderSections(preview, { ...options, mode: 'standalone' })
    .map((s) => s.html)
    .join('\n');
  const dir = bundleFor(options.language).dir;
  return (
    `<!DOCTYPE html>\n<html lang="${options.language}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(labels.documentTitle(subject))}</title>` +
    `<style>${PREVIEW_CSS}</style></head>\n<body><main id="preview" class="message">\n${body}\n</main><script>${VIEW_SCRIPT}</script></body></html>\n`
  );
}
