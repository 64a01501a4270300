/**
 * Email-client support of HTML and CSS features, from caniemail.com's data
 * (MIT licence), compacted at build time into `dist/caniemail.json` by
 * scripts/caniemail-data.mjs and read here on first use only: a message
 * without an HTML part never loads it, and the extension host never does.
 *
 * The data names features by title ("display:flex", "<video> element",
 * "@media (prefers-color-scheme)"); `FeatureIndex` turns those titles into
 * lookups by what the checks see in the HTML: an element, an attribute, a CSS
 * property or value, a function, an at-rule, a media feature, a pseudo-class,
 * an image format.
 */
import { readSupportFile } from './supportFile';

/** One caniemail feature, as compacted at build time. */
export interface SupportFeature {
  slug: string;
  title: string;
  category: string;
  url: string;
  /** `family.platform` -> the newest test result: `y`, `n`, `a` (partial) or `u`, then note references `#1 #2`. */
  support: Record<string, string>;
  notes?: string;
  notesByNum?: Record<string, string>;
}

/** The compact data file. */
export interface SupportData {
  updated: string;
  families: Record<string, string>;
  platforms: Record<string, string>;
  features: SupportFeature[];
}

/** Targets when nobody chose any (the `smtpEml.html.clients` default). */
export const DEFAULT_HTML_CLIENTS: readonly string[] = ['apple-mail.*', 'gmail.*', 'outlook.*', 'yahoo.*'];

let loaded: { data: SupportData; index: FeatureIndex } | null | undefined;
let loadError: string | undefined;

/** The support data and its index, loaded once; undefined when the file is missing or broken (see `supportLoadError`). */
export function loadSupport(): { data: SupportData; index: FeatureIndex } | undefined {
  if (loaded !== undefined) return loaded ?? undefined;
  loaded = null;
  const file = readSupportFile();
  if ('error' in file) {
    loadError = file.error;
    return undefined;
  }
  try {
    const data = JSON.parse(file.text) as SupportData;
    loaded = { data, index: new FeatureIndex(data) };
  } catch (err) {
    loadError = `cannot read ${file.path}: ${(err as Error).message}`;
  }
  return loaded ?? undefined;
}

/** Why `loadSupport` found nothing, if it did not. */
export function supportLoadError(): string | undefined {
  return loadError;
}

/** A readable client name: "Outlook (Windows)", "Outlook.com", "Gmail (iOS)". */
export function clientName(data: SupportData, key: string): string {
  const dot = key.indexOf('.');
  const family = data.families[key.slice(0, dot)] ?? key.slice(0, dot);
  const platform = data.platforms[key.slice(dot + 1)] ?? key.slice(dot + 1);
  // "Outlook.com" already says which family it is.
  if (platform.toLowerCase().startsWith(family.toLowerCase())) return platform;
  return `${family} (${platform})`;
}

/** Every `family.platform` the data knows, sorted. */
export function knownClients(data: SupportData): string[] {
  const all = new Set<string>();
  for (const f of data.features) for (const k of Object.keys(f.support)) all.add(k);
  return [...all].sort();
}

/** A matcher of `family.platform` names by patterns with `*` (case-insensitive). */
export function clientMatcher(patterns: readonly string[]): (client: string) => boolean {
  const res = patterns
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean)
    .map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
  return (client) => res.some((re) => re.test(client));
}

/**
 * Selections already made, per data and patterns: every validation of a message with HTML
 * asks for the same targets, and gathering the clients walks every feature of the data.
 */
const selections = new WeakMap<SupportData, Map<string, readonly string[]>>();

/** The target clients (sorted keys) that `patterns` select among those the data knows. Shared: do not modify it. */
export function selectClients(data: SupportData, patterns: readonly string[]): readonly string[] {
  let byPatterns = selections.get(data);
  if (!byPatterns) selections.set(data, (byPatterns = new Map()));
  const key = patterns.join('\n');
  let clients = byPatterns.get(key);
  if (!clients) {
    const match = clientMatcher(patterns);
    clients = Object.freeze(knownClients(data).filter(match));
    // Bounded: a client that keeps changing the setting does not grow it.
    if (byPatterns.size >= 32) byPatterns.clear();
    byPatterns.set(key, clients);
  }
  return clients;
}

/** How a feature fares in the target clients. */
export interface SupportVerdict {
  /** Clients without support. */
  unsupported: string[];
  /** Clients with partial support, each with its note numbers. */
  partial: Array<{ client: string; notes: string[] }>;
}

