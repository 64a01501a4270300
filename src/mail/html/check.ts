/**
 * The HTML checks of text/html parts: client support by caniemail.com's data
 * (`html-client-unsupported`, `html-client-partial`), broken inline images
 * (`html-cid-not-found`, RFC 2392), scripts (`html-script`), a missing
 * text/plain alternative (`html-no-text-alternative`, RFC 2046 §5.1.4),
 * images without alt text (`html-image-alt-missing`) and Gmail's clipping
 * (`message-clipped`). Ranges point into the raw message, through
 * quoted-printable; base64 parts are reported on their first body line.
 *
 * Nothing is loaded or decoded for a message without a text/html part.
 */
import { problem, type Problem, type ProblemCode, type RelatedLocation } from '../codes';
import { findHeader, walkParts, type MimePart, type ParsedMessage } from '../message/model';
import { scanDeclarations, scanStylesheet, type CssDeclaration } from './css';
import { decodeHtmlPart, rawSpanOf, type DecodedHtml } from './decode';
import { ENGLISH_HTML_MESSAGES, type HtmlMessageTable, type PartialGroup } from './messages';
import { isConditional, noteApplies, type FeatureUse } from './notes';
import { attributeValue, scanHtml, type HtmlAttribute, type HtmlStartTag } from './scan';
import { keepShape } from '../shapes';
import { clientName, DEFAULT_HTML_CLIENTS, loadSupport, parseResult, selectClients, verdictFor, type FeatureIndex, type SupportData, type SupportFeature } from './support';

/** Options of the HTML checks. */
export interface HtmlCheckOptions {
  /** Target clients as caniemail `family.platform` patterns with `*` (default `DEFAULT_HTML_CLIENTS`). */
  clients?: readonly string[];
}

/** Gmail clips a message whose HTML exceeds 102 KB. */
export const GMAIL_CLIP_OCTETS = 102 * 1024;

/** Attributes that hold a URL a client could follow or load (HTML §4, plus the legacy `background`). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'background', 'poster', 'xlink:href', 'data', 'longdesc', 'lowsrc', 'dynsrc']);

/** Attributes that start with "on" but are not event handlers. */
const NOT_HANDLERS = new Set(['open', 'once']);

/** True for a leaf text/html part that is meant to be read (not an attached .html file). */
export function isHtmlBody(part: MimePart): boolean {
  return part.contentType.type === 'text' && part.contentType.subtype === 'html' && !part.children.length && !part.embedded && part.disposition !== 'attachment';
}

/** Every readable text/html part of a parsed document, in order. */
export function htmlParts(parsed: ParsedMessage): MimePart[] {
  const out: MimePart[] = [];
  walkParts(parsed.root, (part) => {
    if (isHtmlBody(part)) out.push(part);
  });
  return out;
}

/** The message (root or embedded message) that holds `part`. */
export function messageOf(part: MimePart): MimePart {
  let p = part;
  while (!p.isMessage && p.parent) p = p.parent;
  return p;
}

/** The Content-IDs of every part of a message, without angle brackets (RFC 2045 §7). */
function contentIds(text: string, message: MimePart): Set<string> {
  const ids = new Set<string>();
  walkParts(message, (part) => {
    const h = findHeader(part, 'content-id');
    if (!h || h.colonOffset < 0) return;
    const v = text.slice(h.valueOffset, h.end).replace(/\r?\n/g, '').trim();
    ids.add(v.replace(/^<|>$/g, ''));
  });
  return ids;
}

/** The part whose Content-ID is `id`. */
function partByContentId(text: string, message: MimePart, id: string): MimePart | undefined {
  let found: MimePart | undefined;
  walkParts(message, (part) => {
    if (found) return;
    const h = findHeader(part, 'content-id');
    if (h && text.slice(h.valueOffset, h.end).trim().replace(/^<|>$/g, '') === id) found = part;
  });
  return found;
}

