/**
 * DKIM and ARC in the `.eml` editor: hover on DKIM-Signature, ARC-* and
 * Authentication-Results fields, an "Authentication" outline entry, and a code
 * lens on each signature. All read the one verification of the document
 * version (validation shares it).
 */
import * as lsp from 'vscode-languageserver';
import { authenticate, type AuthReport, type MessageAuth, type SignatureReport } from '../../mail/auth/verify';
import type { HeaderField, MimePart } from '../../mail/message/model';
import { keyLookupOf } from '../authKeys';
import { rangeOf } from '../diagnostics';
import type { FeatureContext } from '../features';
import type { AuthTexts } from './authTexts';
import { parsedOf } from './parsed';

// mailauth's Authentication-Results parser (RFC 8601 syntax, comments included): a small module without dependencies.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parseAuthHeader = require('mailauth/lib/parse-dkim-headers') as (line: string) => { parsed: Record<string, unknown> };

/** The verification of the document (shared with validation through the parse and key lookup). */
export function authReportOf(ctx: FeatureContext): AuthReport {
  return authenticate(parsedOf(ctx), { keys: keyLookupOf(ctx).keys, l10n: ctx.l10n });
}

const markdown = (value: string, range: lsp.Range): lsp.Hover => ({ contents: { kind: lsp.MarkupKind.Markdown, value }, range });

/** Text safe inside a Markdown table cell or line. */
const cell = (s: string): string => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
/** A code span for the user's text (backticks and table pipes cannot break out of it). */
const code = (s: string): string => `\`${s.replace(/`/g, "'").replace(/\|/g, '¦')}\``;

function formatDate(locale: string, date: Date): string {
  let safe = 'en';
  try {
    safe = Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : 'en';
  } catch {
    // keep English
  }
  if (Number.isNaN(date.getTime())) return String(date);
  const local = new Intl.DateTimeFormat(safe, { dateStyle: 'full', timeStyle: 'long' }).format(date);
  return `${local} (\`${date.toISOString()}\`)`;
}

function findSignature(report: AuthReport, field: HeaderField): { message: MessageAuth; signature?: SignatureReport } | undefined {
  for (const message of report.messages) {
    const dkim = message.dkim.find((s) => s.field === field);
    if (dkim) return { message, signature: dkim };
    const arc = message.arc?.signatures.find((s) => s.field === field);
    if (arc) return { message, signature: arc };
    if (message.part.headers.includes(field)) return { message };
  }
  return undefined;
}

function signatureMarkdown(ctx: FeatureContext, t: AuthTexts, s: SignatureReport, title: string): string {
  const out = [`**${title}**`, ''];
  const status = s.problem ? `${t.statusText[s.status]}: ${s.problem.message}` : t.statusText[s.status];
  out.push(`${t.result}: **${t.lens[s.status].replace(/^DKIM: /, '')}** — ${cell(status)}`, '', '| | |', '|---|---|');
  const get = (name: string): string | undefined => s.tags.byName.get(name)?.value;
  const row = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') out.push(`| ${label} | ${value} |`);
  };
  row(t.tag.a, get('a') && code(get('a')!));
  row(t.tag.d, get('d') && code(get('d')!));
  row(t.tag.s, get('s') && `${code(get('s')!)}${s.keyName ? ` → ${code(s.keyName)}` : ''}`);
  if (s.kind !== 'arc-seal') row(t.tag.c, `\`${s.headerCanon ?? '?'}/${s.bodyCanon ?? '?'}\``);
  if (s.signedFields.length) row(t.tag.h, s.signedFields.map((f) => code(f.trim())).join(', '));
  if (s.kind !== 'arc-seal') row(t.tag.l, s.bodyLength !== undefined ? t.bodyLength(s.bodyLength) : t.wholeBody);
  row(t.tag.i, get('i') && code(get('i')!));
  if (s.signedAt) row(t.signedAt, `${formatDate(ctx.locale, s.signedAt)}${s.signedAt.getTime() > Date.now() + 5 * 60_000 ? ` — ${t.inFuture}` : ''}`);
  if (s.expiresAt) row(t.expiresAt, `${formatDate(ctx.locale, s.expiresAt)}${s.expiresAt.getTime() < Date.now() ? ` — **${t.expired}**` : ''}`);
  if (s.kind === 'arc-seal') {
    const cv = get('cv')?.toLowerCase();
    row(t.tag.cv, cv ? cell(t.cv[cv] ?? cv) : undefined);
  }
  if (get('bh')) row(t.tag.bh, code(get('bh')!));
  if (s.bodyHash && s.bodyHash.hash !== get('bh')) row(t.bodyHashNow, `\`${s.bodyHash.hash}\``);
  if (s.keyInfo) row(t.keyRecord, t.keyInfo(s.keyInfo.type, s.keyInfo.bits, s.keyInfo.testing));
  return out.join('\n');
}

