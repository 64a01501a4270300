/**
 * The dialects a transcript can be written in, in the order detection prefers
 * them on a tie (the canonical form first). A new log format is one module of
 * this folder exporting a `DialectReader`, added to this list.
 */
import { canonical } from './canonical';
import { msmtp } from './msmtp';
import { nodemailer } from './nodemailer';
import { postfix } from './postfix';
import type { DialectReader } from './reader';
import { swaks } from './swaks';

export const DIALECTS = [canonical, swaks, msmtp, nodemailer, postfix] as const;

/** The log formats we read. */
export type Dialect = (typeof DIALECTS)[number]['name'];

/** The reader of `dialect`. */
export function dialectReader(dialect: Dialect): DialectReader<Dialect> {
  return DIALECTS.find((d) => d.name === dialect)!;
}

/** Human names of the dialects (for messages and the conversion action). */
export const DIALECT_NAMES = Object.fromEntries(DIALECTS.map((d) => [d.name, d.label])) as Readonly<Record<Dialect, string>>;

export { canonical as CANONICAL_DIALECT };
export type { Classified, DialectReader, LineClassifier, LineCodes, LineKind, LineRows, RawLine } from './reader';