/** The id a `cid:` URL names (RFC 2392 §2: percent-encoded, angle brackets removed). */
export function cidOf(url: string): string {
  const raw = url.trim().slice(4);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** What readable body an entity offers: plain text, HTML only, or neither. */
function bodyKind(part: MimePart): { kind: 'text' | 'html' | 'none'; html?: MimePart } {
  const ct = part.contentType;
  if (part.children.length === 0) {
    if (part.embedded || part.disposition === 'attachment' || ct.type !== 'text') return { kind: 'none' };
    if (ct.subtype === 'html') return { kind: 'html', html: part };
    return ct.subtype === 'plain' || ct.subtype === 'enriched' || ct.subtype === 'markdown' ? { kind: 'text' } : { kind: 'none' };
  }
  if (ct.type !== 'multipart') return { kind: 'none' };
  if (ct.subtype === 'alternative') {
    // RFC 2046 §5.1.4: any one of the alternatives may be shown; one that is text is enough.
    let html: { kind: 'html'; html?: MimePart } | undefined;
    for (const c of part.children) {
      const k = bodyKind(c);
      if (k.kind === 'text') return k;
      if (k.kind === 'html' && !html) html = { kind: 'html', html: k.html };
    }
    return html ?? { kind: 'none' };
  }
  if (ct.subtype === 'related') {
    // RFC 2387 §3.2: the root is the part named by start=, else the first.
    const start = ct.params.start;
    const root = (start && part.children.find((c) => (findHeader(c, 'content-id')?.value ?? '') === start)) || part.children[0];
    return bodyKind(root);
  }
  // multipart/mixed and others: the first part that can be read is the body.
  for (const c of part.children) {
    const k = bodyKind(c);
    if (k.kind !== 'none') return k;
  }
  return { kind: 'none' };
}

/** The span of a part's Content-Type value (trimmed), else of its first body line. */
function contentTypeSpan(text: string, part: MimePart): { offset: number; length: number } {
  const h = findHeader(part, 'content-type');
  if (h && h.colonOffset >= 0) {
    let s = h.valueOffset;
    let e = h.end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    return { offset: s, length: e - s };
  }
  return { offset: part.bodyOffset, length: 0 };
}

/** Strips markdown links and code marks from a caniemail note (messages are plain text). */
export function plainNote(note: string): string {
  return note.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}

/**
 * Runs the HTML checks on every readable text/html part of `parsed` and hands
 * each problem to `report`, written with `messages` (the call's locale bundle's
 * table). Never throws on any input.
 */
export function checkHtml(
  parsed: ParsedMessage,
  options: HtmlCheckOptions,
  report: (p: Problem) => void,
  isFull: (code: ProblemCode) => boolean = () => false,
  messages: HtmlMessageTable = ENGLISH_HTML_MESSAGES,
): void {
  const parts = htmlParts(parsed);
  if (!parts.length) return;
  const { text } = parsed;

  // html-no-text-alternative, once per message that has an HTML body.
  const seen = new Set<MimePart>();
  for (const part of parts) {
    const message = messageOf(part);
    if (seen.has(message)) continue;
    seen.add(message);
    const body = bodyKind(message);
    if (body.kind === 'html' && body.html) {
      const span = contentTypeSpan(text, body.html);
      report(problem('html-no-text-alternative', span.offset, span.length, messages.noTextAlternative(), { data: { partOffset: body.html.offset } }));
    }
  }

  const support = loadSupport();
  const clients = support ? selectClients(support.data, options.clients ?? DEFAULT_HTML_CLIENTS) : [];
  const ids = new Map<MimePart, Set<string>>();
  for (const part of parts) {
    const decoded = decodeHtmlPart(text, part);
    if (decoded.octets > GMAIL_CLIP_OCTETS) {
      const span = contentTypeSpan(text, part);
      report(problem('message-clipped', span.offset, span.length, messages.clipped(Math.round(decoded.octets / 1024)), { data: { octets: decoded.octets } }));
    }
    const message = messageOf(part);
    let known = ids.get(message);
    if (!known) ids.set(message, (known = contentIds(text, message)));
    new PartChecker(text, decoded, message, known, support, clients, report, isFull, messages).run();
  }
}

/** Receives a feature found at decoded [from, to), with the CSS value it was found in. */
type FeatureSink = (feature: SupportFeature | undefined, from: number, to: number, value?: string) => void;

/** A feature found in a style="" value, relative to the value's start. */
interface StyleHit {
  feature: SupportFeature | undefined;
  from: number;
  to: number;
  /** The declaration's value. */
  value: string | undefined;
}

/** A style="" hit that some target client lacks on one element, with the verdict. */
interface FlaggedHit {
  hit: StyleHit;
  verdict: NonNullable<Verdict>;
}

/** What one distinct style="" value holds. */
interface StyleEntry {
  /** Features found in the value, at offsets relative to it. */
  hits: StyleHit[];
  /** Of those, the ones some target client lacks, by element (the verdicts depend on the element only). */
  flagged: Map<string, FlaggedHit[]>;
}

/** The client-support problem of one feature in one part, and where else the part uses the feature. */
interface FeatureReport {
  problem: Problem;
  /** Occurrences after the first, whether listed in `related` or not. */
  more: number;
  related: RelatedLocation[];
}

/** Further occurrences listed as related information per feature (the rest are counted in the message). */
const MAX_RELATED = 20;

/** Message and code of a feature's verdict for one use (null: no target client has a problem with it). */
type Verdict = { code: ProblemCode; message: string } | null;

/** What a part's checker knows of one feature. */
interface FeatureState {
  /** True when the target clients' notes make the verdict depend on the element and value. */
  conditional: boolean;
  /** The verdict, when it does not depend on the use. */
  verdict?: Verdict;
  /** Verdicts by element ('' in a stylesheet) and value. */
  byUse?: Map<string, Map<string | undefined, Verdict>>;
  /** The problem reported for the feature in this part. */
  report?: FeatureReport;
}

/** Distinct style="" values remembered per part (bounds the memory of hostile input). */
const MAX_CACHED_STYLES = 10_000;

/** The checks of one decoded part. */
class PartChecker {
  /** What is known of each feature met in this part. */
  private readonly states = new Map<SupportFeature, FeatureState>();
  /** Verdicts cached per use, all features together (bounds the memory of hostile input). */
  private cachedUses = 0;
  /** One problem per feature and part, in the order first met (a template uses `margin` hundreds of times). */
  private readonly featureReports: FeatureReport[] = [];
  private lineStarts: number[] | undefined;
  private clientDone = false;
  /** What each distinct style="" value holds (one lookup per style attribute). */
  private readonly styles = new Map<string, StyleEntry>();

  constructor(
    /** The whole document (the parts and headers that `cid:` URLs name). */
    private readonly source: string,
    private readonly decoded: DecodedHtml,
    private readonly message: MimePart,
    private readonly ids: Set<string>,
    private readonly support: { data: SupportData; index: FeatureIndex } | undefined,
    private readonly clients: readonly string[],
    private readonly report: (p: Problem) => void,
    /** True once a code has reached the reporter's cap: further occurrences are not even built. */
    private readonly isFull: (code: ProblemCode) => boolean,
    private readonly messages: HtmlMessageTable,
  ) {}

  run(): void {
    const html = this.decoded.html;
    this.scan(html);
    for (const r of this.featureReports) {
      if (r.more) r.problem.message += this.messages.moreInPart(r.more);
      if (r.related.length) r.problem.related = r.related;
      this.report(r.problem);
    }
  }

  /** Tokenizes the part with this checker as the visitor (its methods outlive the scan, see `scanHtml`). */
  private scan(html: string): void {
    scanHtml(html, this);
  }

  /** Visitor: raw text; the content of `<style>` is a stylesheet. */
  text(start: number, end: number, rawIn: string | undefined): void {
    if (rawIn === 'style' && this.support && !this.clientFull()) {
      scanStylesheet(this.decoded.html.slice(start, end), start, {
        declaration: (d) => this.declaration(d),
        atRule: (name, offset, end, prelude, preludeOffset) => this.atRule(name, offset, end, prelude, preludeOffset),
        selector: (selector, offset) => this.selector(selector, offset),
      });
    }
  }

  /** Reports `code` at decoded [from, to). */
  private add(code: ProblemCode, from: number, to: number, message: string, data: Record<string, unknown> = {}): void {
    if (this.isFull(code)) return;
    this.report(this.build(code, from, to, message, data));
  }

  /** The problem `code` at decoded [from, to). */
  private build(code: ProblemCode, from: number, to: number, message: string, data: Record<string, unknown>): Problem {
    const span = rawSpanOf(this.decoded, from, to);
    let text = message;
    const extra: Record<string, unknown> = { ...data, partOffset: this.decoded.part.offset };
    if (this.decoded.mapping === 'first-line') {
      const { line, column } = this.lineColumn(from);
      text += this.messages.atDecoded(line, column);
      extra.decodedOffset = from;
      extra.encoding = this.decoded.part.transferEncoding;
    }
    return problem(code, span.offset, span.length, text, { data: extra });
  }

  private lineColumn(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      const starts = [0];
      const html = this.decoded.html;
      for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /**
   * True once both client-support codes reached the reporter's cap: the
   * feature lookups (most of the work on a big part) can stop. Monotonic.
   */
  private clientFull(): boolean {
    if (!this.clientDone) this.clientDone = this.isFull('html-client-unsupported') && this.isFull('html-client-partial');
    return this.clientDone;
  }

  /**
   * Reports a feature at decoded [from, to) when a target client lacks it for
   * this use: the first occurrence in the part gets the problem, later ones
   * are counted and the first few listed as related locations.
   */
  private feature(feature: SupportFeature | undefined, from: number, to: number, use?: FeatureUse): boolean {
    if (!feature || !this.support) return false;
    const v = this.verdictOf(feature, use);
    if (v) this.record(feature, v, from, to);
    return true;
  }

  /** The verdict of a feature for one use, cached. */
  private verdictOf(feature: SupportFeature, use: FeatureUse | undefined): Verdict {
    let state = this.states.get(feature);
    if (!state) {
      // Every field from the start: one object shape for all states.
      const conditional = this.isConditionalFeature(feature);
      state = { conditional, verdict: conditional ? undefined : this.describe(feature, undefined), byUse: undefined, report: undefined };
      this.states.set(feature, state);
    }
    let v: Verdict | undefined = state.verdict;
    if (state.conditional) {
      // Element, then value: the strings come from the scanner's caches, so their hashes are computed once.
      const element = use?.element ?? '';
      const value = use?.value;
      const byElement = (state.byUse ??= new Map());
      let byValue = byElement.get(element);
      if (!byValue) byElement.set(element, (byValue = new Map()));
      v = byValue.get(value);
      if (v === undefined) {
        v = this.describe(feature, use ?? {});
        if (this.cachedUses++ < MAX_CACHED_STYLES) byValue.set(value, v);
      }
    }
    return v ?? null;
  }

  /** Records one use of a feature that some target client lacks. */
  private record(feature: SupportFeature, v: NonNullable<Verdict>, from: number, to: number): void {
    const state = this.states.get(feature)!;
    const existing = state.report;
    if (existing) {
      existing.more++;
      if (existing.related.length < MAX_RELATED && this.decoded.mapping !== 'first-line') {
        const span = rawSpanOf(this.decoded, from, to);
        existing.related.push({ offset: span.offset, length: span.length, message: this.messages.sameFeature(feature.title) });
      }
      return;
    }
    if (this.isFull(v.code)) return;
    state.report = { problem: this.build(v.code, from, to, v.message, { feature: feature.slug }), more: 0, related: [] };
    this.featureReports.push(state.report);
  }

  private isConditionalFeature(feature: SupportFeature): boolean {
    const verdict = verdictFor(feature, this.clients);
    for (const p of verdict?.partial ?? []) for (const n of p.notes) if (isConditional(feature.notesByNum?.[n] ?? '')) return true;
    return false;
  }

  /** The verdict of a feature; with a use, partial support counts only where one of the client's notes applies to it. */
  private describe(feature: SupportFeature, use: FeatureUse | undefined): Verdict {
    const data = this.support!.data;
    const verdict = verdictFor(feature, this.clients);
    if (!verdict) return null;
    const groups = new Map<string, PartialGroup>();
    for (const p of verdict.partial) {
      const all = p.notes.map((n) => feature.notesByNum?.[n]).filter((n): n is string => !!n);
      const applying = use ? all.filter((n) => noteApplies(n, use)) : all;
      // Partial for reasons that do not concern this use: the client renders it.
      if (all.length && !applying.length) continue;
      const notes = applying.map(plainNote);
      const key = notes.join('\n');
      const g = groups.get(key) ?? { clients: [], notes };
      g.clients.push(clientName(data, p.client));
      groups.set(key, g);
    }
    if (!verdict.unsupported.length && !groups.size) return null;
    const message = this.messages.clientSupport(feature, verdict.unsupported.map((c) => clientName(data, c)), [...groups.values()]);
    return { code: verdict.unsupported.length ? 'html-client-unsupported' : 'html-client-partial', message };
  }

  /** Visitor: a start tag with its attributes. */
  startTag(tag: HtmlStartTag): void {
    if (tag.name === 'script') this.add('html-script', tag.start, tag.nameEnd, this.messages.scriptElement());
    if (tag.name === 'img' && attributeValue(tag, 'alt') === undefined) this.add('html-image-alt-missing', tag.start, tag.nameEnd, this.messages.imageAltMissing(), { nameEnd: tag.nameEnd });
    const index = this.clientFull() ? undefined : this.support?.index;
    if (index?.hasElement(tag.name)) for (const f of index.element(tag.name, (n) => attributeValue(tag, n))) this.feature(f, tag.start, tag.nameEnd, { element: tag.name });
    for (const attr of tag.attributes) this.attribute(tag, attr);
  }

  private attribute(tag: HtmlStartTag, attr: HtmlAttribute): void {
    const index = this.clientDone ? undefined : this.support?.index;
    const name = attr.name;
    // HTML §8.1.8.1: on* content attributes are event handlers (JavaScript).
    if (name.length > 4 && name.charCodeAt(0) === 111 && name.charCodeAt(1) === 110 && /^on[a-z]+$/.test(name) && !NOT_HANDLERS.has(name)) this.add('html-script', attr.nameStart, attr.nameEnd, this.messages.scriptHandler(name));
    const named = index && attr.valueStart >= 0 ? index.named('attribute', name) : undefined;
    if (named) this.feature(named, attr.nameStart, attr.end, { element: tag.name, value: attr.value });
    if (name === 'style' && index) {
      // Inlined CSS repeats the same style="" on many elements: scan each distinct value once.
      // The CSS is the source text (offsets stay true); the value is that text unless it held a character reference.
      const css = attr.value.length === attr.valueEnd - attr.valueStart && !attr.value.includes('&') ? attr.value : this.decoded.html.slice(attr.valueStart, attr.valueEnd);
      let entry = this.styles.get(css);
      if (!entry) {
        const hits: StyleHit[] = [];
        scanDeclarations(css, 0, (d) => this.declaration(d, (feature, from, to, value) => hits.push({ feature, from, to, value })));
        entry = { hits, flagged: new Map() };
        if (this.styles.size < MAX_CACHED_STYLES) this.styles.set(css, entry);
      }
      // The verdicts of a value depend on the element only: resolve them once per value and element.
      let flagged = entry.flagged.get(tag.name);
      if (!flagged) {
        flagged = [];
        for (const h of entry.hits) {
          const v = h.feature ? this.verdictOf(h.feature, { element: tag.name, value: h.value, sheet: false }) : null;
          if (v) flagged.push({ hit: h, verdict: v });
        }
        entry.flagged.set(tag.name, flagged);
      }
      for (const f of flagged) this.record(f.hit.feature!, f.verdict, attr.valueStart + f.hit.from, attr.valueStart + f.hit.to);
    }
    if (!URL_ATTRIBUTES.has(name) && !(name === 'srcset')) return;
    // URL parsing removes tabs and newlines, and leading/trailing C0 controls and spaces (URL Standard §4.4).
    const url = cleanUrl(attr.value);
    // Only the scheme and the first characters decide anything here: compare those, without a lowercased copy.
    const valueSpan: [number, number] = [attr.valueStart, attr.valueEnd];
    if (startsWithLower(url, 'javascript:')) this.add('html-script', ...valueSpan, this.messages.scriptUrl());
    if (startsWithLower(url, 'cid:')) {
      const id = cidOf(url);
      if (!this.ids.has(id) && !this.ids.has(url.slice(4))) this.add('html-cid-not-found', ...valueSpan, this.messages.cidNotFound(url));
    }
    if (!index) return;
    if (name === 'href' && tag.name === 'a') {
      if (url.charCodeAt(0) === 0x23 /* # */ && url.length > 1) this.feature(index.get({ kind: 'link', scheme: 'anchor' }), ...valueSpan, { element: tag.name, value: url });
      else if (startsWithLower(url, 'mailto:')) this.feature(index.get({ kind: 'link', scheme: 'mailto' }), ...valueSpan, { element: tag.name, value: url });
    }
    if ((name === 'src' && (tag.name === 'img' || tag.name === 'source')) || name === 'background') {
      for (const format of imageFormats(url, this.source, this.message)) this.feature(index.named('image', format), ...valueSpan, { element: tag.name });
    }
  }

  /** Features of one declaration; in a `<style>` sheet (the default sink) the element is not known. */
  private declaration(d: CssDeclaration, found: FeatureSink = (f, from, to, value) => void this.feature(f, from, to, { value, sheet: true })): void {
    const index = this.support!.index;
    if (d.property.startsWith('--')) found(index.get({ kind: 'variables' }), d.nameOffset, d.nameEnd, d.value);
    else {
      const value = d.value.toLowerCase();
      let matched = false;
      const values = index.values(d.property);
      if (values) {
        const tokens = new Set(value.split(/[\s,/]+/));
        for (const v of values) {
          if (tokens.has(v.value)) {
            found(v.feature, d.nameOffset, d.valueEnd, d.value);
            matched = true;
          }
        }
      }
      if (!matched) found(index.named('property', d.property), d.nameOffset, d.nameEnd, d.value);
    }
    // Functions and keywords in the value: rgba(), linear-gradient(), var(), system-ui, fit-content.
    const re = /(-?[a-zA-Z][\w-]*)(\()?/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(d.value))) {
      const name = m[1].toLowerCase();
      const from = d.valueOffset + m.index;
      if (m[2]) {
        if (name === 'var') found(index.get({ kind: 'variables' }), from, from + m[0].length, d.value);
        else found(index.named('function', name), from, from + m[0].length, d.value);
      } else found(index.named('keyword', name), from, from + m[1].length, d.value);
    }
    if (d.important) found(index.get({ kind: 'important' }), d.important.offset, d.important.end, d.important.text);
  }

  private atRule(name: string, offset: number, end: number, prelude: string, preludeOffset: number): void {
    const index = this.support!.index;
    // Vendor-prefixed forms (@-webkit-keyframes) are the same feature.
    const plain = name.replace(/^-(webkit|moz|ms|o)-/, '');
    this.feature(index.named('at-rule', plain), offset, end);
    if (plain !== 'media') return;
    const re = /\(\s*([a-zA-Z-]+)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(prelude))) {
      const feature = m[1].toLowerCase();
      const from = preludeOffset + m.index + m[0].length - m[1].length;
      this.feature(index.named('media-feature', feature), from, from + m[1].length);
    }
  }

  private selector(selector: string, offset: number): void {
    const index = this.support!.index;
    // Attribute selectors and strings may hold colons that are not pseudo-classes: blank them out, keeping offsets.
    const masked = selector.replace(/\[[^\]]*\]|"[^"]*"|'[^']*'/g, (s) => ' '.repeat(s.length));
    const re = /(::?)([a-zA-Z][\w-]*)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(masked))) {
      const name = m[2].toLowerCase();
      // CSS 2 wrote pseudo-elements with one colon (:before); they are the same features.
      const feature = index.named('pseudo', `${m[1]}${name}`) ?? (m[1] === ':' ? index.named('pseudo', `::${name}`) : undefined);
      this.feature(feature, offset + m.index, offset + m.index + m[0].length);
    }
  }
}

