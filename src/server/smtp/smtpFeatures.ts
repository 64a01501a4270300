/** The `smtp-transcript` language's features for the server core. */
import type { LanguageFeatures } from '../features';
import { smtpCodeActions } from './codeActions';
import { smtpCompletion } from './completion';
import { smtpHover } from './hover';
import { smtpCodeLenses, smtpDocumentSymbols, smtpFoldingRanges, smtpInlayHints } from './outline';
import { transcriptProblems } from './session';
import { smtpSemanticTokens } from './tokens';

/** Features of `.smtp` transcripts (any supported dialect). */
export const smtpFeatures: LanguageFeatures = {
  languageId: 'smtp-transcript',
  validate: (ctx) => transcriptProblems(ctx),
  hover: (ctx, position) => smtpHover(ctx, position),
  completion: (ctx, position) => smtpCompletion(ctx, position),
  documentSymbols: (ctx) => smtpDocumentSymbols(ctx),
  foldingRanges: (ctx) => smtpFoldingRanges(ctx),
  codeActions: (ctx, range, diagnostics) => smtpCodeActions(ctx, range, diagnostics),
  semanticTokens: (ctx) => smtpSemanticTokens(ctx),
  inlayHints: (ctx, range) => smtpInlayHints(ctx, range),
  codeLenses: (ctx) => smtpCodeLenses(ctx),
};
