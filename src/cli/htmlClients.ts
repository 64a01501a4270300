/**
 * `check --html-clients LIST`: the target email clients of the HTML checks,
 * caniemail.com `family.platform` patterns with `*`, comma-separated; `none`
 * turns the HTML checks off.
 */
import type { HtmlCheckOptions } from '../mail/html/check';
import { clientMatcher, knownClients, loadSupport } from '../mail/html/support';

/** The HTML options for a `--html-clients` value (undefined: the defaults), or why the value is wrong. */
export function htmlOptionsOf(list: string | undefined): { options: HtmlCheckOptions | false } | { error: string } {
  if (list === undefined) return { options: {} };
  const patterns = list.split(',').map((p) => p.trim()).filter(Boolean);
  if (patterns.length === 1 && patterns[0].toLowerCase() === 'none') return { options: false };
  if (!patterns.length) return { error: '--html-clients needs a comma-separated list of clients, e.g. outlook.windows,gmail.*, or none' };
  const support = loadSupport();
  if (support) {
    const known = knownClients(support.data);
    const unknown = patterns.filter((p) => !known.some(clientMatcher([p])));
    if (unknown.length) {
      const families = [...new Set(known.map((k) => k.slice(0, k.indexOf('.'))))].join(', ');
      return { error: `--html-clients: ${unknown.map((u) => JSON.stringify(u)).join(', ')} matches no client; use family.platform names with * (families: ${families})` };
    }
  }
  return { options: { clients: patterns } };
}