// The checker's shape outlives each part (see ./shapes).
keepShape(new PartChecker('', {} as DecodedHtml, {} as MimePart, new Set(), undefined, [], () => undefined, () => false, ENGLISH_HTML_MESSAGES));

/**
 * True when `s` starts with `prefix` (lowercase ASCII) in any case. Same as
 * lowercasing `s` first: no other character lowercases to an ASCII letter of
 * the prefixes used (only the Kelvin sign becomes `k`).
 */
function startsWithLower(s: string, prefix: string): boolean {
  if (s.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** A URL as URL parsing reads it: tabs and newlines removed, leading and trailing C0 controls and spaces trimmed (URL Standard §4.4). */
function cleanUrl(value: string): string {
  const n = value.length;
  if (n === 0) return value;
  if (value.charCodeAt(0) > 32 && value.charCodeAt(n - 1) > 32 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return value;
  return value.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
}

/** Image formats of an image URL: its file extension, `data` (plus the media type) for data: URLs, the Content-Type of a cid: part. */
export function imageFormats(url: string, text: string, message: MimePart): string[] {
  if (startsWithLower(url, 'data:')) {
    const m = /^data:image\/([a-z0-9.+-]+)/.exec(url.slice(0, 64).toLowerCase());
    return m ? ['data', formatOfSubtype(m[1])] : ['data'];
  }
  if (startsWithLower(url, 'cid:')) {
    const part = partByContentId(text, message, cidOf(url));
    return part && part.contentType.type === 'image' ? [formatOfSubtype(part.contentType.subtype)] : [];
  }
  // The extension of the path: before any query or fragment.
  let end = url.length;
  const q = url.indexOf('?');
  if (q >= 0) end = q;
  const h = url.indexOf('#');
  if (h >= 0 && h < end) end = h;
  const dot = url.lastIndexOf('.', end);
  if (dot < 0 || end - dot < 3 || end - dot > 6) return [];
  const ext = url.slice(dot + 1, end).toLowerCase();
  return /^[a-z0-9]+$/.test(ext) ? [ext] : [];
}

/** caniemail's format name for an image media subtype. */
function formatOfSubtype(subtype: string): string {
  if (subtype === 'svg+xml') return 'svg';
  if (subtype === 'jpeg' || subtype === 'pjpeg') return 'jpg';
  if (subtype === 'x-icon' || subtype === 'vnd.microsoft.icon') return 'ico';
  return subtype;
}

/** Re-exported for the hover: the verdict of one feature for the target clients, as table rows. */
export function supportRows(feature: SupportFeature, data: SupportData, clients: readonly string[]): Array<{ client: string; status: string; notes: string[] }> {
  const rows: Array<{ client: string; status: string; notes: string[] }> = [];
  for (const client of clients) {
    const result = feature.support[client];
    if (!result) continue;
    const { status, notes } = parseResult(result);
    rows.push({ client: clientName(data, client), status, notes: notes.map((n) => feature.notesByNum?.[n]).filter((n): n is string => !!n) });
  }
  return rows;
}
