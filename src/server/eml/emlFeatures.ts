/** The `eml` language's features for the server core. */
import type { LanguageFeatures } from '../features';
import { authCodeLenses } from './auth';
import { emlCodeActions, resolveEmlCodeAction } from './codeActions';
import { emlCompletion } from './completion';
import { DECODE_PART_REQUEST } from '../../protocol';
import { decodePartRequest } from './decodePart';
import { emlHover } from './hover';
import { withMailboxes } from './mailbox';
import { emlDocumentSymbols, emlFoldingRanges } from './outline';
import { problemsOf } from './problems';
import { emlSemanticTokens } from './tokens';

/** Features of `.eml` documents; a mailbox (`.mbox`) gets them per message. */
export const emlFeatures: LanguageFeatures = withMailboxes({
  languageId: 'eml',
  validate: (ctx) => problemsOf(ctx),
  hover: (ctx, position) => emlHover(ctx, position),
  completion: (ctx, position) => emlCompletion(ctx, position),
  documentSymbols: (ctx) => emlDocumentSymbols(ctx),
  foldingRanges: (ctx) => emlFoldingRanges(ctx),
  codeActions: (ctx, range, diagnostics) => emlCodeActions(ctx, range, diagnostics),
  resolveCodeAction: (ctx, action) => resolveEmlCodeAction(ctx, action),
  semanticTokens: (ctx) => emlSemanticTokens(ctx),
  codeLenses: (ctx) => authCodeLenses(ctx),
  requests: { [DECODE_PART_REQUEST]: decodePartRequest },
});
