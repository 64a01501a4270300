/** The one parse of a document version, shared by validation and every feature. */
import { reparseAfterEdit } from '../../mail/message/incremental';
import { parseMessage } from '../../mail/message/parse';
import type { ParsedMessage } from '../../mail/message/model';
import type { FeatureContext, PreviousValue } from '../features';

/**
 * Parses the document once per version and depth limit (memoised on the context; the limit
 * is a setting that can change). After an edit inside one body part that cannot change the
 * structure, the previous version's parse is shifted instead.
 */
export function parsedOf(ctx: FeatureContext): ParsedMessage {
  const { maxDepth } = ctx.settings.limits;
  return ctx.memoFromEarlier(`eml.parse:${maxDepth}`, (previous?: PreviousValue<ParsedMessage>) => {
    const text = ctx.document.getText();
    return (previous && reparseAfterEdit(previous.value, text, previous.edit)) ?? parseMessage(text, { maxDepth, l10n: ctx.l10n });
  });
}