function resultsMarkdown(t: AuthTexts, field: HeaderField): string {
  const value = field.name.toLowerCase() === 'arc-authentication-results' ? field.value.replace(/^\s*i\s*=\s*\d+\s*;/, '') : field.value;
  let parsed: Record<string, unknown> = {};
  try {
    parsed = parseAuthHeader(`Authentication-Results: ${value}`).parsed;
  } catch {
    // an unparsable value: show what there is
  }
  const out = [`**${t.resultsTitle}**`, ''];
  if (typeof parsed.value === 'string' && parsed.value) out.push(`${t.authServ}: ${code(parsed.value)}`, '');
  for (const [method, entry] of Object.entries(parsed)) {
    if (method === 'header' || method === 'value') continue;
    for (const e of ([] as unknown[]).concat(entry) as Array<{ value?: string; comment?: string } & Record<string, unknown>>) {
      if (!e || typeof e.value !== 'string') continue;
      const props: string[] = [];
      for (const [ptype, v] of Object.entries(e)) {
        if (v && typeof v === 'object') for (const [prop, pv] of Object.entries(v as Record<string, unknown>)) props.push(code(`${ptype}.${prop}=${String(pv)}`));
      }
      out.push(`- **${cell(method)}=${cell(e.value)}**: ${cell(t.meaning(method, e.value))}${e.comment ? ` (${cell(e.comment)})` : ''}${props.length ? ` — ${props.join(' ')}` : ''}`);
    }
  }
  return out.join('\n');
}

/** Hover on DKIM-Signature, ARC-Seal, ARC-Message-Signature, (ARC-)Authentication-Results; undefined for other fields. */
export function authHover(ctx: FeatureContext, part: MimePart, field: HeaderField): lsp.Hover | undefined {
  const lower = field.name.toLowerCase();
  const range = rangeOf(ctx.document, field.offset, field.end - field.offset);
  const t = ctx.l10n.authFeatures;
  if (lower === 'authentication-results' || lower === 'arc-authentication-results') {
    let body = resultsMarkdown(t, field);
    if (lower === 'arc-authentication-results') body = `${arcSetLine(ctx, t, part, field)}\n\n${body}`;
    return markdown(body, range);
  }
  if (lower !== 'dkim-signature' && lower !== 'arc-seal' && lower !== 'arc-message-signature') return undefined;
  const found = findSignature(authReportOf(ctx), field);
  if (!found) return undefined;
  const { message, signature } = found;
  if (signature) {
    const title = signature.kind === 'dkim' ? t.dkimTitle : signature.kind === 'arc-seal' ? t.arcSealTitle(signature.instance ?? 0) : t.arcSignatureTitle(signature.instance ?? 0);
    const chain = signature.kind !== 'dkim' && message.arc ? `\n\n${t.chain(message.arc.status, message.arc.sets.length)}${message.arc.problem ? `: ${cell(message.arc.problem.message)}` : ''}` : '';
    return markdown(signatureMarkdown(ctx, t, signature, title) + chain, range);
  }
  // An ARC field that was not checked (an older ARC-Message-Signature, or a chain broken before it).
  return markdown(`${arcSetLine(ctx, t, part, field)}\n\n${t.notChecked}`, range);
}

