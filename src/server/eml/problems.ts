/** The validation problems of a document version, computed once from the shared parse (validation, quick fixes). */
import type { Problem } from '../../mail/codes';
import { validateParsed } from '../../mail/message/validate';
import type { FeatureContext } from '../features';
import { keyLookupOf } from '../authKeys';
import { parsedOf } from './parsed';

/** Problems of the document (memoised per version, from the memoised parse). */
export function problemsOf(ctx: FeatureContext): Problem[] {
  const { maxDepth, maxFullSize } = ctx.settings.limits;
  const { html } = ctx.settings;
  const { keys, version } = keyLookupOf(ctx);
  const key = `eml.problems:${maxDepth}:${maxFullSize}:${html.enabled ? html.clients.join(',') : 'no-html'}:${version}`;
  return ctx.memo(key, () => validateParsed(parsedOf(ctx), { ...ctx.settings.limits, html: html.enabled ? { clients: html.clients } : false, keys }));
}
