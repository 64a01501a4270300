/** `smtp-eml check --html-clients LIST`: the target clients of the HTML checks from the command line. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli';

const FLEXBOX = join(__dirname, '../../../test/fixtures/eml/html/flexbox.eml');

test('default clients report flexbox; Apple Mail alone does not; Outlook for Windows names itself', async () => {
  const byDefault = await runCli(['check', FLEXBOX]);
  assert.match(byDefault.stdout, /flexbox\.eml:21:15: warning html-client-unsupported display:flex: not supported in /);
  const apple = await runCli(['check', '--html-clients', 'apple-mail.*', FLEXBOX]);
  assert.equal(apple.status, 0);
  assert.doesNotMatch(apple.stdout, /html-client/);
  const outlook = await runCli(['check', '--format', 'json', '--html-clients', 'outlook.windows,gmail.ios', FLEXBOX]);
  const flex = (JSON.parse(outlook.stdout) as Array<{ code: string; message: string; line: number; column: number }>).find((p) => p.message.startsWith('display:flex'));
  assert.ok(flex);
  assert.equal(flex.message, 'display:flex: not supported in Outlook (Windows); partial in Gmail (iOS): Not supported with non Google accounts.');
  assert.deepEqual([flex.line, flex.column], [21, 15]);
});

test('none skips the HTML checks; an unknown client is a usage error', async () => {
  const none = await runCli(['check', '--html-clients', 'none', FLEXBOX]);
  assert.equal(none.status, 0);
  assert.doesNotMatch(none.stdout, /html-/);
  const wrong = await runCli(['check', '--html-clients', 'outlok.*', FLEXBOX]);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /"outlok\.\*" matches no client; use family\.platform names with \* \(families: .*outlook/);
});
