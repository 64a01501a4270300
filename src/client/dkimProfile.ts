/**
 * The `dkim` entry of a server profile in settings (no vscode here, so the
 * settings reader stays testable): domain, selector and keyFile only; key
 * material never comes from settings.
 */
import type { SmtpProfile } from '../send/types';

/** Reads a profile entry's `dkim` object from settings; problems are reported, never thrown. */
export function readDkimProfile(entry: Record<string, unknown>, where: string, problems: string[]): SmtpProfile['dkim'] {
  const raw = entry.dkim;
  if (raw === undefined) return undefined;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${where}: dkim must be an object { domain, selector, keyFile }.`);
    return undefined;
  }
  const d = raw as Record<string, unknown>;
  if ('privateKey' in d || 'passphrase' in d) problems.push(`${where}: dkim.privateKey and dkim.passphrase are ignored; use the command "SMTP & EML: Set DKIM Key or Passphrase" (stored in SecretStorage).`);
  if (typeof d.selector !== 'string' || !d.selector.trim()) {
    problems.push(`${where}: dkim needs a selector.`);
    return undefined;
  }
  const out: NonNullable<SmtpProfile['dkim']> = { selector: d.selector.trim() };
  if (typeof d.domain === 'string' && d.domain.trim()) out.domain = d.domain.trim();
  if (typeof d.keyFile === 'string' && d.keyFile.trim()) out.keyFile = d.keyFile.trim();
  return out;
}

