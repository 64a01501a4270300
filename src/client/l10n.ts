/**
 * Localisation for the client modules that do not import `vscode` (so that
 * node tests can load them): `t(message, ...args)` has the signature of
 * `vscode.l10n.t` (`{0}`-style placeholders). Outside VS Code it formats the
 * English source text; `activate` installs `vscode.l10n.t`, which looks the
 * message up in l10n/bundle.l10n.<language>.json. Every literal passed to
 * `t(` or `vscode.l10n.t(` must have an entry in the Persian bundle
 * (test/i18n/client.test.ts scans the sources).
 */

/** A message formatter with `vscode.l10n.t`'s signature. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** Replaces `{0}`, `{1}`… with the arguments (what `vscode.l10n.t` does with an untranslated message). */
export function formatMessage(message: string, ...args: Array<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => (args[Number(index)] === undefined ? whole : String(args[Number(index)])));
}

let translate: Translate = formatMessage;

/** The localised text of `message` (English source text, `{n}` placeholders). */
export function t(message: string, ...args: Array<string | number | boolean>): string {
  return translate(message, ...args);
}

/** Installs the translator (`vscode.l10n.t` in the extension host); returns the previous one. */
export function setTranslator(next: Translate): Translate {
  const previous = translate;
  translate = next;
  return previous;
}