/** Reads one result string: `a #1 #2` -> status `a`, notes ['1','2']. */
export function parseResult(result: string): { status: string; notes: string[] } {
  const parts = result.split(/\s+/);
  return { status: parts[0] ?? 'u', notes: parts.slice(1).filter((p) => p.startsWith('#')).map((p) => p.slice(1)) };
}

/** The verdict for `feature` in `clients`; undefined when every client supports it (or its support is unknown). */
export function verdictFor(feature: SupportFeature, clients: readonly string[]): SupportVerdict | undefined {
  let verdict: SupportVerdict | undefined;
  for (const client of clients) {
    const result = feature.support[client];
    if (!result) continue;
    const { status, notes } = parseResult(result);
    if (status === 'n') (verdict ??= { unsupported: [], partial: [] }).unsupported.push(client);
    else if (status === 'a') (verdict ??= { unsupported: [], partial: [] }).partial.push({ client, notes });
  }
  return verdict;
}

/** What the checks can look a feature up by. */
export type FeatureKey =
  | { kind: 'element'; name: string; attr?: { name: string; value: string } }
  | { kind: 'attribute'; name: string }
  | { kind: 'property'; name: string }
  | { kind: 'value'; property: string; value: string }
  | { kind: 'function'; name: string }
  | { kind: 'keyword'; name: string }
  | { kind: 'at-rule'; name: string }
  | { kind: 'media-feature'; name: string }
  | { kind: 'pseudo'; name: string }
  | { kind: 'image'; format: string }
  | { kind: 'link'; scheme: 'anchor' | 'mailto' }
  | { kind: 'important' }
  | { kind: 'variables' };

/**
 * Features whose title does not say what to look for, by slug. The rest are
 * read from their titles (see `keysFromTitle`).
 */
const EXPLICIT: Readonly<Record<string, FeatureKey[]>> = {
  'html-h1-h6': ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((name) => ({ kind: 'element', name })),
  'html-lists': ['ul', 'ol', 'dl'].map((name) => ({ kind: 'element', name })),
  'html-semantics': ['article', 'aside', 'details', 'figcaption', 'figure', 'footer', 'header', 'main', 'mark', 'nav', 'section', 'summary', 'time'].map((name) => ({ kind: 'element', name })),
  'html-image-maps': [{ kind: 'element', name: 'map' }, { kind: 'element', name: 'area' }],
  'html-srcset': [{ kind: 'attribute', name: 'srcset' }, { kind: 'attribute', name: 'sizes' }],
  'html-svg': [{ kind: 'element', name: 'svg' }],
  'html-address': [{ kind: 'element', name: 'address' }],
  'html-anchor-links': [{ kind: 'link', scheme: 'anchor' }],
  'html-mailto-links': [{ kind: 'link', scheme: 'mailto' }],
  'html-meta-color-scheme': [{ kind: 'element', name: 'meta', attr: { name: 'name', value: 'color-scheme' } }],
  'css-inert-attribute': [{ kind: 'attribute', name: 'inert' }],
  'css-important': [{ kind: 'important' }],
  'css-variables': [{ kind: 'variables' }],
  'css-unit-calc': [{ kind: 'function', name: 'calc' }],
  'css-pseudo-class-lang': [{ kind: 'pseudo', name: ':lang' }],
  'css-modern-color': ['lch', 'oklch', 'lab', 'oklab'].map((name) => ({ kind: 'function', name })),
  'css-sytem-ui': ['system-ui', 'ui-serif', 'ui-sans-serif', 'ui-rounded', 'ui-monospace'].map((name) => ({ kind: 'keyword', name })),
  'css-intrinsic-size': ['fit-content', 'min-content', 'max-content'].map((name) => ({ kind: 'keyword', name })),
  'css-border-inline-block': ['border-inline', 'border-block'].map((name) => ({ kind: 'property', name })),
  'css-border-inline-block-individual': ['border-inline-start', 'border-inline-end', 'border-block-start', 'border-block-end'].map((name) => ({ kind: 'property', name })),
  'css-border-inline-block-longhand': ['width', 'style', 'color'].flatMap((p) => [`border-inline-${p}`, `border-block-${p}`]).map((name) => ({ kind: 'property', name })),
  'css-border-radius-logical': ['start-start', 'start-end', 'end-start', 'end-end'].map((c) => ({ kind: 'property', name: `border-${c}-radius` })),
  'css-column-layout-properties': ['columns', 'column-width', 'column-rule', 'column-rule-width', 'column-rule-style', 'column-rule-color', 'column-span', 'column-fill'].map((name) => ({ kind: 'property', name })),
  'css-grid-template': ['grid-template', 'grid-template-columns', 'grid-template-rows', 'grid-template-areas'].map((name) => ({ kind: 'property', name })),
  'css-scroll-snap': ['scroll-snap-type', 'scroll-snap-align', 'scroll-snap-stop'].map((name) => ({ kind: 'property', name })),
  'css-at-media-device-pixel-ratio': ['-webkit-device-pixel-ratio', '-webkit-min-device-pixel-ratio', '-webkit-max-device-pixel-ratio', 'min-resolution', 'max-resolution', 'resolution'].map((name) => ({ kind: 'media-feature', name })),
  'image-jpg': ['jpg', 'jpeg'].map((format) => ({ kind: 'image', format })),
  'image-tiff': ['tif', 'tiff'].map((format) => ({ kind: 'image', format })),
  'image-heif': ['heif', 'heic'].map((format) => ({ kind: 'image', format })),
  'image-base64': [{ kind: 'image', format: 'data' }],
  'image-mp4': [{ kind: 'image', format: 'mp4' }],
};

