/**
 * The preview page's messaging script (runs in the webview, by nonce; built to
 * dist/previewView.js). The extension posts `update` (keyed sections: only the
 * ones whose HTML changed are replaced, so frames that did not change are not
 * reloaded and the scroll position stays) and `highlight` (the source offset
 * under the cursor). Clicks go back: a part reveals its source lines, links
 * open through VS Code (which asks first), buttons open or save attachments,
 * toggle remote content, show the problems. Message HTML lives in sandboxed
 * frames without scripts; this script reads them (same origin) only to catch
 * link clicks.
 */
interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface Section {
  key: string;
  html: string;
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('preview') as HTMLElement;
/** The HTML each section element was built from. */
const built = new WeakMap<Element, string>();
/**
 * Sections of the first page: what `built` holds for them is the browser's
 * serialization (`innerHTML`, read before any other script of the page has
 * touched it: the page runs this script first), not the HTML they were
 * rendered from, so an
 * update is compared with its HTML serialized the same way; otherwise the first
 * update would rebuild every section (and reload its message frame) although
 * nothing in it changed.
 */
const fromPage = new WeakSet<Element>();
for (const el of Array.from(root.children)) {
  built.set(el, el.innerHTML);
  fromPage.add(el);
}

/** `html` as the browser serializes it once parsed. */
function serialized(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.innerHTML;
}

function sectionElement(section: Section): HTMLElement {
  const el = document.createElement('div');
  el.className = 'section';
  el.dataset.key = section.key;
  el.innerHTML = section.html;
  built.set(el, section.html);
  return el;
}

const SPAN = / data-offset="\d+" data-end="\d+"/g;

/** A section's HTML without its source offsets (which an edit above it shifts). */
function withoutSpans(html: string): string {
  return html.replace(SPAN, '');
}

/** Copies the source offsets of `html` onto the same elements of `el`; false when the shapes differ. */
function moveSpans(el: HTMLElement, html: string): boolean {
  const template = document.createElement('template'); // inert: its frames do not load
  template.innerHTML = html;
  const from = Array.from(template.content.querySelectorAll('[data-offset]')) as HTMLElement[];
  const to = Array.from(el.querySelectorAll('[data-offset]')) as HTMLElement[];
  if (from.length !== to.length) return false;
  from.forEach((f, i) => {
    to[i].dataset.offset = f.dataset.offset;
    to[i].dataset.end = f.dataset.end;
  });
  return true;
}

/** Replaces the sections whose HTML changed; keeps the others (and their frames) in place. */
function update(sections: Section[]): void {
  const old = new Map<string, HTMLElement>();
  for (const el of Array.from(root.children) as HTMLElement[]) old.set(el.dataset.key ?? '', el);
  const wanted = sections.map((s) => {
    const el = old.get(s.key);
    const before = el ? built.get(el) : undefined;
    const html = el && fromPage.has(el) ? serialized(s.html) : s.html;
    if (el && before !== undefined && (before === html || (withoutSpans(before) === withoutSpans(html) && moveSpans(el, html)))) {
      // Unchanged, or only its source offsets moved (an edit above it): keep the element and its frames.
      built.set(el, s.html);
      fromPage.delete(el);
      old.delete(s.key);
      return el;
    }
    const fresh = sectionElement(s);
    // A replaced frame starts at its old height, so the page does not jump while it loads.
    const oldFrame = el?.querySelector('iframe.msg-frame') as HTMLIFrameElement | null;
    const newFrame = fresh.querySelector('iframe.msg-frame') as HTMLIFrameElement | null;
    if (oldFrame && newFrame && oldFrame.style.height) newFrame.style.height = oldFrame.style.height;
    return fresh;
  });
  for (const el of old.values()) el.remove();
  let cursor = root.firstElementChild;
  for (const el of wanted) {
    if (el === cursor) cursor = cursor.nextElementSibling;
    else root.insertBefore(el, cursor);
  }
  wireFrames();
}

function post(message: unknown): void {
  vscode.postMessage(message);
}

function onLink(anchor: HTMLAnchorElement, event: Event): void {
  event.preventDefault();
  const href = anchor.getAttribute('href') ?? '';
  if (/^(https?:|mailto:)/i.test(href)) post({ type: 'link', href });
}

function revealOf(el: Element | null): void {
  const part = el?.closest('[data-offset]') as HTMLElement | null;
  if (part) post({ type: 'reveal', offset: Number(part.dataset.offset), end: Number(part.dataset.end) });
}

/** Catches clicks inside message frames: links go to VS Code, other clicks reveal the part's source. */
function wireFrames(): void {
  for (const frame of Array.from(root.querySelectorAll('iframe.msg-frame')) as HTMLIFrameElement[]) {
    const hook = (): void => {
      const doc = frame.contentDocument;
      if (!doc || (doc as Document & { smtpEmlWired?: boolean }).smtpEmlWired) return;
      (doc as Document & { smtpEmlWired?: boolean }).smtpEmlWired = true;
      const handler = (event: MouseEvent): void => {
        const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
        if (anchor) onLink(anchor, event);
        else if (event.type === 'click') revealOf(frame);
      };
      doc.addEventListener('click', handler, true);
      doc.addEventListener('auxclick', handler, true);
    };
    if (!frame.dataset.hooked) {
      frame.dataset.hooked = '1';
      frame.addEventListener('load', hook);
    }
    if (frame.contentDocument?.readyState === 'complete') hook();
  }
}

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  const action = target.closest('[data-action]') as HTMLElement | null;
  if (action) {
    post({ type: action.dataset.action, path: action.dataset.path });
    return;
  }
  const anchor = target.closest('a[href]') as HTMLAnchorElement | null;
  if (anchor) {
    onLink(anchor, event);
    return;
  }
  if (target.closest('.alt-switch')) return;
  revealOf(target);
});

/** Marks the smallest part holding `offset`; scrolls it into view when it is off screen. */
function highlight(offset: number, scroll: boolean): void {
  let best: HTMLElement | undefined;
  let bestLength = Infinity;
  for (const el of Array.from(root.querySelectorAll('[data-offset]')) as HTMLElement[]) {
    if (el.closest('[hidden]')) continue;
    const start = Number(el.dataset.offset);
    const end = Number(el.dataset.end);
    if (start <= offset && offset <= end && end - start <= bestLength) {
      best = el;
      bestLength = end - start;
    }
  }
  for (const el of Array.from(root.querySelectorAll('.active-part'))) if (el !== best) el.classList.remove('active-part');
  if (!best) return;
  best.classList.add('active-part');
  if (scroll) {
    const box = best.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) best.scrollIntoView({ block: 'nearest' });
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as { type: string; sections?: Section[]; offset?: number; highlight?: number };
  if (m.type === 'update' && m.sections) {
    update(m.sections);
    if (typeof m.highlight === 'number') highlight(m.highlight, false);
  } else if (m.type === 'highlight' && typeof m.offset === 'number') highlight(m.offset, true);
});

wireFrames();
