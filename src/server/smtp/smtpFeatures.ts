/** The `smtp-transcript` language's features for the server core. */
import { validateTranscript } from '../../mail/transcript/validate';
import type { LanguageFeatures } from '../features';

/** Features of `.smtp` transcripts. */
export const smtpFeatures: LanguageFeatures = {
  languageId: 'smtp-transcript',
  validate: (ctx) => validateTranscript(ctx.document.getText(), ctx.settings.limits),
};
