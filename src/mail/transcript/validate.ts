/**
 * Validates an SMTP transcript. (Skeleton: the full validator replaces this.)
 */
import type { Problem } from '../codes';
import type { MessageValidationOptions } from '../message/validate';

/** Returns every problem in `text`, a whole transcript. Never throws. */
export function validateTranscript(text: string, _options: MessageValidationOptions = {}): Problem[] {
  void text;
  return [];
}