function arcSetLine(ctx: FeatureContext, t: AuthTexts, part: MimePart, field: HeaderField): string {
  const message = authReportOf(ctx).messages.find((m) => m.part === part);
  const arc = message?.arc;
  if (!arc) return '';
  const set = arc.sets.find((s) => s.seal === field || s.messageSignature === field || s.results === field);
  return `**${set ? t.outlineSet(set.instance) : field.name}** — ${t.chain(arc.status, arc.sets.length)}${arc.problem ? `: ${cell(arc.problem.message)}` : ''}`;
}

/** The outline's "Authentication" entry for each signed message: its DKIM signatures and its ARC chain. */
export function authSymbols(ctx: FeatureContext): lsp.DocumentSymbol[] {
  const report = authReportOf(ctx);
  if (!report.messages.length) return [];
  const t = ctx.l10n.authFeatures;
  const { document } = ctx;
  const fieldSymbol = (f: HeaderField, name: string, detail: string, kind: lsp.SymbolKind = lsp.SymbolKind.Key): lsp.DocumentSymbol => ({
    name,
    detail,
    kind,
    range: rangeOf(document, f.offset, f.end - f.offset),
    selectionRange: rangeOf(document, f.nameOffset, f.nameLength),
  });
  return report.messages.map((m) => {
    const children: lsp.DocumentSymbol[] = m.dkim.map((s) => fieldSymbol(s.field, `DKIM ${s.domain ?? '?'} (${s.selector ?? '?'})`, t.lens[s.status].replace(/^DKIM: /, '')));
    if (m.arc && m.arc.sets.length) {
      const first = m.arc.sets[0];
      const fields = m.arc.sets.flatMap((s) => [s.seal, s.messageSignature, s.results].filter((f): f is HeaderField => !!f));
      const start = Math.min(...fields.map((f) => f.offset));
      const end = Math.max(...fields.map((f) => f.end));
      const anchor = first.seal ?? first.messageSignature ?? first.results!;
      children.push({
        name: t.outlineArc,
        detail: t.arcLens(m.arc.status, m.arc.sets.length).replace(/^ARC: /, ''),
        kind: lsp.SymbolKind.Array,
        range: rangeOf(document, start, end - start),
        selectionRange: rangeOf(document, anchor.nameOffset, anchor.nameLength),
        children: m.arc.sets.map((s) => {
          const f = (s.seal ?? s.messageSignature ?? s.results)!;
          return fieldSymbol(f, t.outlineSet(s.instance), s.cv ? `cv=${s.cv}` : '', lsp.SymbolKind.Key);
        }),
      });
    }
    const fields = [...m.dkim.map((s) => s.field), ...(m.arc?.sets.flatMap((s) => [s.seal, s.messageSignature, s.results]) ?? [])].filter((f): f is HeaderField => !!f);
    const start = Math.min(...fields.map((f) => f.offset));
    const end = Math.max(...fields.map((f) => f.end));
    const first = fields.reduce((a, b) => (b.offset < a.offset ? b : a));
    return {
      name: t.outlineAuth,
      detail: children.map((c) => c.detail).join(' · '),
      kind: lsp.SymbolKind.Interface,
      range: rangeOf(document, start, end - start),
      selectionRange: rangeOf(document, first.nameOffset, first.nameLength),
      children,
    };
  });
}

/** A code lens above each DKIM-Signature ("DKIM: pass / body changed / signature invalid / key unknown") and above the newest ARC set. */
export function authCodeLenses(ctx: FeatureContext): lsp.CodeLens[] {
  const report = authReportOf(ctx);
  const t = ctx.l10n.authFeatures;
  const lenses: lsp.CodeLens[] = [];
  const at = (f: HeaderField, title: string): void => {
    const start = ctx.document.positionAt(f.offset);
    lenses.push({ range: { start, end: start }, command: { title, command: '' } });
  };
  for (const m of report.messages) {
    for (const s of m.dkim) at(s.field, t.lens[s.status]);
    if (m.arc && m.arc.sets.length) {
      const fields = m.arc.sets.flatMap((s) => [s.seal, s.messageSignature, s.results]).filter((f): f is HeaderField => !!f);
      at(fields.reduce((a, b) => (b.offset < a.offset ? b : a)), t.arcLens(m.arc.status, m.arc.sets.length));
    }
  }
  return lenses;
}