/**
 * Features the checks deliberately do not report, with the reason: each would
 * mark what nearly every email holds (units, selectors, comments, the body and
 * doctype) and tell nothing to act on, or is not about the HTML at all.
 */
export const IGNORED_FEATURES: Readonly<Record<string, string>> = {
  amp: 'AMP for Email is a separate MIME part, not HTML in the text/html part',
  bimi: 'BIMI is a DNS record, not HTML',
  'html-comments': 'every email has comments; support only decides whether they are shown',
  'html-doctype': 'the doctype only picks a rendering mode; "not supported" means it is ignored',
  'html-body': 'every email has a body; clients that replace it keep its content',
  'css-comments': 'every stylesheet has comments',
  'css-nesting': 'nested rules are reported through their own selectors and declarations',
};

/** Prefixes of slugs ignored as a family (units and selectors: present in every stylesheet). */
const IGNORED_PREFIXES = ['css-unit-', 'css-selector-'];

/** True when a feature is deliberately not checked. */
export function isIgnoredFeature(slug: string): boolean {
  return slug in IGNORED_FEATURES || (IGNORED_PREFIXES.some((p) => slug.startsWith(p)) && slug !== 'css-unit-calc');
}

/** Reads what to look for from a feature's title; empty when the title says nothing usable. */
export function keysFromTitle(feature: SupportFeature): FeatureKey[] {
  const explicit = EXPLICIT[feature.slug];
  if (explicit) return explicit;
  const title = feature.title.trim();
  if (feature.category === 'image') {
    const m = /^image-([a-z0-9]+)$/.exec(feature.slug);
    return m ? [{ kind: 'image', format: m[1] }] : [];
  }
  if (feature.category === 'html') {
    let m = /^<([a-z][a-z0-9]*)(?: type="([a-z]+)")?>(?: element)?$/i.exec(title);
    if (m) return [{ kind: 'element', name: m[1].toLowerCase(), ...(m[2] ? { attr: { name: 'type', value: m[2].toLowerCase() } } : {}) }];
    m = /^([a-z][a-z0-9-]*) attribute$/i.exec(title);
    if (m) return [{ kind: 'attribute', name: m[1].toLowerCase() }];
    return [];
  }
  if (feature.category !== 'css') return [];
  let m = /^@media \(([a-z-]+)\)(?:, @media \(([a-z-]+)\))?$/i.exec(title);
  if (m) return [m[1], m[2]].filter(Boolean).map((name) => ({ kind: 'media-feature', name: name.toLowerCase() }));
  m = /^@([a-z-]+)$/i.exec(title);
  if (m) return [{ kind: 'at-rule', name: m[1].toLowerCase() }];
  m = /^(::?[a-z-]+)(?:\(\))?$/i.exec(title);
  if (m) return [{ kind: 'pseudo', name: m[1].toLowerCase() }];
  m = /^([a-z-]+)\s*:\s*([a-z-]+)$/i.exec(title);
  if (m) return [{ kind: 'value', property: m[1].toLowerCase(), value: m[2].toLowerCase() }];
  // "gap, column-gap, row-gap", "block-size & inline-size", "rgb()", "height property", "font shorthand".
  const items = title.replace(/\s+(?:CSS property|property|shorthand)$/i, '').split(/\s*(?:,|&)\s*/);
  const keys: FeatureKey[] = [];
  for (const item of items) {
    const fn = /^([a-z-]+)\(\)$/i.exec(item);
    if (fn) keys.push({ kind: 'function', name: fn[1].toLowerCase() });
    else if (/^-?[a-z][a-z-]*$/i.test(item)) keys.push({ kind: 'property', name: item.toLowerCase() });
    else return [];
  }
  return keys;
}

