/** The validation problems of a document version, computed once from the shared parse (validation, quick fixes). */
import type { Problem } from '../../mail/codes';
import { revalidateAfterEdit, validateState, type ValidationState } from '../../mail/message/incremental';
import type { FeatureContext, PreviousValue } from '../features';
import { keyLookupOf } from '../authKeys';
import { parsedOf } from './parsed';

/**
 * Problems of the document (memoised per version, from the memoised parse). After an edit
 * inside one body part, only that part is checked again (see incremental.ts).
 */
export function problemsOf(ctx: FeatureContext): Problem[] {
  return validationOf(ctx).problems;
}

/** The validation of the document version behind `problemsOf` (memoised), with what it re-checked. */
export function validationOf(ctx: FeatureContext): ValidationState {
  const { maxDepth, maxFullSize } = ctx.settings.limits;
  const { html } = ctx.settings;
  const { keys, version } = keyLookupOf(ctx);
  const key = `eml.problems:${maxDepth}:${maxFullSize}:${html.enabled ? html.clients.join(',') : 'no-html'}:${version}`;
  return ctx.memoFromEarlier(key, (previous?: PreviousValue<ValidationState>) => {
    const parsed = parsedOf(ctx);
    const options = { ...ctx.settings.limits, html: html.enabled ? { clients: html.clients } : (false as const), keys, l10n: ctx.l10n };
    return (previous && revalidateAfterEdit(previous.value, parsed, options)) ?? validateState(parsed, options);
  });
}
