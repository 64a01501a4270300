/** Helpers for the transcript server tests. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type * as lsp from 'vscode-languageserver';

let counter = 0;
/** A fresh URI per document so tests do not share state. */
export const uri = (name = 'session'): string => `file:///test/${name}-${++counter}.smtp`;

/** Applies LSP text edits to `text`. */
export function applyEdits(text: string, edits: lsp.TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'smtp-transcript', 1, text), edits);
}

/** Splits text at the `|` cursor marker. */
export function cursor(marked: string): { text: string; position: lsp.Position } {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const lines = marked.slice(0, at).split(/\r?\n/);
  return { text, position: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

/** The D.1-like session used across tests. */
export function sample(eol: string): string {
  return [
    'S: 220 mx.example.com ESMTP',
    'C: EHLO client.example.org',
    'S: 250-mx.example.com greets client.example.org',
    'S: 250-PIPELINING',
    'S: 250-ENHANCEDSTATUSCODES',
    'S: 250 8BITMIME',
    'C: MAIL FROM:<ann@example.org>',
    'S: 250 2.1.0 Ok',
    'C: RCPT TO:<bob@example.com>',
    'S: 250 2.1.5 Ok',
    'C: RCPT TO:<nobody@example.com>',
    'S: 550 5.1.1 <nobody@example.com>: Recipient address rejected',
    'C: RCPT TO:<cy@example.com>',
    'S: 250 2.1.5 Ok',
    'C: DATA',
    'S: 354 End data with <CR><LF>.<CR><LF>',
    'C: From: Ann <ann@example.org>',
    'C: To: bob@example.com, cy@example.com',
    'C: Subject: Minutes',
    'C: Date: Fri, 01 Mar 2024 10:00:00 +0000',
    'C: Message-ID: <minutes.1@example.org>',
    'C:',
    'C: See you.',
    'C: .',
    'S: 250 2.0.0 Ok: queued as 4TmQ',
    'C: MAIL FROM:<ann@example.org>',
    'S: 250 2.1.0 Ok',
    'C: RCPT TO:<bob@example.com>',
    'S: 250 2.1.5 Ok',
    'C: DATA',
    'S: 552 5.3.4 Message size exceeds fixed limit',
    'C: QUIT',
    'S: 221 2.0.0 Bye',
    '',
  ].join(eol);
}
