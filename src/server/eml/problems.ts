/** The validation problems of a document version, computed once and shared (validation, tokens, quick fixes). */
import type { Problem } from '../../mail/codes';
import { validateMessage } from '../../mail/message/validate';
import type { FeatureContext } from '../features';

/** Problems of the document (memoised per version). */
export function problemsOf(ctx: FeatureContext): Problem[] {
  return ctx.memo('eml.problems', () => validateMessage(ctx.document.getText(), ctx.settings.limits));
}
