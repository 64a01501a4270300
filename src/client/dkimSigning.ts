/**
 * DKIM signing for a server profile in VS Code: the profile's `dkim` entry
 * (domain, selector, keyFile) comes from settings; the private key itself
 * (when there is no keyFile) or the passphrase of an encrypted key file lives
 * only in SecretStorage. The command "Set DKIM Key or Passphrase" stores it.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { DkimSigning, SmtpProfile } from '../send/types';

/** SecretStorage key of a profile's DKIM secret (the PEM key, or the key file's passphrase). */
export function dkimSecretKeyFor(profileName: string): string {
  return `smtpEml.dkim/${profileName}`;
}

/** Whether a PEM text is an encrypted private key (needs a passphrase). */
const isEncrypted = (pem: string): boolean => /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);

/**
 * The signing request for `profile`, undefined when it does not sign, null
 * when the user cancelled the passphrase prompt; throws with a message for
 * the user when the key cannot be had.
 */
export async function dkimSigningFor(secrets: vscode.SecretStorage, profile: SmtpProfile): Promise<DkimSigning | undefined | null> {
  const dkim = profile.dkim;
  if (!dkim) return undefined;
  const secret = await secrets.get(dkimSecretKeyFor(profile.name));
  let pem: string;
  let passphrase: string | undefined;
  if (dkim.keyFile) {
    const file = dkim.keyFile.replace(/^~(?=\/|$)/, process.env.HOME ?? '~');
    try {
      pem = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(vscode.l10n.t('Cannot read the DKIM key file {0}: {1}', file, (e as Error).message));
    }
    if (isEncrypted(pem)) {
      passphrase = secret;
      if (passphrase === undefined) {
        passphrase = await vscode.window.showInputBox({
          title: vscode.l10n.t('Passphrase of the DKIM key for {0}', profile.name),
          prompt: vscode.l10n.t('Stored in VS Code SecretStorage (the OS keychain), never in settings.'),
          password: true,
          ignoreFocusOut: true,
        });
        if (passphrase === undefined) return null;
        await secrets.store(dkimSecretKeyFor(profile.name), passphrase);
      }
    }
  } else {
    if (secret === undefined || !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(secret)) {
      throw new Error(vscode.l10n.t('The DKIM key of {0} is not set: give the profile a keyFile, or run "SMTP & EML: Set DKIM Key or Passphrase".', profile.name));
    }
    pem = secret;
  }
  const signing: DkimSigning = { selector: dkim.selector, privateKey: pem };
  if (dkim.domain) signing.domain = dkim.domain;
  if (passphrase !== undefined) signing.passphrase = passphrase;
  return signing;
}

/** "Set DKIM Key or Passphrase": stores a profile's PEM key (no keyFile) or its key file's passphrase. */
export async function setDkimSecret(secrets: vscode.SecretStorage, profiles: readonly SmtpProfile[], profileName?: string, value?: string): Promise<boolean> {
  let profile = profiles.find((p) => p.name === profileName);
  if (!profile) {
    const signing = profiles.filter((p) => p.dkim);
    if (!signing.length) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No server profile in smtpEml.servers has a dkim entry.'));
      return false;
    }
    const picked = await vscode.window.showQuickPick(
      signing.map((p) => ({ label: p.name, description: `${p.dkim!.selector}._domainkey.${p.dkim!.domain ?? '…'}`, profile: p })),
      { title: vscode.l10n.t('Set the DKIM key or passphrase of which server?') },
    );
    if (!picked) return false;
    profile = picked.profile;
  }
  const wantsKey = !profile.dkim?.keyFile;
  const entered =
    value ??
    (await vscode.window.showInputBox({
      title: wantsKey ? vscode.l10n.t('DKIM private key (PEM) for {0}', profile.name) : vscode.l10n.t('Passphrase of the DKIM key for {0}', profile.name),
      prompt: vscode.l10n.t('Stored in VS Code SecretStorage (the OS keychain), never in settings.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (wantsKey && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(v) ? vscode.l10n.t('Paste the whole PEM text, from -----BEGIN to -----END.') : undefined),
    }));
  if (entered === undefined) return false;
  const stored = wantsKey ? normalisePem(entered) : entered;
  await secrets.store(dkimSecretKeyFor(profile.name), stored);
  return true;
}

/** An input box turns a pasted PEM's line breaks into spaces: rebuild the armour with 64-character lines. */
export function normalisePem(text: string): string {
  const m = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return text;
  const body = m[2].replace(/\s+/g, '');
  return `-----BEGIN ${m[1]}-----\n${body.replace(/.{1,64}/g, '$&\n')}-----END ${m[1]}-----\n`;
}
