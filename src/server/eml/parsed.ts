/** The one parse of a document version, shared by validation and every feature. */
import { parseMessage } from '../../mail/message/parse';
import type { ParsedMessage } from '../../mail/message/model';
import type { FeatureContext } from '../features';

/** Parses the document once per version (memoised on the context). */
export function parsedOf(ctx: FeatureContext): ParsedMessage {
  return ctx.memo('eml.parse', () => parseMessage(ctx.document.getText(), ctx.settings.limits));
}
