/** The validation problems of a document version, computed once from the shared parse (validation, quick fixes). */
import type { Problem } from '../../mail/codes';
import { validateParsed } from '../../mail/message/validate';
import type { FeatureContext } from '../features';
import { parsedOf } from './parsed';

/** Problems of the document (memoised per version, from the memoised parse). */
export function problemsOf(ctx: FeatureContext): Problem[] {
  const { maxDepth, maxFullSize } = ctx.settings.limits;
  return ctx.memo(`eml.problems:${maxDepth}:${maxFullSize}`, () => validateParsed(parsedOf(ctx), ctx.settings.limits));
}
