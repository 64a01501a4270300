/**
 * Validates an RFC 5322 + MIME message. (Skeleton: the full validator replaces this.)
 */
import type { Problem } from '../codes';

/** Bounds on validation work. */
export interface MessageValidationOptions {
  maxFullSize?: number;
  maxDepth?: number;
}

/** Returns every problem in `text`, a whole message. Never throws. */
export function validateMessage(text: string, _options: MessageValidationOptions = {}): Problem[] {
  void text;
  return [];
}
