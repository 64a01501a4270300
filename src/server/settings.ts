/**
 * Server settings, read from the client with `workspace/configuration`
 * (section `smtpEml`), so VS Code and standalone clients (Neovim, Helix) use
 * the same keys: `smtpEml.diagnostics.<code>` and `smtpEml.validation.*`.
 */
import { isProblemCode, type ProblemCode, type Severity } from '../mail/codes';
import { DEFAULT_HTML_CLIENTS } from '../mail/html/support';
import type { ValidationLimits } from './features';

/** A per-code override: a severity, or `off` to drop the diagnostic. */
export type SeverityOverride = Severity | 'off';

/** Settings the server acts on. */
export interface ServerSettings {
  readonly diagnostics: Partial<Record<ProblemCode, SeverityOverride>>;
  readonly limits: ValidationLimits;
  /** Milliseconds to wait after an edit before validating. */
  readonly debounceMs: number;
  /** The HTML checks (`smtpEml.html.*`): on or off, and the target clients (caniemail `family.platform` patterns). */
  readonly html: HtmlSettings;
  /** DKIM keys: a keys file path (or the keys inline), and whether DNS may be asked. */
  readonly dkim: DkimSettings;
}

/** `smtpEml.html.enabled` and `smtpEml.html.clients`. */
export interface HtmlSettings {
  readonly enabled: boolean;
  readonly clients: readonly string[];
}

/** `smtpEml.dkim.*`. */
export interface DkimSettings {
  /** Path of a keys JSON file, or its object inline; undefined: `dkim-keys.json` beside the document, if any. */
  readonly keys?: string | Record<string, unknown>;
  /** Ask DNS for keys not in the file (default off). */
  readonly dnsLookups: boolean;
}

/** Defaults used until (or unless) the client answers `workspace/configuration`. */
export const DEFAULT_SETTINGS: ServerSettings = {
  diagnostics: {},
  limits: { maxFullSize: 64 * 1024 * 1024, maxDepth: 100 },
  debounceMs: 50,
  html: { enabled: true, clients: DEFAULT_HTML_CLIENTS },
  dkim: { dnsLookups: false },
};

const OVERRIDES = new Set<SeverityOverride>(['off', 'hint', 'information', 'warning', 'error']);

/**
 * Reads the `smtpEml` section as a client sends it. Accepts both the nested
 * form (`{diagnostics: {"missing-date": "off"}}`) and VS Code's flat dotted
 * keys (`{"diagnostics.missing-date": "off"}`), and ignores anything invalid.
 */
export function readSettings(section: unknown): ServerSettings {
  if (!section || typeof section !== 'object') return DEFAULT_SETTINGS;
  const s = section as Record<string, unknown>;
  const diagnostics: Partial<Record<ProblemCode, SeverityOverride>> = {};
  const addOverride = (code: string, value: unknown): void => {
    if (isProblemCode(code) && typeof value === 'string' && OVERRIDES.has(value as SeverityOverride)) {
      diagnostics[code] = value as SeverityOverride;
    }
  };
  if (s.diagnostics && typeof s.diagnostics === 'object') {
    for (const [k, v] of Object.entries(s.diagnostics as Record<string, unknown>)) addOverride(k, v);
  }
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith('diagnostics.')) addOverride(k.slice('diagnostics.'.length), v);
  }
  const validation = (s.validation && typeof s.validation === 'object' ? s.validation : {}) as Record<string, unknown>;
  const num = (v: unknown, fallback: number, min: number): number =>
    typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback;
  return {
    diagnostics,
    limits: {
      maxFullSize: num(validation.maxFullSize ?? s['validation.maxFullSize'], DEFAULT_SETTINGS.limits.maxFullSize, 1024),
      maxDepth: num(validation.maxDepth ?? s['validation.maxDepth'], DEFAULT_SETTINGS.limits.maxDepth, 1),
    },
    debounceMs: num(validation.debounceMs ?? s['validation.debounceMs'], DEFAULT_SETTINGS.debounceMs, 0),
    html: readHtmlSettings(s),
    dkim: readDkim(s),
  };
}

function readDkim(s: Record<string, unknown>): DkimSettings {
  const dkim = (s.dkim && typeof s.dkim === 'object' ? s.dkim : {}) as Record<string, unknown>;
  const keys = dkim.keys ?? s['dkim.keys'];
  const dns = dkim.dnsLookups ?? s['dkim.dnsLookups'];
  return {
    keys: typeof keys === 'string' ? keys : keys && typeof keys === 'object' && !Array.isArray(keys) ? (keys as Record<string, unknown>) : undefined,
    dnsLookups: dns === true,
  };
}

/** Reads `html.enabled` and `html.clients` (nested or dotted keys); invalid values fall back to the defaults. */
function readHtmlSettings(s: Record<string, unknown>): HtmlSettings {
  const html = (s.html && typeof s.html === 'object' ? s.html : {}) as Record<string, unknown>;
  const enabled = html.enabled ?? s['html.enabled'];
  const clients = html.clients ?? s['html.clients'];
  const list = Array.isArray(clients) ? clients.filter((c): c is string => typeof c === 'string' && c.trim() !== '').map((c) => c.trim()) : undefined;
  return {
    enabled: typeof enabled === 'boolean' ? enabled : DEFAULT_SETTINGS.html.enabled,
    clients: list ?? DEFAULT_SETTINGS.html.clients,
  };
}
