/** The one parse of a document version, shared by validation and every feature. */
import { parseMessage } from '../../mail/message/parse';
import type { ParsedMessage } from '../../mail/message/model';
import type { FeatureContext } from '../features';

/** Parses the document once per version and depth limit (memoised on the context; the limit is a setting that can change). */
export function parsedOf(ctx: FeatureContext): ParsedMessage {
  const { maxDepth } = ctx.settings.limits;
  return ctx.memo(`eml.parse:${maxDepth}`, () => parseMessage(ctx.document.getText(), { maxDepth }));
}
