/** The `eml` language's features for the server core. */
import { validateMessage } from '../../mail/message/validate';
import type { LanguageFeatures } from '../features';
import { emlCompletion } from './completion';

/** Features of `.eml` documents. */
export const emlFeatures: LanguageFeatures = {
  languageId: 'eml',
  validate: (ctx) => validateMessage(ctx.document.getText(), ctx.settings.limits),
  completion: (ctx, position) => emlCompletion(ctx, position),
};
