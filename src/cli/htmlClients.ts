/**
 * `check --html-clients LIST`: the target email clients of the HTML checks,
 * caniemail.com `family.platform` patterns with `*`, comma-separated; `none`
 * turns the HTML checks off.
 */
import { ENGLISH_CLI_TEXTS, type CliTexts } from '../mail/cliTexts';
import type { HtmlCheckOptions } from '../mail/html/check';
import { clientMatcher, knownClients, loadSupport } from '../mail/html/support';

/** The HTML options for a `--html-clients` value (undefined: the defaults), or why the value is wrong. */
export function htmlOptionsOf(list: string | undefined, texts: CliTexts = ENGLISH_CLI_TEXTS): { options: HtmlCheckOptions | false } | { error: string } {
  if (list === undefined) return { options: {} };
  const patterns = list.split(',').map((p) => p.trim()).filter(Boolean);
  if (patterns.length === 1 && patterns[0].toLowerCase() === 'none') return { options: false };
  if (!patterns.length) return { error: texts.htmlClientsEmpty };
  const support = loadSupport();
  if (support) {
    const known = knownClients(support.data);
    const unknown = patterns.filter((p) => !known.some(clientMatcher([p])));
    if (unknown.length) {
      const families = [...new Set(known.map((k) => k.slice(0, k.indexOf('.'))))].join(', ');
      return { error: texts.htmlClientsUnknown(unknown, families) };
    }
  }
  return { options: { clients: patterns } };
}
