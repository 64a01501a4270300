/** Shared helpers of the eml feature tests (not a test file itself). */
import type * as lsp from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../../src/server/semanticTokens';
import type { FeatureContext } from '../../../src/server/features';
import { serverBundleFor } from '../../../src/server/l10n';
import { DEFAULT_SETTINGS, type ServerSettings } from '../../../src/server/settings';
import type { TestClient } from '../../helpers/lspClient';

let counter = 0;

/** Opens `text` as a fresh eml document; returns its uri and first diagnostics. */
export async function openEml(client: TestClient, text: string): Promise<{ uri: string; diagnostics: lsp.Diagnostic[] }> {
  const uri = `file:///eml-test-${process.pid}-${counter++}.eml`;
  const diagnostics = await client.open(uri, 'eml', text);
  return { uri, diagnostics };
}

/** Splits `marked` at the `|` cursor marker into text and position. */
export function cursor(marked: string): { text: string; position: lsp.Position; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | in test text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const lines = marked.slice(0, offset).split('\n');
  return { text, offset, position: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

/** Position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): lsp.Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  return TextDocument.create('x', 'eml', 1, text).positionAt(at + delta);
}

/** Applies LSP text edits to `text` (as a client does: all ranges refer to the original). */
export function applyEdits(text: string, edits: lsp.TextEdit[]): string {
  const doc = TextDocument.create('x', 'eml', 1, text);
  return TextDocument.applyEdits(doc, edits);
}

/** A decoded semantic token. */
export interface DecodedToken {
  text: string;
  line: number;
  character: number;
  type: string;
  modifiers: string[];
}

/** Decodes the LSP relative token data against `text`. */
export function decodeTokens(text: string, tokens: lsp.SemanticTokens): DecodedToken[] {
  const lines = text.split(/\r?\n/);
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type, mods] = tokens.data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    out.push({
      text: lines[line].slice(character, character + len),
      line,
      character,
      type: TOKEN_TYPES[type],
      modifiers: TOKEN_MODIFIERS.filter((_, bit) => mods & (1 << bit)),
    });
  }
  return out;
}

/** Both line-ending styles, for tables that run every case with CRLF and LF. */
export const EOLS: Array<{ name: string; eol: string }> = [
  { name: 'LF', eol: '\n' },
  { name: 'CRLF', eol: '\r\n' },
];

/** A message whose multiparts nest `levels` deep (boundaries are not prefixes of each other). */
export function nestedMessage(levels: number, eol = '\n'): string {
  const lines: string[] = ['From: a@example.com', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'MIME-Version: 1.0'];
  for (let i = 0; i < levels; i++) lines.push(`Content-Type: multipart/mixed; boundary="b${i}x"`, '', `--b${i}x`);
  lines.push('Content-Type: text/plain', '', 'deep');
  for (let i = levels - 1; i >= 0; i--) lines.push(`--b${i}x--`);
  return lines.join(eol) + eol;
}

/**
 * Resolves once the server validates with a depth limit above `levels` (the
 * client's settings arrive asynchronously after `initialized`): waits on
 * published diagnostics of a probe document, no sleeping.
 */
export async function awaitDepthLimitAbove(client: TestClient, levels: number): Promise<void> {
  const uri = `file:///eml-depth-probe-${process.pid}-${counter++}.eml`;
  let current = await client.open(uri, 'eml', nestedMessage(levels));
  while (current.some((d) => d.code === 'nesting-too-deep')) current = await client.nextDiagnostics(uri);
  await client.close(uri);
}

/**
 * A feature context like the server's, for calling `emlFeatures` directly (no
 * server, no guard). `computed`, when given, counts how often each memo key is computed.
 */
export function featureContext(text: string, settings: ServerSettings = DEFAULT_SETTINGS, computed?: Map<string, number>): FeatureContext {
  const document = TextDocument.create('file:///x.eml', 'eml', 1, text);
  const values = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!values.has(key)) {
      computed?.set(key, (computed.get(key) ?? 0) + 1);
      values.set(key, compute());
    }
    return values.get(key) as T;
  };
  return {
    document,
    settings,
    locale: 'en',
    l10n: serverBundleFor('en'),
    workspaceFolders: [],
    otherDocuments: () => [],
    memo,
    // One version only: there is never an earlier value.
    memoFromEarlier: (key, compute) => memo(key, () => compute()),
  };
}
