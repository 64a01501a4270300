/**
 * The CLI's texts in the locale bundles: the Persian reasons a file cannot be
 * read (by system error code) and the Persian readings of Node's argument
 * errors are Persian prose; a code without a translation keeps the system's
 * own message, isolated as quoted text. The English table passes the
 * system's and Node's messages through unchanged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FSI, hasRtl, PDI } from '../../src/mail/bidi';
import { bundleFor } from '../../src/mail/i18n';
import { argvLocale } from '../../src/cli/io';
import { documentForms, englishWords } from '../helpers/englishWords';

const fa = bundleFor('fa').cli;
const en = bundleFor('en').cli;

test('system reasons: the common error codes read in Persian, others keep the message isolated', () => {
  const message = "ENOENT: no such file or directory, open 'x.eml'";
  for (const code of ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EMFILE', 'EEXIST', 'ENOSPC', 'EROFS', 'EADDRINUSE']) {
    const text = fa.systemReason(code, message);
    assert.ok(hasRtl(text), code);
    assert.deepEqual(englishWords(text, documentForms('')), [], code);
    assert.equal(en.systemReason(code, message), message);
  }
  assert.equal(fa.systemReason('EWHATEVER', 'strange failure'), `${FSI}strange failure${PDI}`);
  // Near miss: that isolated message is English unless it is the user's own text.
  assert.deepEqual(englishWords(fa.systemReason('EWHATEVER', 'strange failure'), documentForms('')), ['strange', 'failure']);
});

test("Node's argument errors: unknown option, missing value, unexpected argument in Persian", () => {
  const errors: Array<[string, string, string]> = [
    ['ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"", '--bogus'],
    ['ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '--format <value>' argument missing", '--format <value>'],
    ['ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument 'x'. This command does not take positional arguments", 'x'],
  ];
  for (const [code, message, named] of errors) {
    const text = fa.argumentError(code, message);
    assert.ok(hasRtl(text), code);
    assert.ok(text.includes(`${FSI}${named}${PDI}`), text);
    assert.deepEqual(englishWords(text, documentForms(named)), [], code);
    assert.equal(en.argumentError(code, message), message);
  }
});

test('argvLocale: --locale X or --locale=X anywhere before --, else nothing', () => {
  assert.equal(argvLocale(['check', '--locale', 'fa', 'x.eml']), 'fa');
  assert.equal(argvLocale(['--locale=fa_IR.UTF-8', 'frobnicate']), 'fa_IR.UTF-8');
  assert.equal(argvLocale(['check', 'x.eml']), undefined);
  assert.equal(argvLocale(['check', '--', '--locale', 'fa']), undefined);
  assert.equal(argvLocale(['check', '--locale']), undefined);
});
