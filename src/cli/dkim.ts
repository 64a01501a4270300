/**
 * The CLI's DKIM options: `check --dkim-keys FILE` (public keys to verify
 * with) and `send --dkim-key FILE --dkim-selector S [--dkim-domain D]`
 * (the passphrase of an encrypted key from DKIM_KEY_PASSPHRASE).
 */
import { readFileSync } from 'node:fs';
import { readKeysJson, recordLookup, type KeyLookup } from '../mail/auth/keys';
import { ENGLISH_CLI_TEXTS, type CliTexts } from '../mail/cliTexts';
import type { DkimSigning } from '../send/types';

/** parseArgs options of `check`. */
export const CHECK_DKIM_OPTIONS = { 'dkim-keys': { type: 'string' } } as const;
/** parseArgs options of `send`. */
export const SEND_DKIM_OPTIONS = { 'dkim-key': { type: 'string' }, 'dkim-selector': { type: 'string' }, 'dkim-domain': { type: 'string' } } as const;

/** Reads a keys file (either shape) into a lookup; throws an Error whose message says what is wrong with it. */
export function keysFromFile(file: string | undefined, texts: CliTexts = ENGLISH_CLI_TEXTS): KeyLookup | undefined {
  if (file === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(texts.dkimKeysUnreadable(file, (e as Error).message));
  }
  const { records, skipped } = readKeysJson(json);
  if (skipped.length && !records.size) throw new Error(texts.dkimKeysEmpty(file));
  return recordLookup(records);
}

/** The signing request of `send`'s options, or undefined without --dkim-key; throws with a usage message. */
export function signingFromArgs(
  values: { 'dkim-key'?: string; 'dkim-selector'?: string; 'dkim-domain'?: string },
  env: NodeJS.ProcessEnv,
  texts: CliTexts = ENGLISH_CLI_TEXTS,
): DkimSigning | undefined {
  const keyFile = values['dkim-key'];
  if (keyFile === undefined) {
    if (values['dkim-selector'] !== undefined || values['dkim-domain'] !== undefined) throw new Error(texts.dkimNeedsKey);
    return undefined;
  }
  if (!values['dkim-selector']) throw new Error(texts.dkimNeedsSelector);
  let privateKey: Buffer;
  try {
    privateKey = readFileSync(keyFile);
  } catch (e) {
    throw new Error(texts.dkimKeyUnreadable(keyFile, (e as Error).message));
  }
  const signing: DkimSigning = { selector: values['dkim-selector'], privateKey };
  if (values['dkim-domain']) signing.domain = values['dkim-domain'];
  if (env.DKIM_KEY_PASSPHRASE) signing.passphrase = env.DKIM_KEY_PASSPHRASE;
  return signing;
}