/** A string key for a FeatureKey (the index's map key). */
function keyString(k: FeatureKey): string {
  switch (k.kind) {
    case 'element':
      return k.attr ? `element:${k.name}[${k.attr.name}=${k.attr.value}]` : `element:${k.name}`;
    case 'value':
      return `value:${k.property}:${k.value}`;
    case 'image':
      return `image:${k.format}`;
    case 'link':
      return `link:${k.scheme}`;
    case 'important':
    case 'variables':
      return k.kind;
    default:
      return `${k.kind}:${k.name}`;
  }
}

/** Kinds of features looked up by a plain name. */
export type NamedKind = 'element' | 'attribute' | 'property' | 'function' | 'keyword' | 'at-rule' | 'media-feature' | 'pseudo' | 'image';

/** Lookups of features by what the HTML holds. Built once from the data. */
export class FeatureIndex {
  private readonly byKey = new Map<string, SupportFeature>();
  /** The same features by kind and plain name: the hot lookups build no key strings. */
  private readonly byKind: Record<NamedKind, Map<string, SupportFeature>> = {
    element: new Map(), attribute: new Map(), property: new Map(), function: new Map(), keyword: new Map(),
    'at-rule': new Map(), 'media-feature': new Map(), pseudo: new Map(), image: new Map(),
  };
  /** Elements that have features conditioned on an attribute (`<input type="checkbox">`). */
  private readonly conditioned = new Map<string, Array<{ attr: string; value: string; feature: SupportFeature }>>();
  /** Properties that have value features (`display` -> flex, grid, none). */
  private readonly valuesOf = new Map<string, Array<{ value: string; feature: SupportFeature }>>();
  /** Features whose title could not be read (neither matched nor ignored); a test keeps this empty. */
  readonly unmatched: string[] = [];

  constructor(data: SupportData) {
    for (const feature of data.features) {
      if (isIgnoredFeature(feature.slug)) continue;
      const keys = keysFromTitle(feature);
      if (!keys.length) {
        this.unmatched.push(feature.slug);
        continue;
      }
      for (const k of keys) {
        const s = keyString(k);
        // The first feature for a key wins ("inline-size" is in two titles).
        if (!this.byKey.has(s)) this.byKey.set(s, feature);
        if (k.kind === 'image' && !this.byKind.image.has(k.format)) this.byKind.image.set(k.format, feature);
        else if (k.kind !== 'image' && 'name' in k && !(k.kind === 'element' && k.attr) && !this.byKind[k.kind].has(k.name)) this.byKind[k.kind].set(k.name, feature);
        if (k.kind === 'element' && k.attr) {
          const list = this.conditioned.get(k.name) ?? [];
          list.push({ attr: k.attr.name, value: k.attr.value, feature });
          this.conditioned.set(k.name, list);
        }
        if (k.kind === 'value') {
          const list = this.valuesOf.get(k.property) ?? [];
          list.push({ value: k.value, feature });
          this.valuesOf.set(k.property, list);
        }
      }
    }
  }

  /** The feature for a key, if the data has one. */
  get(key: FeatureKey): SupportFeature | undefined {
    return this.byKey.get(keyString(key));
  }

  /** True when some feature is about the element `name` (most elements have none). */
  hasElement(name: string): boolean {
    return this.byKind.element.has(name) || this.conditioned.has(name);
  }

  /** Features of an element with its attributes (lowercased names and values). */
  element(name: string, attr: (name: string) => string | undefined): SupportFeature[] {
    const plain = this.byKind.element.get(name);
    const conditioned = this.conditioned.get(name);
    if (!conditioned) return plain ? [plain] : [];
    const out: SupportFeature[] = plain ? [plain] : [];
    for (const c of conditioned) {
      if ((attr(c.attr) ?? '').trim().toLowerCase() === c.value) out.push(c.feature);
    }
    return out;
  }

  /** The feature of one kind by name (element, attribute, property, function, keyword, at-rule, media-feature, pseudo, image format). */
  named(kind: NamedKind, name: string): SupportFeature | undefined {
    return this.byKind[kind].get(name);
  }

  /** Value features of a property (`display` -> flex, grid, none). */
  values(property: string): ReadonlyArray<{ value: string; feature: SupportFeature }> | undefined {
    return this.valuesOf.get(property);
  }
}
